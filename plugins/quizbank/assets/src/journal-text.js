// @ts-check
/* The journal's order, its groups, and its text as Markdown or plain text. No page needed:
 * node's test runner loads this file. */

import { day } from "./format.js";

/**
 * A journal entry: a reflection as saved (records.js; a valid one has its text).
 * @typedef {{ t: number, text?: string, prompt?: string | null, page?: string, title?: string,
 *   order?: number, track?: number | null }} Entry
 */

/**
 * Sort entries into reading order, in place: by track, then pages that are no track (by
 * path), and on a page in the order the prompts come.
 * @template {Entry} E
 * @param {E[]} entries
 */
export const sortEntries = (entries) =>
  entries.sort(
    (a, b) =>
      (a.track || 1e6) - (b.track || 1e6) ||
      String(a.page).localeCompare(String(b.page)) ||
      Number(a.order) - Number(b.order)
  );

/**
 * The heading an entry goes under: "Track 2: Title", or the page's title.
 * @param {Entry} entry
 */
export const groupTitle = (entry) =>
  (entry.track ? `Track ${entry.track}: ` : "") + (entry.title || "Other pages");

/**
 * Return the journal (entries in reading order) as Markdown, or as plain text.
 * @param {Entry[]} entries
 * @param {boolean} markdown
 * @param {number} [now]
 */
export function journalText(entries, markdown, now = Date.now()) {
  const lines = [markdown ? "# My journal" : "MY JOURNAL", "", `Downloaded on ${day(now)}.`];
  let group;
  for (const entry of entries) {
    if (groupTitle(entry) !== group) {
      group = groupTitle(entry);
      lines.push("", markdown ? "## " + group : group.toUpperCase());
    }
    const date = "Written on " + day(entry.t);
    lines.push(
      "",
      (markdown ? "### " : "") + entry.prompt,
      "",
      markdown ? `*${date}*` : date,
      "",
      entry.text ?? ""
    );
  }
  return lines.join("\n") + "\n";
}
