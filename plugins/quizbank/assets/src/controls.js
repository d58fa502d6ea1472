// @ts-check
/* What only this script uses in a question, made here rather than sent in every page: the
 * buttons that check it and show its answer, the live region that says the verdict, and what
 * its type adds (ordering's move buttons). Without the script none of them could do anything,
 * so a page without it (or printed) never had them. */

import { button, liveRegion, make, one } from "./dom.js";
import { typeOf } from "./types/index.js";

/**
 * Give a question its buttons and its live region, before its answer panel; once only.
 * @param {HTMLElement} question
 */
export function addControls(question) {
  if (one(".qb-feedback", question)) return;
  const actions = make("div", "qb-question__actions");
  button(actions, "check", "Check answer", "qb-button qb-button--primary");
  actions.append(" ");
  button(actions, "show", "Show the answer");
  const panel = one(".qb-answer", question);
  question.insertBefore(actions, panel);
  question.insertBefore(liveRegion("qb-feedback"), panel);
  typeOf(question)?.setUp?.(question);
}
