// @ts-check
/* The course's own script, beside the quizbank engine's: it mends what the Material theme
 * leaves short. Added by extra_javascript in mkdocs.yml, as a file (no inline script, so the
 * Content-Security-Policy needs nothing for it). It runs for every page instant navigation
 * brings (Material's document$), and again on its own for the first page (document$ may
 * complete without emitting when the course is opened from disk); doing it twice is harmless. */
(() => {
  "use strict";

  /* What may be too wide for a phone: the theme's wrapper round each table, and the wrapper
   * this script puts round each wide diagram (course.css lets it scroll at phone widths, so the
   * diagram's words stay at least 12 px). */
  const SCROLLERS = "article .md-typeset__scrollwrap, article .course-diagram";

  /** Put each wide diagram of the article in a wrapper that can scroll sideways. */
  function wrapDiagrams() {
    /** @type {NodeListOf<SVGSVGElement>} */
    const diagrams = document.querySelectorAll("article svg[role='img']");
    for (const svg of diagrams) {
      const parent = svg.parentElement;
      if (!parent || parent.classList.contains("course-diagram")) continue;
      if ((svg.viewBox.baseVal?.width ?? 0) <= 400) continue; /* narrow ones read as they are */
      const box = document.createElement("div");
      box.className = "course-diagram";
      svg.before(box);
      box.append(svg);
    }
  }

  /**
   * The name of what a scroller holds: the diagram's title, or the table's caption or first
   * heading.
   * @param {Element} scroller
   */
  function nameOf(scroller) {
    const title = scroller.querySelector("svg > title")?.textContent;
    if (title) return `Diagram: ${title}`;
    const head =
      scroller.querySelector("caption")?.textContent ||
      scroller.querySelector("th")?.textContent ||
      "";
    return `Table${head ? `: ${head.trim()}` : ""}`;
  }

  /** A scroller that does not fit can be reached from the keyboard (2.1.1) and says that it
   * scrolls, in a line just above it; one that fits is left as it is. */
  function markScrollers() {
    /** @type {NodeListOf<HTMLElement>} */
    const scrollers = document.querySelectorAll(SCROLLERS);
    for (const scroller of scrollers) {
      const wide = scroller.scrollWidth > scroller.clientWidth + 1;
      let hint = scroller.previousElementSibling;
      if (!hint?.classList.contains("course-scroll-hint")) {
        if (!wide) continue;
        hint = document.createElement("p");
        hint.className = "course-scroll-hint";
        hint.textContent = scroller.matches(".course-diagram")
          ? "Scroll sideways to see the whole diagram."
          : "Scroll sideways to see the whole table.";
        scroller.before(hint);
      }
      /** @type {HTMLElement} */ (hint).hidden = !wide;
      if (wide) {
        scroller.tabIndex = 0;
        scroller.setAttribute("role", "region");
        scroller.setAttribute("aria-label", nameOf(scroller));
      } else {
        scroller.removeAttribute("tabindex");
        scroller.removeAttribute("role");
        scroller.removeAttribute("aria-label");
      }
    }
  }

  /** Give the theme's search dialog a name (WCAG 4.1.2); wide tables and diagrams scroll. */
  function mend() {
    document.querySelector(".md-search[role=dialog]")?.setAttribute("aria-label", "Search");
    wrapDiagrams();
    markScrollers();
  }

  /* Material wraps tables once a page is shown: look again once it has. */
  function mendSoon() {
    mend();
    requestAnimationFrame(() => markScrollers());
  }

  window.document$?.subscribe?.(mendSoon);
  mendSoon();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mendSoon);
  addEventListener("resize", markScrollers);
})();
