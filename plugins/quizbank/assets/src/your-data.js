// @ts-check
/* The data page: what this course stores, by kind, with sizes; export to a file, import such a
 * file (all of it or nothing), and clear everything after asking. */

import { checkImport, exportText } from "./datafile.js";
import { all, download, the } from "./dom.js";
import { isoDay, plural } from "./format.js";
import { kindOf } from "./records.js";
import { ROOT } from "./site.js";
import { PREFIX, forget, keys, raw, read, writeAll } from "./storage.js";

/** @param {number} bytes */
export const size = (bytes) => (bytes / 1024).toFixed(1) + " KB";

/**
 * Say how an action went, in the page's status line.
 * @param {Element} block
 * @param {string} text
 */
const say = (block, text) => {
  the(".qb-data__status", block).textContent = text;
};

/**
 * Count what this course stores, by kind, with sizes, in the data page's table.
 * @param {HTMLElement} block
 */
export function showData(block) {
  /** @type {Record<string, [HTMLElement, number, number]>} */
  const rows = {};
  all("tr[data-qb-kind], tfoot tr", block).forEach((line) => {
    rows[line.dataset.qbKind || "all"] = [line, 0, 0];
  });
  keys().forEach((key) => {
    const bytes = 2 * (PREFIX + key + raw(key)).length; /* UTF-16 */
    [read(key) ? kindOf(key) : "other", "all"].forEach((kind) => {
      rows[kind][1] += 1;
      rows[kind][2] += bytes;
    });
  });
  Object.values(rows).forEach(([line, count, bytes]) => {
    const [number, weight] = all("td", line);
    number.textContent = String(count);
    weight.textContent = size(bytes);
  });
}

/**
 * Download everything this course stores, as a file that Import reads back.
 * @param {HTMLElement} block
 */
export function exportData(block) {
  const entries = Object.fromEntries(
    keys()
      .map((key) => /** @type {[string, object | null]} */ ([key, read(key)]))
      .filter(([, record]) => record)
  );
  download(`course-data-${isoDay()}.json`, "application/json", exportText(entries, ROOT.pathname));
  say(block, `Exported ${plural(Object.keys(entries).length, "item")}.`);
}

/**
 * Import a file chosen on the data page: all of it, or nothing at all.
 * @param {HTMLInputElement} input
 */
export async function importData(input) {
  /** @type {HTMLElement | null} */
  const block = input.closest(".qb-data");
  const file = input.files?.[0];
  input.value = "";
  if (!file || !block) return;
  const entries = checkImport(await file.text(), ROOT.pathname);
  if (typeof entries === "string") {
    say(block, `Nothing was imported from that file: ${entries}.`);
    return;
  }
  if (!writeAll(entries)) {
    say(block, "Nothing was imported: this browser will not store it.");
    return;
  }
  showData(block);
  say(
    block,
    `Imported ${plural(Object.keys(entries).length, "item")}. What was stored here already is kept.`
  );
}

/**
 * Ask before clearing everything, in a dialog: it takes focus, Escape backs out, and focus
 * returns to the button when it closes.
 * @param {HTMLElement} block
 */
export function confirmClear(block) {
  /** @type {HTMLDialogElement} */
  const dialog = the(".qb-data__confirm", block);
  dialog.returnValue = "";
  dialog.showModal();
}

/**
 * Clear everything, or nothing, as the learner answered the dialog.
 * @param {Event} event
 */
export function onClose({ target }) {
  if (!(target instanceof HTMLDialogElement)) return;
  /** @type {HTMLElement | null} */
  const block = target.closest(".qb-data");
  if (!block) return;
  const yes = target.returnValue === "yes";
  if (yes) {
    keys().forEach(forget); /* removing never fails */
    showData(block);
  }
  say(block, yes ? "Everything is deleted." : "Nothing was deleted.");
}
