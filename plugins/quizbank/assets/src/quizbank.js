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
 *   quizbank:checked   {bank, question, type, answer, correct, shown}   one question checked
 *                      (correct is false when the learner saw the answer first)
 *   quizbank:scored    {bank, right, total, unanswered, percent, passed}   a quiz scored
 *   quizbank:assessed  {bank, band, counts, total}   a self-assessment result shown
 *
 * This file wires the modules together: what each block needs when it is set up, what each
 * button does, and the page's events. It is bundled with them into one classic script
 * (`npm run build`; README.md in this folder), the core every page loads. What only some pages
 * need (the self-assessment's report, the review page, the course record, the journal, the data
 * page, the home page's progress, reading aloud) is in the page script (pages.js), which
 * later.js loads on those pages the first time it is needed. */

import { answerKey, restoreAnswer, saveAnswer } from "./answers.js";
import { arrangeQuiz } from "./attempt.js";
import { check, clearFeedback, grade } from "./check.js";
import { addControls } from "./controls.js";
import * as core from "./core.js";
import { BLOCKS, QUIZ, SELF, all, mark, one } from "./dom.js";
import { setUpHints, showHint } from "./hints.js";
import { ifLoaded, later, load, showLater } from "./later.js";
import { decorate, restoreDone, toggleDone } from "./progress.js";
import { reset, restoreScore, retryMissed, scoreQuiz } from "./quiz.js";
import { flush, onInput, restoreReflection } from "./reflections.js";
import { hold, markShown } from "./reveal.js";
import { onChecked, queue, sweep } from "./review.js";
import { assess, countAnswered, restoreResult } from "./self.js";
import { read, showing, warn } from "./storage.js";
import { onStorage } from "./sync.js";
import { move, onKey } from "./types/ordering.js";

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
 * What each block needs when it is set up: the first whose selector it matches.
 * @type {[string, (block: HTMLElement) => void][]}
 */
const SET_UP = [
  [
    QUIZ,
    (quiz) => {
      arrangeQuiz(quiz);
      all(".qb-question", quiz).forEach(hold); /* until checked, or shown on request */
      restoreAnswers(quiz);
      restoreScore(quiz);
    }
  ],
  [
    SELF,
    (block) => {
      restoreAnswers(block);
      restoreResult(block);
      countAnswered(block);
      load(); /* the result's report is the page script's: here before the learner asks */
    }
  ],
  [".qb-reflection", restoreReflection],
  [".qb-track-done", restoreDone],
  /* The page script's blocks: set up once it is here (later.js). */
  [".qb-journal", showLater("showJournal")],
  [".qb-data", showLater("showDataPage")],
  [".qb-progress", showLater("showHome")],
  [".qb-listen", showLater("setUpListen")],
  [
    ".qb-review",
    (block) => {
      all(".qb-question", block).forEach(hold); /* until checked, or shown on request */
      showLater("showReview")(block);
    }
  ],
  [".qb-record", showLater("showRecord")]
];

/** Every block this script sets up, and puts a notice in when nothing can be saved. */
const OWN = SET_UP.map(([selector]) => selector).join(", ");

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
 * What each button (data-qb-action) does, given its block and the button itself.
 * @type {Record<string, (block: HTMLElement, control: HTMLElement) => unknown>}
 */
const ACTIONS = {
  check: (_block, control) => {
    /** @type {HTMLElement | null} */
    const question = control.closest(".qb-question");
    if (question) check(question, { focusEmpty: true });
  },
  show: (_block, control) => showAnswer(control),
  "move-up": (_block, control) => moveItem(control, -1),
  "move-down": (_block, control) => moveItem(control, 1),
  score: scoreQuiz,
  retry: retryMissed,
  result: (block) => later("showResult")(block),
  reset: again("order"),
  redraw: again("draw"),
  hint: (_block, control) => showHint(/** @type {HTMLElement} */ (control.closest(".qb-question"))),
  "review-next": (block) => later("nextQuestions")(block, true),
  "record-md": later("downloadRecord"),
  "data-persist": later("keepWork"),
  "track-done": toggleDone,
  print: () => window.print(),
  "self-csv": (block) => later("downloadResults")(block, "csv"),
  "self-json": (block) => later("downloadResults")(block, "json"),
  "journal-md": () => later("downloadJournal")(true),
  "journal-txt": () => later("downloadJournal")(false),
  "data-export": later("exportData"),
  "data-import": (block) => one(".qb-data__file", block)?.click(),
  "data-clear": later("confirmClear"),
  listen: later("listen"),
  "listen-stop": () => later("stop")()
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
  /** @type {HTMLElement | null | undefined} */
  const block = question?.closest(BLOCKS);
  if (question && block) {
    saveAnswer(question);
    if (block.matches(SELF)) countAnswered(block, question);
  } else if (target.matches(".qb-listen__rate, .qb-listen__voice")) {
    later("retune")(target.closest(".qb-listen"));
  } else if (target instanceof HTMLInputElement && target.matches(".qb-data__file")) {
    later("importData")(target);
  } else if (target instanceof HTMLInputElement && target.matches(".qb-record__name")) {
    later("saveName")(target);
  }
}

/** Make the blocks on the current page interactive; blocks already set up are skipped.
 * Marks `quizbank:init` and `quizbank:ready` time it (`make bench` reads them). */
function init() {
  mark("quizbank:init");
  flush();
  ifLoaded("stopIfGone")(); /* reading aloud is the page script's: nothing to stop without it */
  sweep();
  all(OWN).forEach((block) => {
    if (block.dataset.qbReady === "true") return;
    block.dataset.qbReady = "true";
    all(".qb-quiz__actions, .qb-self__actions, .qb-panel, .qb-scripted", block).forEach((node) => {
      node.hidden = false;
    });
    all(".qb-question", block).forEach(addControls);
    all(".qb-note", block).forEach((node) => {
      node.hidden = true;
    });
    const setUp = SET_UP.find(([selector]) => block.matches(selector));
    if (setUp) showing(block, setUp[1]); /* and says if a record could not be read */
  });
  decorate();
  warn();
  mark("quizbank:ready");
}

if (!window.quizbank?.loaded) {
  document.addEventListener("click", onClick);
  document.addEventListener("change", onChange);
  document.addEventListener("input", onInput);
  document.addEventListener("keydown", onKey);
  document.addEventListener("close", ifLoaded("onClose"), true); /* close does not bubble */
  document.addEventListener("quizbank:checked", onChecked);
  addEventListener("pagehide", () => {
    flush();
    ifLoaded("stop")();
  });
  addEventListener("storage", onStorage); /* another tab changed the records */

  /* `core` (not enumerable: not part of the public API) is what the page script uses of this
   * script's modules, the same instances (core.js). */
  window.quizbank = Object.defineProperty({ loaded: true, init, grade, assess, scoreQuiz }, "core", {
    value: core
  });

  init();
  window.document$?.subscribe?.(init);
  /* The first page is also set up on its own: document$ can complete without ever emitting
   * (Material opened from file:// with navigation.instant on), and init skips set-up blocks. */
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  }
}
