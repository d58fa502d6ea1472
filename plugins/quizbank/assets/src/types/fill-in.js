// @ts-check
/* Fill in the blank: the learner types a word or a short phrase.
 *
 * Markup: the text box is input.qb-blank__input inside div.qb-blank. The answer key in the
 * page lists every accepted and common wrong answer as
 * .qb-answer__options > li[data-qb-option="<normalised answer>"], each with its feedback, and the
 * feedback for any other answer as .qb-answer__otherwise .qb-answer__feedback.
 * Answer key (types/fill_in.py writes it): data-qb-answer="<answer>|<answer>…", every accepted
 * answer normalised as `normalise` does (types/fill_in.py's normalise_answer: the two must
 * agree, and a test checks they do). */

/**
 * Return an answer as it is compared: NFC, lower case, single spaces, no closing punctuation.
 * @param {string} text
 */
export const normalise = (text) =>
  text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.,;:!?…]+$/u, "");

/** @type {import("./index.js").QuestionType} */
export default {
  read: (question) => {
    /** @type {HTMLInputElement | null} */
    const input = question.querySelector(".qb-blank__input");
    return [input?.value.trim() ? input.value : ""]; /* spaces alone are no answer */
  },
  restore: (question, answer) => {
    /** @type {HTMLInputElement | null} */
    const input = question.querySelector(".qb-blank__input");
    if (input) input.value = answer[0] ?? "";
  },
  parseKey: (attribute) => attribute.split("|").filter(Boolean),
  grade: (answer, key) => {
    const typed = normalise(answer[0] ?? "");
    const correct = key.includes(typed);
    return { correct, marks: { [typed]: correct ? "right" : "wrong" } };
  },
  empty: "Type an answer first.",
  part: "blank",
  shuffle: false,
  scorm: (answer, key) => ({
    type: "fill-in",
    response: normalise(answer[0] ?? "").slice(0, 255),
    pattern: key[0] ?? ""
  })
};
