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

/* Markdown that shows text as written. A tutor may render the download (Python-Markdown, say):
 * the learner's words and the prompts must come out as text, never as HTML, a link, an image,
 * a heading or an attribute list of their own. `<` and `&` become entities (Markdown passes
 * raw HTML on, and no backslash escapes `<`); the characters of emphasis, code, links and
 * attribute lists are escaped with a backslash, as are the marks that open a heading, a quote
 * or a list at the start of a line (`=`, which no backslash escapes, as an entity). */

/**
 * Escape text within a line.
 * @param {string} text
 */
const inline = (text) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/[\\`*_{}[\]]/g, "\\$&");

/**
 * Escape a learner's text for Markdown, line by line: what it says, never how Markdown would
 * read it. Indentation goes (it would make a code block).
 * @param {string} text
 */
export const markdownText = (text) =>
  text
    .split(/\r\n?|\n/)
    .map((line) =>
      inline(line.replace(/^\s+/, ""))
        .replace(/^[#>+\-!]/, "\\$&")
        .replace(/^=/, "&#61;")
        .replace(/^(\d+)([.)])/, "$1\\$2")
    )
    .join("\n");

/**
 * Escape a heading's text for Markdown: one line, whatever it held, and no `#` to end it.
 * @param {string} text
 */
export const markdownHeading = (text) =>
  inline(text.replace(/\s+/g, " ").trim()).replace(/#/g, "\\#");

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
      lines.push("", markdown ? "## " + markdownHeading(group) : group.toUpperCase());
    }
    const date = "Written on " + day(entry.t);
    const prompt = entry.prompt ?? "";
    lines.push(
      "",
      markdown ? "### " + markdownHeading(prompt) : prompt,
      "",
      markdown ? `*${date}*` : date,
      "",
      markdown ? markdownText(entry.text ?? "") : (entry.text ?? "")
    );
  }
  return lines.join("\n") + "\n";
}
