// @ts-check
/* Self-assessments: the scale, working out the result band (`assess`, which
 * window.quizbank.assess offers synchronously), the count of statements answered, and putting
 * back the last result. Showing a result, its report and the downloads are in the page script
 * (self-report.js): the core asks for them through later.js. */

import { findBand } from "./bands.js";
import { all, one, the } from "./dom.js";
import { later } from "./later.js";
import { forget, read } from "./storage.js";

/**
 * A self-assessment's scale: its points in order, with their labels and scores.
 * @typedef {{ points: string[], labels: Record<string, string>, scores: Record<string, number> }} Scale
 */

/**
 * What the learner has still to answer.
 * @typedef {{ missing: HTMLElement[], answered: number, count: number }} Unfinished
 */

/**
 * A result: the scale, the band, the count of each point, each item's rating and the total.
 * @typedef {Scale & { missing?: undefined, band: HTMLElement, counts: Record<string, number>,
 *   ratings: Record<string, string>, total: number, count: number }} Result
 */

/** @param {HTMLElement} block */
export const resultKey = (block) => "result:" + block.dataset.qbBank;

/**
 * Return a self-assessment's scale, as its first item shows it.
 * @param {HTMLElement} block
 * @returns {Scale}
 */
export function scale(block) {
  /** @type {HTMLInputElement[]} */
  const inputs = all(".qb-scale__input", the(".qb-item", block));
  /**
   * @template V
   * @param {(input: HTMLInputElement) => V} value
   */
  const by = (value) => Object.fromEntries(inputs.map((input) => [input.value, value(input)]));
  return {
    points: inputs.map((input) => input.value),
    labels: by((input) => input.labels?.[0]?.textContent ?? ""),
    scores: by((input) => Number(input.dataset.qbScore))
  };
}

/**
 * The point an item is rated at, if any.
 * @param {Element} item
 */
export function rating(item) {
  /** @type {HTMLInputElement | null} */
  const chosen = one(".qb-scale__input:checked", item);
  return chosen?.value;
}

/**
 * Work out a self-assessment's result, or say which items are still unanswered.
 * @param {HTMLElement} block
 * @returns {Result | Unfinished}
 */
export function assess(block) {
  const rated = all(".qb-item", block).map((item) => ({ item, point: rating(item) }));
  const missing = rated.filter(({ point }) => !point).map(({ item }) => item);
  if (missing.length) {
    return { missing, answered: rated.length - missing.length, count: rated.length };
  }
  const found = scale(block);
  /** @type {Record<string, number>} */
  const counts = Object.fromEntries(found.points.map((point) => [point, 0]));
  /** @type {Record<string, string>} */
  const ratings = {};
  let total = 0;
  for (const { item, point } of rated) {
    if (!point) continue;
    counts[point] += 1;
    total += found.scores[point];
    ratings[String(item.dataset.qbQuestion)] = point;
  }
  const bands = all(".qb-band", block);
  const index = findBand(
    { rule: block.dataset.qbRule, ties: block.dataset.qbTies },
    bands.map((band) => ({
      when: band.dataset.qbWhen,
      min: Number(band.dataset.qbMin),
      max: Number(band.dataset.qbMax)
    })),
    counts,
    found.scores,
    total
  );
  if (index < 0) throw new Error(`quizbank: no band of ${block.dataset.qbBank} holds this result`);
  return { ...found, band: bands[index], counts, ratings, total, count: rated.length };
}

/**
 * Count the statements answered so far ("17 of 23 answered"), and take the mark off a
 * statement once it is answered.
 * @param {HTMLElement} block
 * @param {HTMLElement} [item] the statement just answered
 */
export function countAnswered(block, item) {
  item?.querySelector(".qb-item__missing")?.remove();
  const items = all(".qb-item", block);
  const answered = items.filter((each) => rating(each)).length;
  const counter = one(".qb-self__answered", block);
  if (counter) counter.textContent = `${answered} of ${items.length} answered`;
}

/**
 * Put back a self-assessment's last result, unless the bank has changed since (then forget it).
 * @param {HTMLElement} block
 */
export function restoreResult(block) {
  const result = read(resultKey(block));
  if (result && result.v !== block.dataset.qbVersion) {
    forget(resultKey(block));
  } else if (result && !assess(block).missing) {
    later("showResult")(block, true); /* the page script draws it */
  }
}

