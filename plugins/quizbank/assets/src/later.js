// @ts-check
/* What only a few pages need (the review page, the course record, keeping the work on the data
 * page) is in a second script, quizbank-pages.js (pages.js), published beside this one. It is
 * loaded the first time a page needs it, so other pages never carry its weight. */

import { PAGES } from "./site.js";

/** @type {Promise<PageScript> | undefined} */
let loading;

/**
 * Return a function that calls one of the page script's functions, loading it first if need be.
 * @param {keyof PageScript} name
 */
export const later =
  (name) =>
  (/** @type {any[]} */ ...args) =>
    (loading ||= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = PAGES;
      script.onload = () => resolve(/** @type {PageScript} */ (window.quizbankPages));
      script.onerror = reject;
      document.head.append(script);
    })).then((pages) => /** @type {Function} */ (pages[name])(...args));
