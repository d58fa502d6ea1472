// @ts-check
/* Checking one question: grade it by its type, mark its options or slots right or wrong (in
 * words as well as colour), and show the verdict and the explanation. */

import { saveAnswer } from "./answers.js";
import { QUIZ, all, announce, copy, make, one, the } from "./dom.js";
import { isShown, reveal } from "./reveal.js";
import { keyOf, readAnswer, typeOf } from "./types/index.js";

const MARK_TEXT = { right: "Right", wrong: "Wrong", missed: "Also right: you missed this" };

/**
 * Grade one question; return null until every part of it is answered.
 * @param {HTMLElement} question
 * @returns {import("./types/index.js").Grade | null}
 */
export function grade(question) {
  const type = typeOf(question);
  const answer = readAnswer(question);
  if (!type || !answer.length || answer.includes("")) return null;
  return type.grade(answer, keyOf(question, type));
}

/**
 * Remove marks and feedback left by an earlier check.
 * @param {HTMLElement} question
 */
export function clearFeedback(question) {
  question.classList.remove("qb-question--right", "qb-question--wrong");
  all(".qb-mark, .qb-option__feedback", question).forEach((node) => node.remove());
  all("[data-qb-mark]", question).forEach((node) => node.removeAttribute("data-qb-mark"));
  const region = one(".qb-feedback", question);
  if (region) region.textContent = "";
}

/**
 * Mark options, slots or a typed answer right or wrong, in words as well as colour, with
 * their feedback (for a typed answer the page does not list, the feedback for any other).
 * @param {HTMLElement} question
 * @param {"option" | "slot" | "blank"} part
 * @param {Record<string, import("./types/index.js").Mark>} marks
 */
function showMarks(question, part, marks) {
  for (const id in marks) {
    const target =
      part === "blank"
        ? one(".qb-blank", question)
        : one(`li[data-qb-${part}="${CSS.escape(id)}"]:not(.qb-answer li)`, question);
    if (!target) continue;
    target.dataset.qbMark = marks[id];
    make("span", "qb-mark qb-mark--" + marks[id], MARK_TEXT[marks[id]], target);
    const feedback =
      one(`.qb-answer__options > [data-qb-option="${CSS.escape(id)}"] .qb-answer__feedback`, question) ??
      (part === "blank" && marks[id] === "wrong"
        ? one(".qb-answer__otherwise .qb-answer__feedback", question)
        : null);
    if (feedback && marks[id] !== "missed") {
      target.appendChild(copy(feedback)).className = "qb-option__feedback";
    }
  }
}

/**
 * Check one question and show its feedback; return the result, or null if unanswered.
 * `focusEmpty` moves focus to what is still to answer; `quiet` (putting back a saved check)
 * neither saves nor dispatches an event.
 * @param {HTMLElement} question
 * @param {{ focusEmpty?: boolean, quiet?: boolean }} [how]
 */
export function check(question, { focusEmpty, quiet } = {}) {
  clearFeedback(question);
  const region = the(".qb-feedback", question);
  const type = typeOf(question);
  const result = grade(question);
  if (!type || !result) {
    region.textContent = type?.empty || "Choose an answer first.";
    if (focusEmpty) {
      /* the first slot with nothing chosen, else the first control */
      const open = all("li[data-qb-slot]", question).find((slot) => !one("input:checked", slot));
      one("input, .qb-order__move", open ?? question)?.focus();
    }
    return null;
  }
  question.classList.add(result.correct ? "qb-question--right" : "qb-question--wrong");
  showMarks(question, type.part, result.marks);
  let verdict = result.correct ? "Correct." : "Not quite.";
  if (!result.correct && result.total) {
    verdict += ` ${result.right} of ${result.total} in the right place.`;
  }
  if (isShown(question)) verdict += " You saw the answer first, so it counts as not right.";
  make("p", "qb-feedback__verdict", verdict, region);
  const explanation = one(".qb-answer__explanation", question);
  if (explanation) {
    region.appendChild(copy(explanation)).className = "qb-feedback__explanation";
  }
  reveal(question);
  if (!quiet) {
    saveAnswer(question, true);
    /** @type {HTMLElement | null} */
    const quiz = question.closest(QUIZ);
    announce(question, "checked", {
      bank: quiz?.dataset.qbBank ?? null,
      question: question.dataset.qbQuestion,
      type: question.dataset.qbType,
      answer: readAnswer(question),
      correct: result.correct && !isShown(question),
      shown: isShown(question)
    });
  }
  return result;
}
