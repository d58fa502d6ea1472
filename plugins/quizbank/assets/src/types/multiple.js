// @ts-check
/* Multiple response: checkboxes, every right one to be chosen and no other.
 *
 * Markup: each option is li[data-qb-option="<index>"] holding an input whose value is the
 * option's index in the bank (0, 1, …), whatever order the page shows them in.
 * Answer key (render.py writes it): data-qb-answer="<index> <index> …", the right options'
 * indices in the bank's order, separated by spaces, such as "0 2 3". */

import { letters } from "./interaction.js";
import { checked, values } from "./options.js";

/**
 * Every chosen option is marked right or wrong, and every right one not chosen as missed.
 * @param {string[]} answer
 * @param {string[]} key
 * @returns {import("./index.js").Grade}
 */
export function grade(answer, key) {
  /** @type {Record<string, import("./index.js").Mark>} */
  const marks = {};
  answer.forEach((value) => {
    marks[value] = key.includes(value) ? "right" : "wrong";
  });
  key.forEach((value) => {
    marks[value] ||= "missed";
  });
  const correct = answer.length === key.length && answer.every((value) => key.includes(value));
  return { correct, marks };
}

/** @type {import("./index.js").QuestionType} */
export default {
  read: checked,
  parseKey: values,
  grade,
  empty: "Choose an answer first.",
  part: "option",
  shuffle: true,
  scorm: (answer, key) => ({ type: "choice", response: letters(answer), pattern: letters(key) })
};
