// @ts-check
/* Holding back a question's answer and explanation: with the script on, the panel is out of
 * sight until the learner has checked the question or asked to see the answer. A shown answer
 * counts as not answered right (data-qb-shown, saved with the answer as `shown`). Without the
 * script, and in print, the panel is there as the page renders it. */

import { one } from "./dom.js";

const HELD = "qb-answer--held";

/**
 * Whether the learner asked to see a question's answer before answering it right.
 * @param {HTMLElement} question
 */
export const isShown = (question) => question.dataset.qbShown === "true";

/**
 * Put the answer out of sight (on screen), closed, and offer to show it.
 * @param {HTMLElement} question
 */
export function hold(question) {
  const panel = /** @type {HTMLDetailsElement | null} */ (one(".qb-answer", question));
  if (!panel) return;
  panel.classList.add(HELD);
  panel.open = false;
  delete question.dataset.qbShown;
  const show = one("[data-qb-action='show']", question);
  if (show) show.hidden = false;
}

/**
 * Bring the answer into sight, opened if asked; the offer to show it goes.
 * @param {HTMLElement} question
 * @param {boolean} [open]
 */
export function reveal(question, open) {
  const panel = /** @type {HTMLDetailsElement | null} */ (one(".qb-answer", question));
  if (!panel) return;
  panel.classList.remove(HELD);
  if (open) panel.open = true;
  const show = one("[data-qb-action='show']", question);
  if (show) show.hidden = true;
}

/**
 * Show the answer the learner asked for, and keep that it was shown.
 * @param {HTMLElement} question
 */
export function markShown(question) {
  question.dataset.qbShown = "true";
  reveal(question, true);
}
