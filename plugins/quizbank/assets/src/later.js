// @ts-check
/* What only some pages need (the self-assessment's report, the review page, the course record,
 * the journal, the data page, the home page's progress, reading aloud) is in a second script,
 * quizbank-pages.js (pages.js), published beside this one. It is loaded the first time a page
 * needs it, so other pages never carry its weight; a page never references it.
 *
 * The page script bundles none of the core's modules: it uses the core's own instances, which
 * quizbank.js publishes as window.quizbank.core (core.js; build.mjs says how). */

import { decorate } from "./progress.js";
import { PAGES } from "./site.js";
import { showing } from "./storage.js";

/** @type {Promise<PageScript> | undefined} */
let loading;

/** Load the page script, once. */
export const load = () =>
  (loading ||= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = PAGES;
    script.onload = () => resolve(/** @type {PageScript} */ (window.quizbankPages));
    script.onerror = reject;
    document.head.append(script);
  }));

/**
 * Return a function that calls one of the page script's functions, loading it first if need
 * be: a click before it has loaded is answered once it has, one after at once.
 * @param {keyof PageScript} name
 */
export const later =
  (name) =>
  (/** @type {any[]} */ ...args) => {
    const pages = window.quizbankPages; /* here already: answered at once, not a tick later */
    return pages
      ? /** @type {Function} */ (pages[name])(...args)
      : load().then((loaded) => /** @type {Function} */ (loaded[name])(...args));
  };

/**
 * Return a function that calls one of the page script's functions only if the script is
 * already here (stopping what it started, say): never loaded just for that.
 * @param {keyof PageScript} name
 */
export const ifLoaded =
  (name) =>
  (/** @type {any[]} */ ...args) =>
    /** @type {Function | undefined} */ (window.quizbankPages?.[name])?.(...args);

/**
 * Return a block's set-up by the page script, inside `showing` once the script is here, so that
 * the records it could not read are counted then, and the block says so. The links it wrote
 * (the journal's) are then ticked like the page's others.
 * @param {keyof PageScript} name
 */
export const showLater = (name) => (/** @type {HTMLElement} */ block) =>
  load().then((pages) => {
    showing(block, /** @type {(block: HTMLElement) => void} */ (pages[name]));
    decorate();
  });
