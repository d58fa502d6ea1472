// @ts-check
/* What only some pages need is in two more scripts, published beside this one, which no page
 * references: the questions script (quizbank-questions.js, questions.js: quizzes,
 * self-assessments, the review queue) and the page script (quizbank-pages.js, pages.js: the
 * self-assessment's report, the review page, the course record, the journal, the data page,
 * the home page's progress, reading aloud). Each is loaded the first time a page needs it, so
 * other pages never carry its weight; the page script always after the questions script, whose
 * modules it uses.
 *
 * Neither bundles the core's modules: they use the core's own instances, which quizbank.js
 * publishes as window.quizbank.core (core.js; build.mjs says how). */

import { all, make, one } from "./dom.js";
import { decorate } from "./progress.js";
import { PAGES, QUESTIONS } from "./site.js";
import { showing } from "./storage.js";

/** @typedef {{ questions: QuestionsScript, pages: PageScript }} Scripts */

/** Where each script is, and the name it gives itself on window. */
const SCRIPTS = {
  questions: { src: QUESTIONS, global: /** @type {const} */ ("quizbankQuestions") },
  pages: { src: PAGES, global: /** @type {const} */ ("quizbankPages") }
};

/** @type {Partial<Record<keyof Scripts, Promise<any>>>} */
const loading = {};

/** Whether a script failed to load since the last one that did. */
let failing = false;

/**
 * Load a script, once (the page script after the questions script). A script that could not be
 * loaded is tried again the next time it is needed, and the learner is told.
 * @template {keyof Scripts} S
 * @param {S} name
 * @returns {Promise<Scripts[S]>}
 */
export function load(name) {
  const { src, global } = SCRIPTS[name];
  const before = name === "pages" ? load("questions") : Promise.resolve();
  return /** @type {Promise<Scripts[S]>} */ (
    (loading[name] ||= before.then(
      () =>
        new Promise((resolve, reject) => {
          const script = document.createElement("script");
          script.src = src;
          script.onload = () => {
            if (failing) recovered();
            resolve(/** @type {any} */ (window[global]));
          };
          script.onerror = () => {
            delete loading[name];
            script.remove();
            failing = true;
            failed();
            reject(new Error(`quizbank: could not load ${src}`));
          };
          document.head.append(script);
        })
    ))
  );
}

/** Tell the learner, once, in each of the page's blocks, that a script did not load. */
function failed() {
  all("[data-qb-ready]").forEach((block) => {
    if (one(":scope > .qb-unloaded", block)) return;
    const note = make(
      "p",
      "qb-notice qb-unloaded",
      "Part of the course's script could not be loaded, so some of this page does not work yet. " +
        "Reload the page to try again."
    );
    note.setAttribute("role", "alert");
    block.prepend(note);
  });
}

/** A script loaded after one did not: the notes go, and the blocks left waiting are set up. */
function recovered() {
  failing = false;
  all(".qb-unloaded").forEach((note) => note.remove());
  window.quizbank?.init();
}

/**
 * Return the function a script holds under a name if the script is here, else undefined.
 * @param {keyof Scripts} script
 * @param {string} name
 * @returns {Function | undefined}
 */
const here = (script, name) => /** @type {any} */ (window[SCRIPTS[script].global])?.[name];

/**
 * Return a function that calls one of a script's functions (the page script's unless named),
 * loading it first if need be: a click before it has loaded is answered once it has, one after
 * at once.
 * @param {string} name
 * @param {keyof Scripts} [script]
 */
export const later =
  (name, script = "pages") =>
  (/** @type {any[]} */ ...args) => {
    const loaded = here(script, name); /* here already: answered at once, not a tick later */
    return loaded
      ? loaded(...args)
      : load(script).then(
          (found) => /** @type {any} */ (found)[name](...args),
          () => undefined /* the learner has been told (failed) */
        );
  };

/**
 * Return a function that calls one of a script's functions only if the script is already here
 * (stopping what it started, say): never loaded just for that.
 * @param {string} name
 * @param {keyof Scripts} [script]
 */
export const ifLoaded =
  (name, script = "pages") =>
  (/** @type {any[]} */ ...args) =>
    here(script, name)?.(...args);

/**
 * Return a block's set-up by a script, inside `showing` once the script is here (at once if it
 * is already), so that the records it could not read are counted then, and the block says so.
 * The links it wrote (the journal's) are then ticked like the page's others.
 * @param {string} name
 * @param {keyof Scripts} [script]
 * @returns {(block: HTMLElement) => Promise<void>}
 */
export const showLater =
  (name, script = "pages") =>
  (block) => {
    const run = (/** @type {any} */ loaded) => {
      showing(block, loaded[name]);
      decorate();
    };
    const loaded = window[SCRIPTS[script].global];
    return loaded ? Promise.resolve(run(loaded)) : load(script).then(run);
  };
