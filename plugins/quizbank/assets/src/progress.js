// @ts-check
/* Progress: tracks marked done (with the button on a track's page), and marks beside the links
 * that lead to what is done or scored. The home page's summary is in the page script (home.js). */

import { all, make, the } from "./dom.js";
import { describeScore } from "./format.js";
import { ROOT, pathOf } from "./site.js";
import { forget, read, records, write } from "./storage.js";

/**
 * Mark what is finished, and best quiz scores, beside the links that lead to them, in the
 * article and in the site's navigation (not the header's or the footer's):
 * - a tick and the word "done" on a link to a page marked done (the page a done record was
 *   made on), and on a link with data-qb-track="N" once track N is done (records made before
 *   pages were kept have only their track);
 * - in the article, the best score beside a link to a page with a scored quiz.
 */
export function decorate() {
  /** @type {Record<string, Record<string, any>>} */
  const best = {};
  records("score").forEach((score) => {
    best[score.page] ||= score;
  });
  const finished = new Set(records("done").map((done) => done.page));
  all(".qb-tick, .qb-best").forEach((node) => node.remove());
  /** @type {HTMLAnchorElement[]} */
  const links = all("article a[href], nav a[href]");
  for (const link of links) {
    if (link.hash || link.origin !== ROOT.origin || link.closest("header, footer, .qb-progress")) {
      continue;
    }
    const path = pathOf(link);
    const track = link.dataset.qbTrack;
    /* The space keeps "done" a word of its own in the link's name. */
    if (finished.has(path) || (track && read("done:" + Number(track)))) {
      make("span", "qb-tick", " done", link);
    }
    if (best[path] && link.closest("article")) {
      link.after(make("span", "qb-best", "Best score: " + describeScore(best[path].best)));
    }
  }
}

/**
 * Say on a done button whether its track is done, in its words as well as its pressed state.
 * @param {HTMLElement} control
 * @param {boolean} done
 */
function label(control, done) {
  const track = control.dataset.qbTrack;
  control.setAttribute("aria-pressed", String(done));
  control.textContent = done ? `Done: track ${track}` : `Mark track ${track} as done`;
}

/**
 * Mark a track as done, or not done, from the button on its page; the record keeps the page,
 * so that links to it are ticked.
 * @param {HTMLElement} _block
 * @param {HTMLElement} control
 */
export function toggleDone(_block, control) {
  const track = control.dataset.qbTrack;
  const done = control.getAttribute("aria-pressed") !== "true";
  if (done) {
    write("done:" + track, { t: Date.now(), page: pathOf(location) });
  } else {
    forget("done:" + track);
  }
  label(control, done);
  const status = control.nextElementSibling;
  if (status) status.textContent = `Track ${track} is ${done ? "" : "no longer "}marked as done.`;
  decorate();
}

/**
 * Show a track's done button, pressed if the track is done.
 * @param {HTMLElement} block
 */
export function restoreDone(block) {
  const control = the("button", block);
  block.hidden = false;
  label(control, !!read("done:" + control.dataset.qbTrack));
}
