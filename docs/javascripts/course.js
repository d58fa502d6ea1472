// @ts-check
/* The course's own script, beside the quizbank engine's: it mends what the Material theme
 * leaves short. Added by extra_javascript in mkdocs.yml, as a file (no inline script, so the
 * Content-Security-Policy needs nothing for it). It runs for every page instant navigation
 * brings (Material's document$), and again on its own for the first page (document$ may
 * complete without emitting when the course is opened from disk); doing it twice is harmless. */
(() => {
  "use strict";

  /** Give the theme's search dialog a name (WCAG 4.1.2). */
  function mend() {
    document.querySelector(".md-search[role=dialog]")?.setAttribute("aria-label", "Search");
  }

  window.document$?.subscribe?.(mend);
  mend();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mend);
})();
