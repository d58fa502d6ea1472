// @ts-check
/* The review schedule, Leitner-style. A question answered wrong, or whose answer was shown,
 * goes to the first step and is due the next day; each right answer in review moves it a step
 * on, due after a longer gap (GAPS, in days); a right answer at the last step takes it out of
 * the queue, and a wrong one anywhere sends it back to the first step. Days run from local
 * midnight, so a question missed in the evening is due first thing the next day.
 *   review:<bank>:<question>   {t, v, step, due, n?, ok?, seen?, left?}
 * v: the question's fingerprint (a reworded question leaves the queue); due: when it is next
 * due; n, ok: how many answers in review, how many right; seen: the last; left: when it left.
 * No page needed: node's test runner loads this file. */

/** The gaps, in days, after a miss and after each right answer in review. */
export const GAPS = [1, 3, 7, 16, 35];

/**
 * Midnight at the start of the day `days` days after a time.
 * @param {number} time
 * @param {number} days
 */
export function dayAfter(time, days) {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() + days);
  return date.getTime();
}

/** @typedef {{ t: number, v?: unknown, step: number, due: number, n?: number, ok?: number,
 *   seen?: number, left?: number | undefined }} Review */

/**
 * A question answered wrong (or its answer shown) outside review: back to the first step.
 * @param {Partial<Review> | null} record what was kept of it, if anything
 * @param {unknown} version the question's fingerprint
 * @param {number} now
 * @returns {Review}
 */
export const missed = (record, version, now) => ({
  ...record,
  t: now,
  v: version,
  step: 0,
  due: dayAfter(now, GAPS[0]),
  left: undefined
});

/**
 * A question answered in review: a step on if right (out of the queue after the last), back
 * to the first step if wrong.
 * @param {Review} record
 * @param {boolean} right
 * @param {number} now
 * @returns {Review}
 */
export function reviewed(record, right, now) {
  const step = right ? record.step + 1 : 0;
  const last = step >= GAPS.length;
  return {
    ...record,
    t: now,
    step,
    due: last ? record.due : dayAfter(now, GAPS[step]),
    n: (record.n || 0) + 1,
    ok: (record.ok || 0) + Number(right),
    seen: now,
    left: last ? now : undefined
  };
}

/**
 * Tell whether a question in the queue is due.
 * @param {Record<string, unknown>} record
 * @param {number} now
 */
export const isDue = (record, now) => !record.left && Number(record.due) <= now;
