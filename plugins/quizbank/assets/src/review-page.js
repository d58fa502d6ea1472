// @ts-check
/* The review page (`/// review`, in the page script): every scored question is in its HTML,
 * hidden; this shows the due ones a few at a time, checked as in a quiz, and the first answer
 * to each here moves it along the schedule (schedule.js) and says when it is next due. A
 * question reworded or removed since it joined the queue leaves it, as its saved answer would.
 * The longer sentences are in the page's HTML (data-qb-* on the block and its status line). */

import { arrange, number } from "./attempt.js";
import { all, make, one, the } from "./dom.js";
import { newSeed } from "./draw.js";
import { day, plural } from "./format.js";
import { setUpHints } from "./hints.js";
import { reviewKey } from "./review.js";
import { isDue, missed, reviewed } from "./schedule.js";
import { forget, read, records, write } from "./storage.js";

/* The review page as this visit found it: the questions due, in the order they came due, those
 * answered in this visit, and when the next is due after today's. */
/** @typedef {{ due: HTMLElement[], done: Set<HTMLElement>, next: number }} Queue */
/** @type {WeakMap<HTMLElement, Queue>} */
const queues = new WeakMap();

/**
 * A question was checked on the review page: its first answer in this visit moves it along
 * the schedule, and says when it comes back.
 * @param {CustomEvent} event
 */
export function reviewChecked(event) {
  const question = /** @type {HTMLElement} */ (event.target);
  const block = /** @type {HTMLElement} */ (question.closest(".qb-review"));
  const queue = /** @type {Queue} */ (queues.get(block));
  if (queue.done.has(question)) return;
  queue.done.add(question);
  const key = reviewKey(question);
  const now = Date.now();
  const next = reviewed(
    /* read again: another tab may have moved it */
    /** @type {any} */ (read(key)) ?? missed(null, question.dataset.qbVersion, now),
    event.detail.correct,
    now
  );
  if (!next.left) queue.next = Math.min(queue.next, next.due);
  if (write(key, next)) {
    make(
      "p",
      "qb-feedback__next",
      next.left ? block.dataset.qbLeft : `It comes back for review on ${day(next.due)}.`,
      the(".qb-feedback", question)
    );
  }
  say(block);
}

/**
 * Fill the review page: find the questions due (a question reworded or removed since leaves
 * the queue), and show the first few.
 * @param {HTMLElement} block
 */
export function showReview(block) {
  const questions = new Map(all(".qb-question", block).map((question) => [reviewKey(question), question]));
  /** @type {Queue} */
  const queue = { due: [], done: new Set(), next: Infinity };
  for (const record of records("review").sort((a, b) => a.due - b.due)) {
    const question = questions.get(record.key);
    if (question?.dataset.qbVersion !== record.v) {
      forget(record.key);
    } else if (isDue(record, Date.now())) {
      queue.due.push(/** @type {HTMLElement} */ (question));
    } else if (!record.left) {
      queue.next = Math.min(queue.next, record.due);
    }
  }
  queues.set(block, queue);
  nextQuestions(block);
}

/**
 * Show the next few due questions in place of those shown before; `focus` moves focus to the
 * first (when the learner asked for them).
 * @param {HTMLElement} block
 * @param {boolean} [focus]
 */
export function nextQuestions(block, focus) {
  const { due, done } = /** @type {Queue} */ (queues.get(block));
  const shown = due.filter((question) => !done.has(question)).slice(0, Number(block.dataset.qbPer));
  const seed = newSeed();
  all(".qb-question", block).forEach((question) => {
    question.hidden = !shown.includes(question);
  });
  shown.forEach((question) => {
    arrange(question, seed);
    setUpHints(question);
  });
  number(shown);
  say(block);
  if (focus && shown[0]) one("input, .qb-order__move", shown[0])?.focus();
}

/**
 * Say what is left to review today, or when the next question is due; offer the next few when
 * there are more than the page shows.
 * @param {HTMLElement} block
 */
function say(block) {
  const { due, done, next } = /** @type {Queue} */ (queues.get(block));
  const left = due.filter((question) => !done.has(question));
  const status = the(".qb-review__status", block);
  the(".qb-review__actions", block).hidden = left.every((question) => !question.hidden);
  status.textContent = left.length
    ? `${plural(left.length, "question")} to review today.`
    : (done.size ? status.dataset.qbDone : status.dataset.qbNone) +
      (next < Infinity ? ` The next is due on ${day(next)}.` : "");
}
