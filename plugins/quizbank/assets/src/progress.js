// @ts-check
/* Progress: tracks marked done (with the button on a track's page), how many are done, and
 * marks beside the links that lead to what is done or scored. */

import { all, make, one, the } from "./dom.js";
import { day, describeScore, plural } from "./format.js";
import { ROOT, pathOf } from "./site.js";
import { forget, read, records, write } from "./storage.js";

/**
 * The latest self-assessment result of all, with the self-assessment's title, if there is one.
 * @param {HTMLElement} block
 */
function latestResult(block) {
  let latest = null;
  for (const record of records("result")) {
    const attempt = record.h.at(-1);
    if (attempt && (!latest || attempt.t > latest.attempt.t)) {
      latest = { attempt, bank: record.key.slice("result:".length) };
    }
  }
  if (!latest) return null;
  const bank = all("[data-qb-bank]", block).find((item) => item.dataset.qbBank === latest.bank);
  return { ...latest, title: bank?.textContent ?? "" };
}

/**
 * Show where to go next and how far the learner has come: the link to the first track not yet
 * done ("Start the course" until one is), how many tracks are done (in words and a bar), the
 * latest self-assessment result, and how many quizzes have a best score.
 * @param {HTMLElement} block
 */
export function showProgress(block) {
  const total = Number(block.dataset.qbTracks);
  /* A done key names a whole track number from 1 (records.js); it counts if the course has it. */
  const done = records("done").filter(({ key }) => !total || Number(key.slice(5)) <= total).length;
  the(".qb-progress__summary", block).textContent =
    (total ? `${done} of ${plural(total, "track")}` : plural(done, "track")) + " done.";
  /** @type {HTMLProgressElement | null} */
  const bar = one(".qb-progress__bar", block);
  if (bar) bar.value = Math.min(done, bar.max);
  /** @type {HTMLAnchorElement | null} */
  const next = one(".qb-progress__continue", block);
  /** @type {HTMLAnchorElement[]} */
  const tracks = all(".qb-progress__tracks a", block);
  const first = tracks.find((link) => !read("done:" + Number(link.dataset.qbTrack)));
  if (next && first && done) {
    next.href = first.href;
    next.textContent = `Continue: Track ${first.dataset.qbTrack}, ${first.textContent}`;
  } else if (next && !first && tracks.length) {
    next.href = tracks[0].href;
    next.textContent = `All tracks done: review Track ${tracks[0].dataset.qbTrack}, ${tracks[0].textContent}`;
  } else if (next && tracks.length) {
    next.href = tracks[0].href;
    next.textContent = "Start the course";
  }
  const result = latestResult(block);
  const self = one(".qb-progress__self", block);
  if (self) {
    self.textContent = result
      ? `Latest self-assessment${result.title ? ` (${result.title})` : ""}: ` +
        `${result.attempt.title}, on ${day(result.attempt.t)}.`
      : "No self-assessment result yet.";
  }
  const quizzes = one(".qb-progress__quizzes", block);
  if (quizzes) {
    const scored = records("score").length;
    quizzes.textContent = scored
      ? `${plural(scored, "quiz", "quizzes")} with a best score.`
      : "No quiz scored yet.";
  }
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
