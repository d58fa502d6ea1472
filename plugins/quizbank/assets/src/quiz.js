// @ts-check
/* Quizzes: scoring every question shown, keeping the last and best scores, and starting
 * again. What a quiz shows, and in what order, is its attempt's (attempt.js). */

import { check, clearFeedback } from "./check.js";
import { answerKey } from "./answers.js";
import { all, announce, make, one, the } from "./dom.js";
import { day, describeScore, plural } from "./format.js";
import { hold, isShown } from "./reveal.js";
import { pathOf } from "./site.js";
import { forget, read, write } from "./storage.js";
import { typeOf } from "./types/index.js";

/**
 * The key a quiz's scores are saved under: its bank and the page it is on.
 * @param {HTMLElement} quiz
 */
const scoreKey = (quiz) => `score:${quiz.dataset.qbBank}:${pathOf(location)}`;

/**
 * A question's place in the quiz, as its number shows it: "Question 2".
 * @param {HTMLElement} question
 */
const numberOf = (question) =>
  (one(".qb-question__number", question)?.textContent ?? "").replace(/ of \d+$/, "");

/**
 * A question's text, cut at a word near `length` characters.
 * @param {HTMLElement} question
 * @param {number} [length]
 */
function shortText(question, length = 90) {
  const text = (one(".qb-question__text", question)?.textContent ?? "").replace(/\s+/g, " ").trim();
  if (text.length <= length) return text;
  return text.slice(0, text.lastIndexOf(" ", length) > 40 ? text.lastIndexOf(" ", length) : length) + "…";
}

/**
 * List the questions to look at again after a score, each linking to the question, grouped by
 * the page that teaches them (their answers' "Taught in" links), which each group links to;
 * a group taught on this page, or nowhere, has no link.
 * @param {HTMLElement} quiz
 * @param {{ question: HTMLElement, why: string }[]} missed
 */
function showMissed(quiz, missed) {
  const review = one(".qb-quiz__review", quiz);
  if (!review) return;
  const list = the(".qb-quiz__missed", review);
  list.textContent = "";
  review.hidden = !missed.length;
  /** @type {Map<string, { taught: HTMLAnchorElement | null, lines: HTMLLIElement[] }>} */
  const groups = new Map();
  for (const { question, why } of missed) {
    const line = make("li");
    make("a", null, numberOf(question), line).href = "#" + question.id;
    line.append(`: ${shortText(question)}${why ? ` (${why})` : ""}`);
    /** @type {HTMLAnchorElement | null} */
    const link = one(".qb-answer__tags a", question);
    const here = !!link && pathOf(link) === pathOf(location);
    const key = here ? "here" : link?.href ?? "";
    const group = groups.get(key) ?? { taught: here ? null : link, lines: [] };
    group.lines.push(line);
    groups.set(key, group);
  }
  for (const [key, { taught, lines }] of groups) {
    if (groups.size === 1 && !taught) {
      list.append(...lines);
      continue;
    }
    const item = make("li", "qb-quiz__group", null, list);
    const title = make("p", "qb-quiz__taught", null, item);
    if (taught) {
      title.append("Taught in ");
      make("a", null, taught.textContent, title).href = taught.href;
      title.append(":");
    } else {
      title.textContent = key === "here" ? "Taught on this page:" : "Not tied to one track:";
    }
    make("ul", null, null, item).append(...lines);
  }
}

/**
 * Score every question of a quiz and announce the total. A quiz with every question answered
 * has a verdict against its pass mark and keeps its last and best scores; an unfinished one
 * says so and keeps nothing, so it never becomes a best score. A question whose answer was
 * shown counts as not right.
 * @param {HTMLElement} quiz
 */
