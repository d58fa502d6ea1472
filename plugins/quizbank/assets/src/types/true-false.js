// @ts-check
/* True or false: two radio buttons.
 *
 * Markup: li[data-qb-option="true"] and li[data-qb-option="false"], inputs of the same values.
 * Answer key (render.py writes it): data-qb-answer="true" or data-qb-answer="false". */

import { oneChosen } from "./options.js";

/** @param {string | undefined} value */
const letter = (value) => (value === "true" ? "t" : "f");

/** @type {import("./index.js").QuestionType} */
export default {
  ...oneChosen,
  shuffle: false,
  scorm: (answer, key) => ({ type: "true-false", response: letter(answer[0]), pattern: letter(key[0]) })
};
