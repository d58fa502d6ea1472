// @ts-check
/* Another tab or window of this course changed the learner's records (the browser's `storage`
 * event, which every other page of the origin gets): show the change here too, so that what
 * this page shows, and saves next, starts from what is stored. Saved answers are left as this
 * page shows them: the next change saves the one the learner sees. */

import { QUIZ, SELF, all } from "./dom.js";
import { ifLoaded, later, showLater } from "./later.js";
import { decorate, restoreDone } from "./progress.js";
import { refreshReflection } from "./reflections.js";
import { PREFIX, showing } from "./storage.js";

/**
 * A block that shows records: its selector, whether a changed key concerns it, and what shows
 * it again.
 * @typedef {[string, (block: HTMLElement, key: string) => boolean, (block: HTMLElement) => void]}
 *   Shower
 */

/**
 * What shows each kind of record, and so is shown again when one changes elsewhere: the
 * blocks (already set up) that a key of that kind concerns.
 * @type {Record<string, Shower[]>}
 */
const SHOWN_BY = {
  reflection: [
    [
      ".qb-reflection",
      (box, key) => key === "reflection:" + box.dataset.qbReflection,
      refreshReflection
    ],
    [".qb-journal", () => true, showLater("showJournal")]
  ],
  /* A result is drawn by the page script: not loaded, none is shown, none to draw again. */
  result: [
    [SELF, (block, key) => key === "result:" + block.dataset.qbBank, ifLoaded("refreshResult")]
  ],
  /* A quiz is set up (ready) only once the questions script is here. */
  score: [
    [QUIZ, (quiz, key) => key.startsWith(`score:${quiz.dataset.qbBank}:`), ifLoaded("restoreScore", "questions")]
  ],
  done: [
    [".qb-track-done", () => true, restoreDone],
    [".qb-progress", () => true, showLater("showProgress")]
  ]
};

/**
 * Show here what another tab or window changed.
 * @param {StorageEvent} event
 */
export function onStorage({ key }) {
  /* A null key: all of storage was cleared. */
  if (key !== null && !key.startsWith(PREFIX)) return;
  const name = key?.slice(PREFIX.length);
  const kinds = name === undefined ? Object.keys(SHOWN_BY) : [name.split(":")[0]];
  for (const kind of kinds) {
    for (const [selector, concerns, show] of SHOWN_BY[kind] ?? []) {
      all(selector)
        .filter((block) => block.dataset.qbReady === "true")
        .filter((block) => (name === undefined ? true : concerns(block, name)))
        .forEach((block) => showing(block, show));
    }
  }
  all(".qb-data[data-qb-ready='true']").forEach((block) => later("showData")(block));
  decorate();
}
