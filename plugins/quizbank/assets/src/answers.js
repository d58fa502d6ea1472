// @ts-check
/* The learner's answers to questions and self-assessment items: saved as they change, with the
 * question's fingerprint, and put back when the page opens again. */

import { BLOCKS, all } from "./dom.js";
import { hintsShown } from "./hints.js";
import { isShown, markShown } from "./reveal.js";
import { forget, read, write } from "./storage.js";
import { readAnswer, typeOf } from "./types/index.js";

/**
 * The key a question's answer is saved under: its bank and its id, never its position.
 * @param {HTMLElement} question
 */
export function answerKey(question) {
  /** @type {HTMLElement | null} */
  const block = question.closest(BLOCKS);
  return `answer:${block?.dataset.qbBank}:${question.dataset.qbQuestion}`;
}

/**
 * Save what the learner has chosen in a question or item, with its fingerprint; `checked` says
 * the answer was checked, so that its feedback comes back with it, `shown` that the learner
 * asked to see the answer (kept even with nothing chosen), and `h` how many hints were
 * showing. A question outside a quiz (on the review page) keeps no answer.
 * @param {HTMLElement} question
 * @param {boolean} [checked]
 */
export function saveAnswer(question, checked) {
  const answer = readAnswer(question);
  if (!question.closest(BLOCKS)) return;
  const shown = isShown(question) || undefined;
  if (answer.join("") || shown) {
    write(answerKey(question), {
      v: question.dataset.qbVersion,
      t: Date.now(),
      a: answer,
      c: checked,
      shown,
      h: hintsShown(question) || undefined
    });
  } else {
    forget(answerKey(question));
  }
}

/**
 * Put back a question's saved answer; drop it if the question has changed since. Return
 * whether it had been checked.
 * @param {HTMLElement} question
 */
export function restoreAnswer(question) {
  const saved = read(answerKey(question));
  if (!saved) return false;
  if (saved.v !== question.dataset.qbVersion) {
    forget(answerKey(question));
    return false;
  }
  if (saved.shown) markShown(question);
  const type = typeOf(question);
  if (type?.restore) {
    type.restore(question, saved.a);
    return !!saved.c;
  }
  /** @type {HTMLInputElement[]} */
  const inputs = all("input", question);
  inputs.forEach((input) => {
    input.checked = saved.a.includes(input.value);
  });
  return !!saved.c && !!type; /* a self-assessment's rating is never checked, whatever it says */
}
