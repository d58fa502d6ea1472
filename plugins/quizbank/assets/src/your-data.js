// @ts-check
/* The data page: what this course stores, by kind, with sizes; export to a file, import such a
 * file (entry by entry, the newer of each kept; all of what changes, or nothing), and clear
 * everything after asking. */

import { LARGEST, checkImport, exportText, mergeImport } from "./datafile.js";
import { all, download, the } from "./dom.js";
import { isoDay, plural, space } from "./format.js";
import { kindOf } from "./records.js";
import { ROOT } from "./site.js";
import { PREFIX, forget, forgetUnreadable, keys, raw, read, writeAll } from "./storage.js";

/**
 * The course the data page is in: the id it declares, and its root path.
 * @param {HTMLElement} block
 * @returns {import("./datafile.js").Course}
 */
const course = (block) => ({ course: block.dataset.qbCourse ?? "", scope: ROOT.pathname });

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
    weight.textContent = space(bytes);
  });
  forgetUnreadable(); /* the table counts them */
}

/**
 * Download everything this course stores, as a file that Import reads back.
 * @param {HTMLElement} block
 */
export function exportData(block) {
  /** @type {Record<string, object>} */
  const entries = {};
  let skipped = 0;
  for (const key of keys()) {
    const record = read(key); /* as records.js keeps it: checked, flat, always writable */
    if (record) entries[key] = record;
    else skipped += 1;
  }
  forgetUnreadable();
  download(`course-data-${isoDay()}.json`, "application/json", exportText(entries, course(block)));
  say(
    block,
    `Exported ${plural(Object.keys(entries).length, "item")}.` +
      (skipped ? ` Left out ${skipped} that could not be read.` : "")
  );
}

/**
 * Import a file chosen on the data page, entry by entry: what this device lacks is added, what
 * it has is replaced only by a newer copy; the learner is told what was added, kept and
 * skipped. A file refused, or storage that will not take it, changes nothing.
 * @param {HTMLInputElement} input
 */
export async function importData(input) {
  /** @type {HTMLElement | null} */
  const block = input.closest(".qb-data");
  const file = input.files?.[0];
  input.value = "";
  if (!file || !block) return;
  const checked =
    file.size > LARGEST
      ? "it is far larger than any file this page exports"
      : checkImport(await file.text(), course(block));
  if (typeof checked === "string") {
    say(block, `Nothing was imported from that file: ${checked}.`);
    return;
  }
  const { writes, added, updated, kept } = mergeImport(checked.entries, read);
  forgetUnreadable();
  const count = added + updated;
  if (count && !writeAll(writes)) {
    say(block, "Nothing was imported: this browser will not store it.");
    return;
  }
  showData(block);
  const parts = [added && `${added} new`, updated && `${updated} updated`].filter(Boolean);
  say(
    block,
    (count
      ? `Imported ${plural(count, "item")}: ${parts.join(", ")}.`
      : "Nothing new was imported.") +
      (kept ? ` Kept ${kept} from this device, as new or newer.` : "") +
      (checked.skipped ? ` Skipped ${checked.skipped} that could not be read.` : "")
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
