// @ts-check
/* The file the data page exports and imports: every record of this course, by key. No page
 * needed: node's test runner loads this file. */

import { isObject, kindOf, valid } from "./records.js";

export const FORMAT = "quizbank-learner-data";

/**
 * Return the export file's text.
 * @param {Record<string, unknown>} entries records by key (without the storage prefix)
 * @param {string} scope the site root's path: which course they belong to
 * @param {Date} [now]
 */
export const exportText = (entries, scope, now = new Date()) =>
  JSON.stringify(
    { format: FORMAT, version: 1, scope, exported: now.toISOString(), entries },
    null,
    1
  ) + "\n";

/**
 * Check an exported file completely; return its entries, or why it cannot be imported (a
 * phrase that follows "Nothing was imported from that file: ").
 * @param {string} text the file's text
 * @param {string} scope this course's root path
 * @returns {Record<string, object> | string}
 */
export function checkImport(text, scope) {
  /** @type {any} */
  let data = null;
  try {
    data = JSON.parse(text);
  } catch {
    /* not JSON: not ours */
  }
  const entries = data?.entries;
  if (data?.version > 1) return "it comes from a newer version of the course";
  if (data?.scope && data.scope !== scope) return `it is another course's (${data.scope})`;
  return data?.format === FORMAT &&
    data.version === 1 &&
    data.scope === scope &&
    isObject(entries) &&
    Object.keys(entries).every((key) => /^[a-z]+:\S+$/.test(key) && valid(kindOf(key), entries[key]))
    ? entries
    : "it is not a file this page exported, or it is damaged";
}
