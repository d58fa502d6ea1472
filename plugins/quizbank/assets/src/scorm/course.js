// @ts-check
/* What the launch page reports for the course as a whole, worked out from the best scores: the
 * course score, the lesson status, and the suspend data that carries the best scores to the
 * next session. No page needed: node's test runner loads this file. */

export const SUSPEND_LIMIT = 4096;
const SUSPEND_VERSION = "qb1;";
/** @type {Record<string, boolean>} */
const DONE = { completed: true, passed: true, failed: true };

/**
 * A quiz that counts: its bank, and how many questions a full scoring of it has.
 * @typedef {{ bank: string, count: number }} Quiz
 */

/**
 * Tell whether a lesson status says the course is finished with.
 * @param {string} status
 */
export const isDone = (status) => !!DONE[status];

/**
 * Read "bank:count bank:count" (the launch page's data-quizzes) into an ordered list.
 * @param {string} text
 * @returns {Quiz[]}
 */
export const readQuizzes = (text) =>
  text
    .split(" ")
    .filter(Boolean)
    .map((pair) => {
      const [bank, count] = pair.split(":");
      return { bank, count: parseInt(count, 10) };
    });

/**
 * The course score: each quiz's best score, averaged over every quiz, a quiz not yet scored
 * counting 0; with how many are scored, and whether all are.
 * @param {Quiz[]} quizzes
 * @param {Record<string, number>} best
 */
export function courseScore(quizzes, best) {
  let total = 0;
  let scored = 0;
  for (const quiz of quizzes) {
    if (Object.hasOwn(best, quiz.bank)) {
      total += best[quiz.bank];
      scored += 1;
    }
  }
  return {
    raw: quizzes.length ? Math.round(total / quizzes.length) : 0,
    scored,
    all: quizzes.length > 0 && scored === quizzes.length
  };
}

/**
 * The lesson status to report: incomplete until every quiz is scored, then passed or failed
 * against the mastery score if there is one, otherwise completed. A status is never lowered.
 * @param {number} quizzes how many quizzes count
 * @param {string} status the status now
 * @param {number} mastery the LMS's mastery score (NaN when it has none)
 * @param {{ raw: number, all: boolean }} score
 */
export function nextStatus(quizzes, status, mastery, score) {
  if (!quizzes) {
    return isDone(status) ? status : "completed"; /* nothing to score: opening it completes it */
  }
  if (!score.all) {
    return isDone(status) ? status : "incomplete";
  }
  if (isNaN(mastery)) {
    return status === "passed" || status === "failed" ? status : "completed";
  }
  if (score.raw >= mastery) return "passed";
  return status === "passed" ? "passed" : "failed";
}

/**
 * The best scores, in the package's order, as many as fit in SCORM 1.2's 4,096 characters:
 * "qb1;bank=86,bank=100".
 * @param {Quiz[]} quizzes
 * @param {Record<string, number>} best
 */
export function suspendData(quizzes, best) {
  let text = SUSPEND_VERSION;
  let first = true;
  for (const { bank } of quizzes) {
    if (!Object.hasOwn(best, bank)) continue;
    const entry = (first ? "" : ",") + bank + "=" + best[bank];
    if (text.length + entry.length > SUSPEND_LIMIT) break;
    text += entry;
    first = false;
  }
  return text;
}

/**
 * Read the best scores back from suspend data; only quizzes that count, scores 0 to 100.
 * @param {string} text
 * @param {Quiz[]} quizzes
 * @returns {Record<string, number>}
 */
export function readSuspendData(text, quizzes) {
  /** @type {Record<string, number>} */
  const best = {};
  if (text.indexOf(SUSPEND_VERSION) !== 0) return best;
  for (const entry of text.slice(SUSPEND_VERSION.length).split(",")) {
    const [bank, value] = entry.split("=");
    const score = parseInt(value, 10);
    if (quizzes.some((quiz) => quiz.bank === bank) && score >= 0 && score <= 100) {
      best[bank] = score;
    }
  }
  return best;
}

/**
 * A duration as SCORM 1.2's HH:MM:SS.
 * @param {number} milliseconds
 */
export function clock(milliseconds) {
  const seconds = Math.floor(milliseconds / 1000);
  const pad = (/** @type {number} */ n) => (n < 10 ? "0" : "") + n;
  return (
    pad(Math.floor(seconds / 3600)) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60)
  );
}
