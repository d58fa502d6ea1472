// @ts-check
/* Where the course is: its root, and each page's path from it. */

/* This script's address, read as it runs, while the document still says which script it is. */
const SCRIPT =
  document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : location.href;

/** The site's root: the script is published at <root>/assets/quizbank/. */
export const ROOT = new URL("../../", SCRIPT);

/** The page script's address: beside this one, named as it is with "-pages" added. */
export const PAGES = SCRIPT.replace(/\/quizbank\.([^/]*)$/, "/quizbank-pages.$1");

/**
 * Return a page's path from the site root, such as "practice/grow/" ("" for the home page).
 * @param {{ pathname: string }} url a URL, a link or the location
 */
export const pathOf = (url) =>
  url.pathname.slice(ROOT.pathname.length).replace(/index\.html$/, "");

/** Return the page's title as its main heading shows it (less the ¶ of its permalink). */
export const pageTitle = () =>
  (document.querySelector("article h1")?.textContent || document.title).replace(/¶$/, "");
