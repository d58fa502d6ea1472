// @ts-check
/* The file the data page exports and imports: every record of this course, by key, and the
 * course it belongs to. No page needed: node's test runner loads this file.
 *
 * Which course: the id it declares (the plugin's `course_id`, rendered as data-qb-course on
 * the data page), so the learner's own file is taken on another device, whatever folder or
 * host the course is opened from there, and another course's file is refused even at the same
 * address. Files exported before courses declared an id carry only `scope`, the root path
 * they were exported at: they are taken where that path is the same. Every entry is checked as
 * records.js checks what it reads; one that cannot be read is skipped, and said to be. */

import { clean, kindOf, mergeAttempts, validKey } from "./records.js";

export const FORMAT = "quizbank-learner-data";

/** Larger files are refused before they are read: a browser keeps far less (about 5 MB). */
export const LARGEST = 20e6;

/** @typedef {{ course: string, scope: string }} Course  its id ("" if none), its root path */
/** @typedef {import("./records.js").Timed & Record<string, any>} Entry */

/**
 * Return the export file's text.
 * @param {Record<string, unknown>} entries records by key (without the storage prefix)
 * @param {Course} course which course they belong to
 * @param {Date} [now]
 */
export const exportText = (entries, { course, scope }, now = new Date()) =>
  JSON.stringify(
    { format: FORMAT, version: 1, course, scope, exported: now.toISOString(), entries },
    null,
    1
  ) + "\n";

/**
 * Show a name from a file in a sentence, whatever its length.
 * @param {unknown} name
 */
const shown = (name) => {
  const text = String(name);
  return text.length > 60 ? text.slice(0, 57) + "..." : text;
};

/**
 * Check an exported file; return its entries that can be read (each as records.js keeps it)
 * and how many could not, or why the file cannot be imported at all (a phrase that follows
 * "Nothing was imported from that file: ").
 * @param {string} text the file's text
 * @param {Course} here this course
 * @returns {{ entries: Record<string, Entry>, skipped: number } | string}
 */
export function checkImport(text, { course, scope }) {
  const notOurs = "it is not a file this page exported, or it is damaged";
  if (text.length > LARGEST) return notOurs;
  /** @type {any} */
  let data = null;
  try {
    data = JSON.parse(text);
  } catch {
    /* not JSON: not ours */
  }
  if (data?.format !== FORMAT) return notOurs;
  if (data.version > 1) return "it comes from a newer version of the course";
  if (data.version !== 1) return notOurs;
  if (course && typeof data.course === "string") {
    if (data.course !== course) return `it is another course's (${shown(data.course)})`;
  } else if (data.scope !== scope) {
    return typeof data.scope === "string"
      ? `it names no course, and it comes from another address (${shown(data.scope)})`
      : notOurs;
  }
  const { entries } = data;
  if (!entries || typeof entries !== "object" || Array.isArray(entries)) return notOurs;
  /** @type {Record<string, Entry>} */
  const kept = {};
  let skipped = 0;
  for (const [key, record] of Object.entries(entries)) {
    const entry = validKey(key) ? clean(kindOf(key), record) : null;
    if (entry) kept[key] = entry;
    else skipped += 1;
  }
  if (skipped && !Object.keys(kept).length) {
    return skipped === 1
      ? "its one entry could not be read"
      : `none of its ${skipped} entries could be read`;
  }
  return { entries: kept, skipped };
}

/**
 * Work out what importing entries changes, entry by entry: an entry this device lacks is
 * added; one it has is replaced only by a newer one (by its time `t`), so nothing newer is
 * ever lost. A self-assessment's attempts are put together from both, when both are of the
 * same version of the self-assessment.
 * @param {Record<string, Entry>} entries the file's entries, checked
 * @param {(key: string) => Entry | null} here this device's record under a key, if usable
 * @returns {{ writes: Record<string, Entry>, added: number, updated: number, kept: number }}
 */
export function mergeImport(entries, here) {
  /** @type {Record<string, Entry>} */
  const writes = {};
  let added = 0;
  let updated = 0;
  let kept = 0;
  for (const [key, entry] of Object.entries(entries)) {
    const local = here(key);
    let merged = entry;
    if (local && kindOf(key) === "result" && local.v === entry.v) {
      const h = mergeAttempts(local.h, entry.h);
      merged = h.length > local.h.length ? { ...local, t: Math.max(local.t, entry.t), h } : local;
    } else if (local && entry.t <= local.t) {
      merged = local;
    }
    if (!local) added += 1;
    else if (merged === local) kept += 1;
    else updated += 1;
    if (merged !== local) writes[key] = merged;
  }
  return { writes, added, updated, kept };
}
