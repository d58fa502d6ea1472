// @ts-check
/* Review over days, on every page. Every scored question answered wrong anywhere in the
 * course, or whose answer was shown (an answer record with `shown`), joins the learner's
 * review queue at the start of the schedule (schedule.js); the home page's progress block (home.js)
 * says how many are due today. The review page itself is in the page script (review-page.js). */

import { later } from "./later.js";
import { missed } from "./schedule.js";
import { read, records, write } from "./storage.js";

/**
 * The key a question's place in the queue is kept under: its bank and its id.
 * @param {HTMLElement} question
 */
export const reviewKey = (question) =>
  `review:${question.closest("[data-qb-bank]")?.getAttribute("data-qb-bank")}:` +
  question.dataset.qbQuestion;

/**
 * Put a question in the queue at its start (read again first: another tab may have moved it).
 * @param {HTMLElement} question
 */
export function queue(question) {
  if (question.closest(".qb-review")) return; /* the review page schedules its own */
  const key = reviewKey(question);
  write(key, missed(read(key), question.dataset.qbVersion, Date.now()));
}

/**
 * A question was checked: answered wrong (or after its answer was shown), it joins the queue;
 * on the review page, the page script takes it.
 * @param {Event} event
 */
export function onChecked(event) {
  const question = /** @type {HTMLElement} */ (event.target);
  if (question.closest(".qb-review")) {
    later("reviewChecked")(event);
  } else if (!(/** @type {CustomEvent} */ (event).detail.correct)) {
    queue(question);
  }
}

/** Put every question whose answer was shown, and not reviewed since, in the queue. */
export function sweep() {
  for (const answer of records("answer")) {
    const key = "review" + answer.key.slice(6);
    const kept = read(key);
    if (answer.shown && !(Number(kept?.t) > answer.t)) write(key, missed(kept, answer.v, Date.now()));
  }
}
