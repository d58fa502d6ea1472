// @ts-check
/* The question types, in one table keyed by the question's data-qb-type. Each type is one
 * module (this folder) that says how to read the learner's answer from the question, how to
 * parse the answer key the Python writes into data-qb-answer, how to grade an answer against
 * the key, what to say when it is not answered yet, and how SCORM 1.2 records it. Nothing
 * else in the script branches on a type's name: it asks this table. */

import fillIn from "./fill-in.js";
import matching from "./matching.js";
import multiple from "./multiple.js";
import ordering from "./ordering.js";
import { checked } from "./options.js";
import single from "./single.js";
import trueFalse from "./true-false.js";

/** @typedef {"right" | "wrong" | "missed"} Mark */

/**
 * What grading an answer gives: whether it is all correct, and the mark for each option or
 * slot by its id (data-qb-option or data-qb-slot); types graded slot by slot also count the
 * slots right.
 * @typedef {object} Grade
 * @property {boolean} correct
 * @property {Record<string, Mark>} marks
 * @property {number} [right]
 * @property {number} [total]
 */

/**
 * How SCORM 1.2 records a checked question (cmi.interactions.n.*).
 * @typedef {object} Interaction
 * @property {string} type     its type: choice, true-false, sequencing, matching, fill-in
 * @property {string} response its student_response
 * @property {string} pattern  its correct_responses.0.pattern
 */

/**
 * One question type.
 * @typedef {object} QuestionType
 * @property {(question: Element) => string[]} read
 *   the learner's answer: one value per chosen option, or one per slot ("" when unchosen)
 * @property {(attribute: string) => string[]} parseKey  the key, from data-qb-answer
 * @property {(answer: string[], key: string[]) => Grade} grade  pure: no page needed
 * @property {string} empty   what to say when it is checked before it is answered
 * @property {"option" | "slot" | "blank"} part
 *   what the marks go on: li[data-qb-option], li[data-qb-slot], or the question's text box
 * @property {(question: Element, answer: string[]) => void} [restore]
 *   put a saved answer back, for a type not answered by checking inputs (each value once)
 * @property {(question: Element) => void} [clear]
 *   take the answer away, for a type whose answer is more than inputs checked or typed
 * @property {boolean} shuffle
 *   whether its options (or a matching's descriptions) are put in a new order for each learner
 * @property {(question: HTMLElement) => void} [setUp]
 *   make what only the script uses in the question, once, as the page is set up (move buttons)
 * @property {(question: Element) => void} [arranged]
 *   after its options were put in a new order: what else follows the order (letters)
 * @property {(answer: string[], key: string[]) => Interaction} scorm
 */

/** @type {Record<string, QuestionType>} */
export const TYPES = {
  single,
  multiple,
  "true-false": trueFalse,
  ordering,
  matching,
  "fill-in": fillIn
};

/**
 * Return a question's type, or undefined for an element that is not a question of a known type
 * (such as a self-assessment item).
 * @param {Element} question
 * @returns {QuestionType | undefined}
 */
export const typeOf = (question) => TYPES[question.getAttribute("data-qb-type") ?? ""];

/**
 * Return a question's answer key, parsed by its type.
 * @param {Element} question
 * @param {QuestionType} type
 */
export const keyOf = (question, type) => type.parseKey(question.getAttribute("data-qb-answer") ?? "");

/**
 * Return what the learner has chosen in a question, or in a self-assessment item (rated on a
 * scale of radio buttons, it has no type of its own).
 * @param {Element} question
 */
export const readAnswer = (question) => (typeOf(question)?.read ?? checked)(question);