export function scoreQuiz(quiz) {
  const questions = all(".qb-question:not([hidden])", quiz); /* a drawn set shows some */
  const results = questions.map((question) => check(question));
  const total = results.length;
  /** @type {{ question: HTMLElement, why: string }[]} */
  const missed = [];
  let right = 0;
  let unanswered = 0;
  let shown = 0;
  results.forEach((result, index) => {
    const question = questions[index];
    if (isShown(question)) shown += 1;
    else if (!result) unanswered += 1;
    if (result?.correct && !isShown(question)) right += 1;
    else missed.push({ question, why: isShown(question) ? "answer shown" : result ? "" : "not answered" });
  });
  const percent = Math.round((100 * right) / total);
  const pass = Number(quiz.dataset.qbPass); /* NaN when the bank has no pass mark */
  const passed = pass >= 0 ? percent >= pass : null;
  const region = the(".qb-quiz__score", quiz);
  region.textContent = "";
  const scored = describeScore({ right, total, percent });
  if (unanswered) {
    make("strong", "qb-quiz__verdict", "Not finished.", region);
    region.append(
      ` ${unanswered} of ${plural(total, "question")} ${unanswered === 1 ? "is" : "are"} not ` +
        `answered yet, so this try is not kept as a score. So far: ${scored}.`
    );
  } else {
    const saved = read(scoreKey(quiz));
    const last = { right, total, percent, t: Date.now() };
    const best = saved?.best.percent > percent ? saved?.best : last;
    if (passed !== null) {
      make("strong", "qb-quiz__verdict", passed ? "Passed." : "Not passed yet.", region);
      region.append(` You scored ${scored}; the pass mark is ${pass}%.`);
    } else {
      region.append(`You scored ${scored}.`);
    }
    /* Only a try with every question answered is kept, so it is a complete one (`full`); a
     * record from before may hold an unfinished best, which `full` leaves out. */
    const full = saved?.full?.percent > percent ? saved?.full : last;
    if (saved) region.append(` Your best: ${describeScore(best)}.`);
    write(scoreKey(quiz), { t: last.t, page: pathOf(location), last, best, full });
  }
  if (shown) region.append(` You saw the answer to ${plural(shown, "question")}: not counted as right.`);
  showMissed(quiz, missed);
  const score = { bank: quiz.dataset.qbBank, right, total, unanswered, percent, passed };
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
 * Take a question's answer away: nothing chosen or typed, no feedback, its answer held back
 * again, its saved answer forgotten.
 * @param {HTMLElement} question
 */
function clearQuestion(question) {
  /** @type {HTMLInputElement[]} */
  const inputs = all("input", question);
  inputs.forEach((input) => {
    input.checked = false;
    if (input.type === "text") input.value = "";
  });
  typeOf(question)?.clear?.(question);
  clearFeedback(question);
  hold(question);
  forget(answerKey(question));
}

/**
 * Clear every answer and all feedback in a quiz or self-assessment, and forget the saved
 * answers. Scores and results already recorded stay in the learner's records.
 * @param {HTMLElement} block
 */
export function reset(block) {
  all("[data-qb-question]", block).forEach(clearQuestion);
  all(".qb-quiz__score, .qb-self__result", block).forEach((node) => {
    node.textContent = "";
  });
  all(".qb-self__report, .qb-quiz__review", block).forEach((node) => {
    node.hidden = true;
  });
  one(":is(.qb-question:not([hidden]), .qb-item) :is(input, .qb-order__move)", block)?.focus();
}

/**
 * Clear the questions a score listed to look at again, for another try; the others keep
 * their answers.
 * @param {HTMLElement} quiz
 */
export function retryMissed(quiz) {
  const missed = all(".qb-quiz__missed a[href^='#']", quiz)
    .map((link) => document.getElementById(link.getAttribute("href")?.slice(1) ?? ""))
    .filter((question) => !!question && quiz.contains(question));
  missed.forEach((question) => clearQuestion(/** @type {HTMLElement} */ (question)));
  the(".qb-quiz__review", quiz).hidden = true;
  the(".qb-quiz__score", quiz).textContent =
    `${plural(missed.length, "question is", "questions are")} cleared for another try. ` +
    "Answer them, then show your score again.";
  const first = /** @type {HTMLElement | undefined} */ (missed[0]);
  if (first) one("input, .qb-order__move", first)?.focus();
}
