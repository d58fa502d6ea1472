// @ts-check
/* A quiz's attempt: the seed its orders come from and, for a quiz that draws, the questions
 * drawn. It is kept for the quiz and its page (attempt:<bank>:<page>), so the quiz looks the
 * same on every visit until the learner starts again (new orders, the same questions) or asks
 * for a new set (a new draw). The page lists options in the bank's order, for print and for
 * a browser without this script; saved answers key on options and questions, never on
 * places, so they hold whatever the order. */

import { all, the } from "./dom.js";
import { draw, newSeed, shuffled } from "./draw.js";
import { pathOf } from "./site.js";
import { read, write } from "./storage.js";
import { typeOf } from "./types/index.js";

/** @typedef {{ t: number, s: number, q?: string[] | undefined }} Attempt */

/* Each quiz's questions in the page's order, and its attempt, as this page holds them (the
 * attempt is kept here too, so it holds when storage is off). */
/** @type {WeakMap<HTMLElement, HTMLElement[]>} */
const written = new WeakMap();
/** @type {WeakMap<HTMLElement, Attempt>} */
const current = new WeakMap();

/** @param {HTMLElement} quiz */
const attemptKey = (quiz) => `attempt:${quiz.dataset.qbBank}:${pathOf(location)}`;

/** @param {Element} node */
const place = (node) => Number(node.getAttribute("data-qb-option"));

/**
 * Put a question's options, or a matching's descriptions and each item's letters, in the
 * order a seed gives (one order for every list of the question); a question whose type keeps
 * its order, or that pins it, is left alone.
 * @param {HTMLElement} question
 * @param {number} seed
 */
export function arrange(question, seed) {
  const type = typeOf(question);
  if (!type?.shuffle || question.dataset.qbShuffle === "false") return;
  for (const list of all(".qb-options, .qb-match__descriptions, .qb-match__choices", question)) {
    const items = [...list.children]
      .filter((item) => item.hasAttribute("data-qb-option"))
      .sort((a, b) => place(a) - place(b));
    list.append(...shuffled(items, seed, question.dataset.qbQuestion ?? "")); /* one move, not one each */
  }
  type.arranged?.(question);
}

/**
 * Number the questions a block shows, in the order it shows them.
 * @param {HTMLElement[]} questions
 */
export function number(questions) {
  questions.forEach((question, index) => {
    the(".qb-question__number", question).textContent =
      `Question ${index + 1} of ${questions.length}`;
  });
}

/**
 * Return the quiz's attempt: the one kept if it still fits the quiz, or a new one (kept).
 * @param {HTMLElement} quiz
 * @param {"order" | "draw"} [anew] a new order (same questions), or a new draw as well
 * @returns {Attempt}
 */
function attempt(quiz, anew) {
  const ids = (written.get(quiz) ?? []).map((question) => String(question.dataset.qbQuestion));
  const count = Number(quiz.dataset.qbDraw) || 0;
  /* Read again each time: another tab may have started a new attempt. */
  const kept = read(attemptKey(quiz)) ?? current.get(quiz);
  const seed = anew || !kept ? newSeed() : Number(kept.s);
  const earlier = /** @type {unknown[]} */ (kept?.q ?? []);
  const drawn = count
    ? anew === "draw"
      ? draw(ids, count, seed, [], earlier)
      : draw(ids, count, seed, earlier)
    : undefined;
  /** @type {Attempt} */
  const made = { t: anew || !kept ? Date.now() : kept.t, s: seed, q: drawn };
  if (anew || !kept || String(drawn) !== String(kept.q ?? "")) write(attemptKey(quiz), made);
  current.set(quiz, made);
  return made;
}

/**
 * Show a quiz as its attempt has it: the questions drawn (the others hidden), in order (a new
 * one each attempt when the page shuffles), each one's options in the attempt's order.
 * @param {HTMLElement} quiz
 * @param {"order" | "draw"} [anew] start a new attempt: a new order, or a new draw as well
 */
export function arrangeQuiz(quiz, anew) {
  if (!written.has(quiz)) written.set(quiz, all(".qb-question", quiz));
  const { s, q } = attempt(quiz, anew);
  const questions = /** @type {HTMLElement[]} */ (written.get(quiz));
  const moved = quiz.dataset.qbShuffle === "true";
  const order = moved ? shuffled(questions, s, "order") : questions;
  const actions = the(".qb-quiz__actions", quiz);
  for (const question of order) {
    question.hidden = !!q && !q.includes(String(question.dataset.qbQuestion));
    if (moved) quiz.insertBefore(question, actions);
    arrange(question, s);
  }
  number(order.filter((question) => !question.hidden));
}
