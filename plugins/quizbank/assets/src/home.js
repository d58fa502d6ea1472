// @ts-check
/* In the page script: the home page's progress block, where to go next and how far the learner
 * has come, and how many questions are due for review today. */

import { all, one, the } from "./dom.js";
import { day, plural } from "./format.js";
import { isDue } from "./schedule.js";
import { read, records } from "./storage.js";

/**
 * The latest self-assessment result of all, with the self-assessment's title, if there is one.
 * @param {HTMLElement} block
 */
function latestResult(block) {
  let latest = null;
  for (const record of records("result")) {
    const attempt = record.h.at(-1);
    if (attempt && (!latest || attempt.t > latest.attempt.t)) {
      latest = { attempt, bank: record.key.slice("result:".length) };
    }
  }
  if (!latest) return null;
  const bank = all("[data-qb-bank]", block).find((item) => item.dataset.qbBank === latest.bank);
  return { ...latest, title: bank?.textContent ?? "" };
}

/**
 * Show where to go next and how far the learner has come: the link to the first track not yet
 * done ("Start the course" until one is), how many tracks are done (in words and a bar), the
 * latest self-assessment result, and how many quizzes have a best score.
 * @param {HTMLElement} block
 */
export function showProgress(block) {
  const total = Number(block.dataset.qbTracks);
  /* A done key names a whole track number from 1 (records.js); it counts if the course has it. */
  const done = records("done").filter(({ key }) => !total || Number(key.slice(5)) <= total).length;
  the(".qb-progress__summary", block).textContent =
    (total ? `${done} of ${plural(total, "track")}` : plural(done, "track")) + " done.";
  /** @type {HTMLProgressElement | null} */
  const bar = one(".qb-progress__bar", block);
  if (bar) bar.value = Math.min(done, bar.max);
  /** @type {HTMLAnchorElement | null} */
  const next = one(".qb-progress__continue", block);
  /** @type {HTMLAnchorElement[]} */
  const tracks = all(".qb-progress__tracks a", block);
  const first = tracks.find((link) => !read("done:" + Number(link.dataset.qbTrack)));
  if (next && first && done) {
    next.href = first.href;
    next.textContent = `Continue: Track ${first.dataset.qbTrack}, ${first.textContent}`;
  } else if (next && !first && tracks.length) {
    next.href = tracks[0].href;
    next.textContent = `All tracks done: review Track ${tracks[0].dataset.qbTrack}, ${tracks[0].textContent}`;
  } else if (next && tracks.length) {
    next.href = tracks[0].href;
    next.textContent = "Start the course";
  }
  const result = latestResult(block);
  const self = one(".qb-progress__self", block);
  if (self) {
    self.textContent = result
      ? `Latest self-assessment${result.title ? ` (${result.title})` : ""}: ` +
        `${result.attempt.title}, on ${day(result.attempt.t)}.`
      : "No self-assessment result yet.";
  }
  const quizzes = one(".qb-progress__quizzes", block);
  if (quizzes) {
    const scored = records("score").length;
    quizzes.textContent = scored
      ? `${plural(scored, "quiz", "quizzes")} with a best score.`
      : "No quiz scored yet.";
  }
}

/**
 * Say how many questions are due today, in the home page's progress block.
 * @param {HTMLElement} block
 */
export function showDue(block) {
  const due = records("review").filter((record) => isDue(record, Date.now())).length;
  the(".qb-progress__review", block).textContent =
    `${due ? plural(due, "question") : "No questions"} to review today.`;
}

/**
 * Fill the home page's progress block.
 * @param {HTMLElement} block
 */
export function showHome(block) {
  showProgress(block);
  showDue(block);
}
