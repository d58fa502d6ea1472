// @ts-check
/* Single choice: radio buttons, one answer right.
 *
 * Markup: each option is li[data-qb-option="<index>"] holding an input whose value is the
 * option's index in the bank (0, 1, …), whatever order the page shows them in.
 * Answer key (render.py writes it): data-qb-answer="<index>", the right option's index, such
 * as "2". */

import { letters } from "./interaction.js";
import { oneChosen } from "./options.js";

/** @type {import("./index.js").QuestionType} */
export default {
  ...oneChosen,
  shuffle: true,
  scorm: (answer, key) => ({ type: "choice", response: letters(answer), pattern: letters(key) })
};
