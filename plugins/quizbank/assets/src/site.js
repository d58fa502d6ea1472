// @ts-check
/* Where the course is: its root, and each page's path from it. */

/** The site's root: the script is published at <root>/assets/quizbank/. Read as the script
 * runs, while the document still says which script that is. */
export const ROOT = new URL(
  "../../",
  document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : location.href
);

/**
 * Return a page's path from the site root, such as "practice/grow/" ("" for the home page).
 * @param {{ pathname: string }} url a URL, a link or the location
 */
export const pathOf = (url) =>
  url.pathname.slice(ROOT.pathname.length).replace(/index\.html$/, "");

/** Return the page's title as its main heading shows it (less the ¶ of its permalink). */
export const pageTitle = () =>
  (document.querySelector("article h1")?.textContent || document.title).replace(/¶$/, "");
