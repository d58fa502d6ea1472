// @ts-check
/* quizbank: quizzes, self-assessments, reflections and the learner's own records.
 *
 * The page's HTML is complete without this script: questions, answer keys and explanations
 * are all in the markup (for printing, Material opens every details element). This script
 * checks and scores answers, shows feedback and results, announces them through aria-live
 * regions, and keeps the learner's work in this browser's localStorage: nothing is ever sent
 * anywhere. It sets up the blocks as soon as it runs (at the end of the body), then again for
 * each page Material's document$ brings (instant navigation); setting up is idempotent.
 *
 * Events, dispatched on the block and bubbling to the document, for other scripts (an LMS
 * bridge, progress tracking) to listen to:
 *   quizbank:checked   {bank, question, type, answer, correct}   one question checked
 *   quizbank:scored    {bank, right, total, unanswered, percent, passed}   a quiz scored
 *   quizbank:assessed  {bank, band, counts, total}   a self-assessment result shown
 *
 * This file wires the modules together: what each block needs when it is set up, what each
 * button does, and the page's events. It is bundled with them into one classic script
 * (`npm run build`; README.md in this folder). What only the review, record and data pages
 * need is in the page script (pages.js), which later.js loads on those pages. */

import { answerKey, restoreAnswer, saveAnswer } from "./answers.js";
import { arrangeQuiz } from "./attempt.js";
import { check, grade } from "./check.js";
import { BLOCKS, QUIZ, SELF, all, download, mark, one } from "./dom.js";
import { isoDay } from "./format.js";
import { setUpHints, showHint } from "./hints.js";
import { downloadJournal, showJournal } from "./journal.js";
import { later } from "./later.js";
import { decorate, restoreDone, showProgress, toggleDone } from "./progress.js";
import { reset, restoreScore, scoreQuiz } from "./quiz.js";
import { flush, onInput, restoreReflection } from "./reflections.js";
import { onChecked, showDue, sweep } from "./review.js";
import { assess, restoreResult, resultsCsv, resultsJson, showResult } from "./self.js";
import { read, warn } from "./storage.js";
import { confirmClear, exportData, importData, onClose, showData } from "./your-data.js";

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
};

/**
 * What each block needs when it is set up: the first whose selector it matches.
 * @type {[string, (block: HTMLElement) => void][]}
 */
const SET_UP = [
  [
    QUIZ,
    (quiz) => {
      arrangeQuiz(quiz);
      restoreAnswers(quiz);
      restoreScore(quiz);
    }
  ],
  [
    SELF,
    (block) => {
      restoreAnswers(block);
      restoreResult(block);
    }
  ],
  [".qb-reflection", restoreReflection],
  [".qb-track-done", restoreDone],
  [".qb-journal", showJournal],
  [
    ".qb-data",
    (block) => {
      showData(block);
      later("showKeep")(block);
    }
  ],
  [
    ".qb-progress",
    (block) => {
      showProgress(block);
      showDue(block);
    }
  ],
  [".qb-review", later("showReview")],
  [".qb-record", later("showRecord")]
];

/** Every block this script sets up, and puts a notice in when nothing can be saved. */
const OWN = SET_UP.map(([selector]) => selector).join(", ");

/**
 * What each button (data-qb-action) does, given its block and the button itself.
 * @type {Record<string, (block: HTMLElement, control: HTMLElement) => unknown>}
 */
const ACTIONS = {
  check: (_block, control) => {
    /** @type {HTMLElement | null} */
    const question = control.closest(".qb-question");
    if (question) check(question, { focusEmpty: true });
  },
  score: scoreQuiz,
  result: (block) => showResult(block),
  reset: again("order"),
  redraw: again("draw"),
  hint: (_block, control) => showHint(/** @type {HTMLElement} */ (control.closest(".qb-question"))),
  "review-next": (block) => later("nextQuestions")(block, true),
  "record-md": later("downloadRecord"),
  "data-persist": later("keepWork"),
  "track-done": toggleDone,
  print: () => window.print(),
  "self-csv": (block) =>
    download(`${block.dataset.qbBank}-results-${isoDay()}.csv`, "text/csv", resultsCsv(block)),
  "self-json": (block) =>
    download(
      `${block.dataset.qbBank}-results-${isoDay()}.json`,
      "application/json",
      resultsJson(block)
    ),
  "journal-md": () => downloadJournal(true),
  "journal-txt": () => downloadJournal(false),
  "data-export": exportData,
  "data-import": (block) => one(".qb-data__file", block)?.click(),
  "data-clear": confirmClear
};

/**
 * Handle a click on any quizbank button on the page.
 * @param {Event} event
 */
function onClick({ target }) {
  /** @type {HTMLElement | null | undefined} */
  const control = target instanceof Element ? target.closest("[data-qb-action]") : null;
  const action = control && ACTIONS[control.dataset.qbAction ?? ""];
  /* Every button the engine renders is inside its block; a page's own print button need not be. */
  if (control && action) action(/** @type {HTMLElement} */ (control.closest(OWN)), control);
}

/**
 * Save an answer as it changes; import a file as it is chosen.
 * @param {Event} event
 */
function onChange({ target }) {
  if (!(target instanceof HTMLElement)) return;
  /** @type {HTMLElement | null} */
  const question = target.closest("[data-qb-question]");
  if (question?.closest(BLOCKS)) {
    saveAnswer(question);
  } else if (target instanceof HTMLInputElement && target.matches(".qb-data__file")) {
    importData(target);
  } else if (target instanceof HTMLInputElement && target.matches(".qb-record__name")) {
    later("saveName")(target);
  }
}

/** Make the blocks on the current page interactive; blocks already set up are skipped.
 * Marks `quizbank:init` and `quizbank:ready` time it (`make bench` reads them). */
function init() {
  mark("quizbank:init");
  flush();
  sweep();
  all(OWN).forEach((block) => {
    if (block.dataset.qbReady === "true") return;
    block.dataset.qbReady = "true";
    all(".qb-question__actions, .qb-quiz__actions, .qb-self__actions, .qb-panel", block).forEach(
      (node) => {
        node.hidden = false;
      }
    );
    all(".qb-note", block).forEach((node) => {
      node.hidden = true;
    });
    SET_UP.find(([selector]) => block.matches(selector))?.[1](block);
  });
  decorate();
  warn();
  mark("quizbank:ready");
}

if (!window.quizbank?.loaded) {
  document.addEventListener("click", onClick);
  document.addEventListener("change", onChange);
  document.addEventListener("input", onInput);
  document.addEventListener("close", onClose, true); /* close does not bubble */
  document.addEventListener("quizbank:checked", onChecked);
  addEventListener("pagehide", flush);

  window.quizbank = { loaded: true, init, grade, assess, scoreQuiz };

  init();
  window.document$?.subscribe?.(init);
  /* The first page is also set up on its own: document$ can complete without ever emitting
   * (Material opened from file:// with navigation.instant on), and init skips set-up blocks. */
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  }
}
