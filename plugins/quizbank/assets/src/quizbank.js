// @ts-check
/* quizbank: quizzes, self-assessments, reflections and the learner's own records.
 *
 * The page's HTML is complete without the scripts: questions, answer keys and explanations
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
 * (`npm run build`; README.md in this folder), the core every page loads: storage and the
 * records' checks, reflections, the track's done button, ticks and best scores in the
 * navigation, sync between tabs. What only some pages need is in two more scripts, which
 * later.js loads the first time a page needs them: the questions script (questions.js: quizzes,
 * self-assessments, the review queue) and the page script (pages.js: the self-assessment's
 * report, the review page, the course record, the journal, the data page, the home page's
 * progress, reading aloud). */

import * as core from "./core.js";
import { BLOCKS, all, mark, one } from "./dom.js";
import { ifLoaded, later, load, showLater } from "./later.js";
import { decorate, restoreDone, toggleDone } from "./progress.js";
import { flush, onInput, restoreReflection } from "./reflections.js";
import { showing, warn } from "./storage.js";
import { onStorage } from "./sync.js";

/**
 * Return a set-up by the questions script (loaded first if need be).
 * @param {string} name
 */
const withQuestions = (name) => showLater(name, "questions");

/**
 * Return what a button does by the questions script, given the button.
 * @param {string} name
 */
const questionsDo = (name) => (/** @type {HTMLElement} */ _block, /** @type {HTMLElement} */ control) =>
  later(name, "questions")(control);

/**
 * Return what a button does to its block by the questions script.
 * @param {string} name
 */
const questionsDoTo = (name) => (/** @type {HTMLElement} */ block) => later(name, "questions")(block);

/**
 * Set up reading aloud where the browser can speak (elsewhere the panel goes): the page script
 * (which reads) is loaded only once the learner reaches for the panel, not with every track
 * page.
 * @param {HTMLElement} block
 */
function offerListening(block) {
  if (typeof window.speechSynthesis !== "object" || typeof window.SpeechSynthesisUtterance !== "function") {
    block.hidden = true;
    return;
  }
  const reach = () => {
    block.removeEventListener("focusin", reach);
    block.removeEventListener("pointerenter", reach);
    return showLater("setUpListen")(block);
  };
  block.addEventListener("focusin", reach);
  block.addEventListener("pointerenter", reach);
}

/**
 * What each block needs when it is set up: the first whose selector it matches. A set-up that
 * returns a promise (it waits for a script) leaves the block pending until it is done.
 * @type {[string, (block: HTMLElement) => unknown][]}
 */
const SET_UP = [
  [".qb-quiz", withQuestions("setUpQuiz")],
  [
    ".qb-self",
    (block) =>
      withQuestions("setUpSelf")(block).then(() => {
        load("pages").catch(() => undefined); /* the result's report: here before it is asked for */
      })
  ],
  [".qb-reflection", restoreReflection],
  [".qb-track-done", restoreDone],
  /* The page script's blocks: set up once it is here (later.js). */
  [".qb-journal", showLater("showJournal")],
  [".qb-data", showLater("showDataPage")],
  [".qb-progress", showLater("showHome")],
  [".qb-listen", offerListening],
  [".qb-review", (block) => withQuestions("setUpReview")(block).then(() => showLater("showReview")(block))],
  [".qb-record", showLater("showRecord")]
];

/** Every block this script sets up, and puts a notice in when nothing can be saved. */
const OWN = SET_UP.map(([selector]) => selector).join(", ");

/**
 * What each button (data-qb-action) does, given its block and the button itself.
 * @type {Record<string, (block: HTMLElement, control: HTMLElement) => unknown>}
 */
const ACTIONS = {
  check: questionsDo("check"),
  show: questionsDo("show"),
  "move-up": questionsDo("moveUp"),
  "move-down": questionsDo("moveDown"),
  hint: questionsDo("hint"),
  score: questionsDoTo("score"),
  retry: questionsDoTo("retry"),
  reset: questionsDoTo("reset"),
  redraw: questionsDoTo("redraw"),
  result: (block) => later("showResult")(block),
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
    later("answered", "questions")(question, block);
  } else if (target.matches(".qb-listen__rate, .qb-listen__voice")) {
    later("retune")(target.closest(".qb-listen"));
  } else if (target instanceof HTMLInputElement && target.matches(".qb-data__file")) {
    later("importData")(target);
  } else if (target instanceof HTMLInputElement && target.matches(".qb-record__name")) {
    later("saveName")(target);
  }
}

/** Make the blocks on the current page interactive; blocks already set up, or being set up,
 * are skipped. A block whose set-up waits for a script is `data-qb-ready="pending"` until it
 * is done. Marks `quizbank:init` and `quizbank:ready` (once every block is set up) time it
 * (`make bench` reads them). */
function init() {
  mark("quizbank:init");
  flush();
  ifLoaded("stopIfGone")(); /* reading aloud is the page script's: nothing to stop without it */
  ifLoaded("sweep", "questions")(); /* the questions script sweeps as it loads, too */
  /** @type {Promise<unknown>[]} */
  const pending = [];
  all(OWN).forEach((block) => {
    if (block.dataset.qbReady) return;
    all(".qb-quiz__actions, .qb-self__actions, .qb-panel, .qb-scripted", block).forEach((node) => {
      node.hidden = false;
    });
    all(".qb-note", block).forEach((node) => {
      node.hidden = true;
    });
    const setUp = SET_UP.find(([selector]) => block.matches(selector));
    /** @type {unknown} */
    let done;
    if (setUp) showing(block, (each) => (done = setUp[1](each))); /* says if a record was unreadable */
    if (done instanceof Promise) {
      block.dataset.qbReady = "pending";
      pending.push(
        done.then(
          () => {
            block.dataset.qbReady = "true";
          },
          (error) => {
            delete block.dataset.qbReady; /* set up when the script comes (later.js) */
            throw error;
          }
        )
      );
    } else {
      block.dataset.qbReady = "true";
    }
  });
  decorate();
  warn();
  if (pending.length) Promise.all(pending).then(() => mark("quizbank:ready"), () => undefined);
  else mark("quizbank:ready");
}

if (!window.quizbank?.loaded) {
  document.addEventListener("click", onClick);
  document.addEventListener("change", onChange);
  document.addEventListener("input", onInput);
  document.addEventListener("keydown", (event) => ifLoaded("onKey", "questions")(event));
  document.addEventListener("close", ifLoaded("onClose"), true); /* close does not bubble */
  addEventListener("pagehide", () => {
    flush();
    ifLoaded("stop")();
  });
  addEventListener("storage", onStorage); /* another tab changed the records */

  /* `core` (not enumerable: not part of the public API) is what the later scripts use of this
   * script's modules, the same instances (core.js). The questions script adds `grade`,
   * `assess` and `scoreQuiz`. */
  window.quizbank = Object.defineProperty({ loaded: true, init }, "core", { value: core });

  init();
  window.document$?.subscribe?.(init);
  /* The first page is also set up on its own: document$ can complete without ever emitting
   * (Material opened from file:// with navigation.instant on), and init skips set-up blocks. */
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  }
}
