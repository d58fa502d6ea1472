// @ts-check
/* What ordering and matching share: each item has a slot (li[data-qb-slot], numbered from 0);
 * the key is the right value for each slot, separated by spaces, and grading goes slot by
 * slot. Matching answers with a group of radio buttons in each slot. */

import { values } from "./options.js";

/**
 * The value chosen in each slot of a question, in slot order ("" where none is chosen).
 * @param {Element} question
 */
export const chosen = (question) =>
  [...question.querySelectorAll("li[data-qb-slot]")].map(
    (slot) => /** @type {HTMLInputElement | null} */ (slot.querySelector("input:checked"))?.value ?? ""
  );

/**
 * Put back the value chosen in each slot.
 * @param {Element} question
 * @param {string[]} answer
 */
export function choose(question, answer) {
  question.querySelectorAll("li[data-qb-slot]").forEach((slot, index) => {
    slot.querySelectorAll("input").forEach((input) => {
      input.checked = input.value === answer[index];
    });
  });
}

/** The key: the right value for each slot. */
export const slotKey = values;

/**
 * Grade slot by slot: each must hold the value the key gives it.
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
