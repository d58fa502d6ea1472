// @ts-check
/* quizbank's questions script: quizzes and self-assessments (checking, scoring, saving answers,
 * shuffling and drawing, hints, showing an answer) and the review queue. The core
 * (quizbank.js, later.js) loads it, from beside itself (quizbank-questions.js), on a page with
 * questions, and hands it their blocks, buttons and changes; pages without questions never
 * carry its weight. Once it is here, `window.quizbank` also has `grade`, `assess` and
 * `scoreQuiz`.
 *
 * It bundles none of the core's modules: build.mjs resolves its imports of them to the
 * instances quizbank.js publishes (core.js). The page script, loaded after it, uses this
 * script's modules the same way (questions-core.js). */

import { answerKey, restoreAnswer, saveAnswer } from "./answers.js";
import { arrangeQuiz } from "./attempt.js";
import { check, clearFeedback, grade } from "./check.js";
import { addControls } from "./controls.js";
import { QUIZ, SELF, all, one } from "./dom.js";
import { setUpHints, showHint } from "./hints.js";
import { reset, restoreScore, retryMissed, scoreQuiz } from "./quiz.js";
import * as core from "./questions-core.js";
import { hold, markShown } from "./reveal.js";
import { onChecked, queue, sweep } from "./review.js";
import { assess, countAnswered, restoreResult } from "./self.js";
import { read } from "./storage.js";
import { move, onKey } from "./types/ordering.js";

/**
 * Give a block's questions what only the script uses (buttons, live regions, move buttons).
 * @param {HTMLElement} block
 */
const addAllControls = (block) => all(".qb-question", block).forEach(addControls);

/**
 * Put back a quiz's or self-assessment's saved answers, the checks made of them, and the
 * hints that were showing.
 * @param {HTMLElement} block
 */
function restoreAnswers(block) {
  all("[data-qb-question]", block).forEach((question) => {
    if (restoreAnswer(question)) check(question, { quiet: true });
    if (one(".qb-hints", question)) setUpHints(question, read(answerKey(question))?.h);
  });
}

/**
 * Start a quiz or a self-assessment again, as a new attempt: a quiz gets new orders (and, for
 * "draw", a new set of questions); no answers and no hints are left showing.
 * @param {"order" | "draw"} what
 */
const again = (what) => (/** @type {HTMLElement} */ block) => {
  if (block.matches(QUIZ)) arrangeQuiz(block, what);
  reset(block);
  all(".qb-question", block).forEach((question) => setUpHints(question));
  if (block.matches(SELF)) countAnswered(block);
};

/**
 * Show a question's answer at the learner's request: it then counts as not answered right.
 * @param {HTMLElement} control
 */
function showAnswer(control) {
  /** @type {HTMLElement | null} */
  const question = control.closest(".qb-question");
  if (!question) return;
  markShown(question);
  saveAnswer(question);
  queue(question); /* a shown answer comes back for review, like a wrong one */
  const region = one(".qb-feedback", question);
  if (region) {
    region.textContent = "The answer is shown below. This question now counts as not answered right.";
  }
  one(".qb-answer > summary", question)?.focus();
}

/**
 * Move an ordering question's item up or down; its feedback goes, its answer is saved.
 * @param {HTMLElement} control
 * @param {number} step
 */
function moveItem(control, step) {
  const question = move(control, step);
  if (!question) return;
  clearFeedback(question);
  saveAnswer(question);
}

/**
 * Return a question's own element, from one of its controls.
 * @param {HTMLElement} control
 */
const questionOf = (control) => /** @type {HTMLElement} */ (control.closest(".qb-question"));

/** What this script hands the core: set-ups, and what buttons and changes do. */
export const QUESTIONS = {
  /** A quiz: its attempt's order (or draw), its controls, its answers held back, its records. */
  setUpQuiz: (/** @type {HTMLElement} */ quiz) => {
    addAllControls(quiz);
    arrangeQuiz(quiz);
    all(".qb-question", quiz).forEach(hold); /* until checked, or shown on request */
    restoreAnswers(quiz);
    restoreScore(quiz);
  },
  /** A self-assessment: its ratings and last result put back, and its count. */
  setUpSelf: (/** @type {HTMLElement} */ block) => {
    restoreAnswers(block);
    restoreResult(block);
    countAnswered(block);
  },
  /** The review page's questions: controls, and answers held back until checked or shown. */
  setUpReview: (/** @type {HTMLElement} */ block) => {
    addAllControls(block);
    all(".qb-question", block).forEach(hold);
  },
  check: (/** @type {HTMLElement} */ control) => check(questionOf(control), { focusEmpty: true }),
  show: showAnswer,
  moveUp: (/** @type {HTMLElement} */ control) => moveItem(control, -1),
  moveDown: (/** @type {HTMLElement} */ control) => moveItem(control, 1),
  hint: (/** @type {HTMLElement} */ control) => showHint(questionOf(control)),
  score: scoreQuiz,
  retry: retryMissed,
  reset: again("order"),
  redraw: again("draw"),
  /** An answer changed: saved at once; a self-assessment counts it. */
  answered: (/** @type {HTMLElement} */ question, /** @type {HTMLElement} */ block) => {
    saveAnswer(question);
    if (block.matches(SELF)) countAnswered(block, question);
  },
  restoreScore,
  sweep,
  onKey
};

if (!window.quizbankQuestions) {
  document.addEventListener("quizbank:checked", onChecked);
  /* `core` (not enumerable) is what the page script uses of this script's modules. */
  window.quizbankQuestions = Object.defineProperty(QUESTIONS, "core", { value: core });
  Object.assign(/** @type {object} */ (window.quizbank), { grade, assess, scoreQuiz });
  sweep();
}
