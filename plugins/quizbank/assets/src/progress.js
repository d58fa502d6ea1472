// @ts-check
/* Progress: tracks marked done (with the button on a track's page), how many are done, and
 * marks beside the links that lead to what is done or scored. */

import { all, make, the } from "./dom.js";
import { describeScore, plural } from "./format.js";
import { ROOT, pathOf } from "./site.js";
import { forget, read, records, write } from "./storage.js";

/**
 * Say how many tracks are done, out of how many.
 * @param {HTMLElement} block
 */
export function showProgress(block) {
  const total = Number(block.dataset.qbTracks);
  /* A done key names a whole track number from 1 (records.js); it counts if the course has it. */
  const done = records("done").filter(({ key }) => !total || Number(key.slice(5)) <= total).length;
  the(".qb-progress__summary", block).textContent =
    (total ? `${done} of ${plural(total, "track")}` : plural(done, "track")) + " done.";
}

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
    if (link.hash || link.origin !== ROOT.origin || link.closest("header, footer")) continue;
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
  control.setAttribute("aria-pressed", String(done));
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
  control.setAttribute("aria-pressed", String(!!read("done:" + control.dataset.qbTrack)));
}
