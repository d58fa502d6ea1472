// @ts-check
/* Reflections: the learner's answers to reflection prompts, saved half a second after they stop
 * typing (and before the page goes), with the prompt and where they were written, for the
 * journal. */

import { all, the } from "./dom.js";
import { pageTitle, pathOf } from "./site.js";
import { forget, read, write } from "./storage.js";

/** Where a reflection was written: the page's path, its title, and its order on the page.
 * @typedef {[page: string, title: string, order: number]} Place */

/* Reflections waiting to be saved: box -> [timer, where it was written]. */
/** @type {Map<HTMLElement, [ReturnType<typeof setTimeout>, Place]>} */
const pending = new Map();

/**
 * Save a reflection, with its prompt and where it was written, for the journal.
 * @param {HTMLElement} box
 * @param {Place} place
 */
function saveReflection(box, [page, title, order]) {
  clearTimeout(pending.get(box)?.[0]);
  pending.delete(box);
  const key = "reflection:" + box.dataset.qbReflection;
  /** @type {HTMLTextAreaElement} */
  const area = the("textarea", box);
  const text = area.value;
  const status = the(".qb-reflection__status", box);
  if (!text.trim()) {
    forget(key);
    status.textContent = "";
  } else if (
    write(key, {
      v: box.dataset.qbVersion,
      t: Date.now(),
      text,
      page,
      title,
      order,
      prompt: the("label", box).textContent,
      track: Number(box.dataset.qbTrack) || null
    })
  ) {
    status.textContent = "Saved on this device.";
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
 * it is the learner's own writing.
 * @param {HTMLElement} box
 */
export function restoreReflection(box) {
  const saved = read("reflection:" + box.dataset.qbReflection);
  /** @type {HTMLTextAreaElement} */
  const area = the("textarea", box);
  if (saved) area.value = saved.text;
}
