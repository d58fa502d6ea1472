// @ts-check
/* What ordering and matching share: each item has a slot (li[data-qb-slot], numbered from 0 in
 * the page's order) with a drop-down; the answer is each drop-down's value, in slot order ("" when
 * nothing is chosen), and the key is the right value for each slot, separated by spaces. */

import { values } from "./options.js";

/**
 * The value of each drop-down in a question, in slot order.
 * @param {Element} question
 */
export const selected = (question) =>
  [...question.querySelectorAll("select")].map((select) => select.value);

/** The key: the right value for each slot. */
export const slotKey = values;

/**
 * Grade drop-downs slot by slot: each must hold the value the key gives it.
 * @param {string[]} answer
 * @param {string[]} key
 * @returns {import("./index.js").Grade}
 */
export function gradeSlots(answer, key) {
  /** @type {Record<string, import("./index.js").Mark>} */
  const marks = {};
  let right = 0;
  answer.forEach((value, slot) => {
    marks[slot] = value === key[slot] ? "right" : "wrong";
    if (value === key[slot]) right += 1;
  });
  return { correct: right === key.length, marks, right, total: key.length };
}
