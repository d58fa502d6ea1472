// @ts-check
/* Reflections: the learner's answers to reflection prompts, saved half a second after they stop
 * typing (and before the page goes), with the prompt and where they were written, for the
 * journal. Each box remembers the saved entry it shows (its time and text): storage is read
 * again before each save, and an entry changed in another tab or window since is never saved
 * over; the box says so. The status under the box says "Saved" only when storage took it. */

import { all, the } from "./dom.js";
import { pageTitle, pathOf } from "./site.js";
import { forget, notSaved, read, write } from "./storage.js";

/** Where a reflection was written: the page's path, its title, and its order on the page.
 * @typedef {[page: string, title: string, order: number]} Place */

/* Reflections waiting to be saved: box -> [timer, where it was written]. */
/** @type {Map<HTMLElement, [ReturnType<typeof setTimeout>, Place]>} */
const pending = new Map();

/* The saved entry each box shows, as it was when this page last read or saved it. */
/** @type {WeakMap<HTMLElement, { t: number, text: string }>} */
const shown = new WeakMap();

const CHANGED =
  "Not saved: this entry was changed in another tab or window, and the newer text is kept. " +
  "Copy what you wrote here if you need it, then reload the page to see the newer text.";

/** @param {HTMLElement} box */
const keyOf = (box) => "reflection:" + box.dataset.qbReflection;

/**
 * Tell whether the entry a box shows was changed elsewhere since the box read it: saved anew
 * (or removed) with another text.
 * @param {HTMLElement} box
 * @param {{ t: number, [field: string]: any } | null} saved what storage holds now
 * @param {string} text what the box holds
 */
const changedElsewhere = (box, saved, text) =>
  (saved?.t ?? 0) !== (shown.get(box)?.t ?? 0) && (saved?.text ?? "") !== text;

/**
 * Save a reflection, with its prompt and where it was written, for the journal; unless it was
 * changed in another tab since this box read it (the newer text is kept, and the box says so).
 * @param {HTMLElement} box
 * @param {Place} place
 */
function saveReflection(box, [page, title, order]) {
  clearTimeout(pending.get(box)?.[0]);
  pending.delete(box);
  const key = keyOf(box);
  /** @type {HTMLTextAreaElement} */
  const area = the("textarea", box);
  const text = area.value;
  const status = the(".qb-reflection__status", box);
  const saved = read(key);
  if (saved && changedElsewhere(box, saved, text)) {
    status.textContent = CHANGED;
    return;
  }
  if (!text.trim()) {
    forget(key);
    shown.delete(box);
    status.textContent = "";
    return;
  }
  const record = {
    v: box.dataset.qbVersion,
    t: Math.max(Date.now(), (saved?.t ?? 0) + 1), /* later than what it replaces, always */
    text,
    page,
    title,
    order,
    prompt: the("label", box).textContent,
    track: Number(box.dataset.qbTrack) || null
  };
  if (write(key, record)) {
    shown.set(box, { t: record.t, text });
    status.textContent = "Saved on this device.";
  } else {
    status.textContent = `Not saved: ${notSaved()}.`; /* the text stays in the box */
  }
}

/** Save every reflection still waiting (before the page goes). */
export const flush = () => pending.forEach(([, place], box) => saveReflection(box, place));

/**
 * Save a reflection half a second after the learner stops typing.
 * @param {Event} event
 */
export function onInput({ target }) {
  /** @type {HTMLElement | null | undefined} */
  const box = target instanceof Element ? target.closest(".qb-reflection") : null;
  if (!box) return;
  clearTimeout(pending.get(box)?.[0]);
  /** @type {Place} */
  const place = [pathOf(location), pageTitle(), all(".qb-reflection").indexOf(box)];
  pending.set(box, [setTimeout(saveReflection, 500, box, place), place]);
}

/**
 * Put back a reflection's saved text. It is kept even when the prompt has been reworded since:
 * it is the learner's own writing; the box says the question has changed (the journal keeps
 * the prompt they answered until they edit their answer).
 * @param {HTMLElement} box
 */
export function restoreReflection(box) {
  const saved = read(keyOf(box));
  /** @type {HTMLTextAreaElement} */
  const area = the("textarea", box);
  if (!saved) return;
  area.value = saved.text;
  shown.set(box, { t: saved.t, text: saved.text });
  if (saved.v !== box.dataset.qbVersion) {
    the(".qb-reflection__status", box).textContent =
      "This question has been reworded since you answered it.";
  }
}

/**
 * Take up a change another tab or window made to a reflection: show the newer text, unless
 * the learner has written something here that is not saved yet (then say it cannot be saved
 * over the newer text).
 * @param {HTMLElement} box
 */
export function refreshReflection(box) {
  const saved = read(keyOf(box));
  /** @type {HTMLTextAreaElement} */
  const area = the("textarea", box);
  const status = the(".qb-reflection__status", box);
  if (!changedElsewhere(box, saved, area.value)) return;
  if (pending.has(box) || area.value !== (shown.get(box)?.text ?? "")) {
    status.textContent = CHANGED;
    return;
  }
  area.value = saved?.text ?? "";
  if (saved) shown.set(box, { t: saved.t, text: saved.text });
  else shown.delete(box);
  status.textContent = "This entry was changed in another tab or window: this is the newer text.";
}
