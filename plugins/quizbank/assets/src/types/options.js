// @ts-check
/* What the types answered by radio buttons or checkboxes share: the answer is the values of
 * the inputs checked, and the key is space-separated values (data-qb-answer="0 2"). */

/**
 * The values of the checked inputs in a question, in the page's order.
 * @param {Element} question
 */
export const checked = (question) =>
  [...question.querySelectorAll("input:checked")].map(
    (input) => /** @type {HTMLInputElement} */ (input).value
  );

/**
 * The answer key as its values: data-qb-answer holds them separated by spaces.
 * @param {string} attribute
 */
export const values = (attribute) => attribute.split(" ").filter(Boolean);

/**
 * Grade a single answer (single choice, true or false): the chosen option is marked.
 * @param {string[]} answer
 * @param {string[]} key
 * @returns {import("./index.js").Grade}
 */
export function gradeOne(answer, key) {
  const correct = answer[0] === key[0];
  return { correct, marks: { [answer[0]]: correct ? "right" : "wrong" } };
}

/**
 * What the types answered by one radio button share (single choice, true or false); each adds
 * whether its options shuffle and how SCORM records it.
 */
export const oneChosen = {
  read: checked,
  parseKey: values,
  grade: gradeOne,
  empty: "Choose an answer first.",
  part: /** @type {const} */ ("option")
};
