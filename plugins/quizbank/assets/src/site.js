// @ts-check
/* Where the course is: its root, and each page's path from it. */

/* This script's address, read as it runs, while the document still says which script it is. */
const SCRIPT =
  document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : location.href;

/** The site's root: the script is published at <root>/assets/quizbank/. */
export const ROOT = new URL("../../", SCRIPT);

/**
 * The address of a script published beside this one, named as it is with a suffix added.
 * @param {string} suffix
 */
const beside = (suffix) => SCRIPT.replace(/\/quizbank\.([^/]*)$/, `/quizbank-${suffix}.$1`);

/** The questions script's address (quizbank-questions.js). */
export const QUESTIONS = beside("questions");

/** The page script's address (quizbank-pages.js). */
export const PAGES = beside("pages");

/**
 * Return a page's path from the site root, such as "practice/grow/" ("" for the home page).
 * @param {{ pathname: string }} url a URL, a link or the location
 */
export const pathOf = (url) =>
  url.pathname.slice(ROOT.pathname.length).replace(/index\.html$/, "");

/** Return the page's title as its main heading shows it (less the ¶ of its permalink). */
export const pageTitle = () =>
  (document.querySelector("article h1")?.textContent || document.title).replace(/¶$/, "");
