// @ts-check
/* Hints: a question's hints, revealed one at a time before the learner checks. Without this
 * script they sit closed in a details element; with it, the details stays open with its summary
 * hidden, each hint hidden until the button shows it. The list is a live region, so each hint
 * is read out as it appears; the answer record notes how many were shown (answers.js). */

import { all, one, the } from "./dom.js";

/**
 * Return how many of a question's hints are showing.
 * @param {Element} question
 */
export const hintsShown = (question) => all(".qb-hints__item:not([hidden])", question).length;

/**
 * Show a question's button for its next hint, or none when every hint is showing.
 * @param {HTMLElement} box
 */
function label(box) {
  const items = all(".qb-hints__item", box);
  const shown = items.filter((item) => !item.hidden).length;
  const button = the("button", box);
  button.hidden = shown >= items.length;
  button.textContent = `Show ${shown ? "another" : "a"} hint (${shown + 1} of ${items.length})`;
}

/**
 * Set up a question's hints with the first `shown` of them showing (none by default).
 * @param {HTMLElement} question
 * @param {number} [shown]
 */
export function setUpHints(question, shown = 0) {
  /** @type {HTMLDetailsElement | null} */
  const box = one(".qb-hints", question);
  if (!box) return;
  box.open = true;
  the("summary", box).hidden = true;
  all(".qb-hints__item", box).forEach((item, index) => {
    item.hidden = index >= shown;
  });
  label(box);
}

/**
 * Show a question's next hint. When it is the last, focus moves to it from the button, which
 * goes away.
 * @param {HTMLElement} question
 */
export function showHint(question) {
  const box = the(".qb-hints", question);
  const next = one(".qb-hints__item[hidden]", box);
  if (!next) return;
  next.hidden = false;
  label(box);
  if (the("button", box).hidden) {
    next.tabIndex = -1;
    next.focus();
  }
}
