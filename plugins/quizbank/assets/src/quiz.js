// @ts-check
/* Quizzes: scoring every question shown, keeping the last and best scores, and starting
 * again. What a quiz shows, and in what order, is its attempt's (attempt.js). */

import { check, clearFeedback } from "./check.js";
import { answerKey } from "./answers.js";
import { all, announce, one, the } from "./dom.js";
import { day, describeScore } from "./format.js";
import { pathOf } from "./site.js";
import { forget, read, write } from "./storage.js";

/**
 * The key a quiz's scores are saved under: its bank and the page it is on.
 * @param {HTMLElement} quiz
 */
const scoreKey = (quiz) => `score:${quiz.dataset.qbBank}:${pathOf(location)}`;

/**
 * Score every question a quiz shows, keep the last and best scores (and the best with every
 * question answered), and announce the total.
 * @param {HTMLElement} quiz
 */
export function scoreQuiz(quiz) {
  const results = all(".qb-question:not([hidden])", quiz).map((question) => check(question));
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
  const full = unanswered || saved?.full?.percent > percent ? saved?.full : last;
  if (saved) message += ` Your best: ${describeScore(best)}.`;
  the(".qb-quiz__score", quiz).textContent = message;
  write(scoreKey(quiz), { t: last.t, page: pathOf(location), last, best, full });
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
    if (input.type === "text") input.value = ""; /* a fill-in's typed answer */
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
  one(":is(.qb-question:not([hidden]), .qb-item) :is(input, select)", block)?.focus();
}
