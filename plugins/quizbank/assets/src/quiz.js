// @ts-check
/* Quizzes: scoring every question, keeping the last and best scores, starting again, and
 * shuffling questions and options when the bank asks for it. */

import { check, clearFeedback } from "./check.js";
import { answerKey } from "./answers.js";
import { all, announce, one, the } from "./dom.js";
import { day, describeScore } from "./format.js";
import { pathOf } from "./site.js";
import { forget, read, write } from "./storage.js";
import { typeOf } from "./types/index.js";

/**
 * The key a quiz's scores are saved under: its bank and the page it is on.
 * @param {HTMLElement} quiz
 */
const scoreKey = (quiz) => `score:${quiz.dataset.qbBank}:${pathOf(location)}`;

/**
 * Score every question of a quiz, keep the last and best scores, and announce the total.
 * @param {HTMLElement} quiz
 */
export function scoreQuiz(quiz) {
  const results = all(".qb-question", quiz).map((question) => check(question));
  const total = results.length;
  const right = results.filter((result) => result?.correct).length;
  const unanswered = results.filter((result) => !result).length;
  const percent = Math.round((100 * right) / total);
  const pass = Number(quiz.dataset.qbPass); /* NaN when the bank has no pass mark */
  let message = `You scored ${describeScore({ right, total, percent })}.`;
  if (unanswered) {
    message += ` ${unanswered} ${unanswered === 1 ? "question was" : "questions were"} ` +
      "not answered.";
  }
  if (pass >= 0) message += percent >= pass ? " That is a pass." : ` The pass mark is ${pass}%.`;
  const saved = read(scoreKey(quiz));
  const last = { right, total, percent, t: Date.now() };
  const best = saved?.best.percent > percent ? saved?.best : last;
  if (saved) message += ` Your best: ${describeScore(best)}.`;
  the(".qb-quiz__score", quiz).textContent = message;
  write(scoreKey(quiz), { t: last.t, page: pathOf(location), last, best });
  const score = {
    bank: quiz.dataset.qbBank,
    right,
    total,
    unanswered,
    percent,
    passed: pass >= 0 ? percent >= pass : null
  };
  announce(quiz, "scored", score);
  return score;
}

/**
 * Show a quiz's last and best scores, if it has been scored before.
 * @param {HTMLElement} quiz
 */
export function restoreScore(quiz) {
  const score = read(scoreKey(quiz));
  if (score) {
    the(".qb-quiz__score", quiz).textContent =
      `Your last score, on ${day(score.last.t)}: ` +
      `${describeScore(score.last)}. Your best: ${describeScore(score.best)}.`;
  }
}

/**
 * Clear every answer and all feedback in a quiz or self-assessment, and forget the saved
 * answers. Scores and results already recorded stay in the learner's records.
 * @param {HTMLElement} block
 */
export function reset(block) {
  /** @type {HTMLInputElement[]} */
  const inputs = all("input", block);
  inputs.forEach((input) => {
    input.checked = false;
  });
  /** @type {HTMLSelectElement[]} */
  const selects = all("select", block);
  selects.forEach((select) => {
    select.value = "";
  });
  all(".qb-question", block).forEach(clearFeedback);
  all("[data-qb-question]", block).forEach((question) => forget(answerKey(question)));
  all(".qb-quiz__score, .qb-self__result", block).forEach((node) => {
    node.textContent = "";
  });
  all(".qb-self__report", block).forEach((node) => {
    node.hidden = true;
  });
  one("input, select", block)?.focus();
}

/**
 * Shuffle the children of an element that match a selector, in place (sorting them by
 * random keys: every order is equally likely).
 * @param {Element} parent
 * @param {string} selector
 */
function shuffleChildren(parent, selector) {
  const children = [...parent.children].filter((child) => child.matches(selector));
  const anchor = children.at(-1)?.nextSibling ?? null;
  children
    .map((child) => /** @type {[number, Element]} */ ([Math.random(), child]))
    .sort((a, b) => a[0] - b[0])
    .forEach(([, child]) => parent.insertBefore(child, anchor));
}

/**
 * Put a quiz's questions, and the options of the types whose options may move, in a new random
 * order; number the questions again.
 * @param {HTMLElement} quiz
 */
export function shuffleQuiz(quiz) {
  shuffleChildren(quiz, ".qb-question");
  all(".qb-question", quiz)
    .filter((question) => typeOf(question)?.shuffle)
    .forEach((question) =>
      all(".qb-options", question).forEach((list) => shuffleChildren(list, ".qb-option"))
    );
  const numbers = all(".qb-question__number", quiz);
  numbers.forEach((number, index) => {
    number.textContent = `Question ${index + 1} of ${numbers.length}`;
  });
}
