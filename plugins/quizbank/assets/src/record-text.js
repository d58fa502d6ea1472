// @ts-check
/* The course record as Markdown: its lines, every text escaped, so that what the learner
 * typed (their name) and what the course wrote read as they were. No page needed: node's test
 * runner loads this file. */

/**
 * Return text as Markdown shows it: on one line, every character that could start markup
 * escaped.
 * @param {string} text
 */
export const escapeMarkdown = (text) =>
  text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_{}[\]<>|~&#!]/g, "\\$&")
    .replace(/^([+=-])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");

/**
 * One line of the record: a heading (level 1 or 2), a paragraph, or an item of a list.
 * @typedef {["h1" | "h2" | "p" | "li", string]} Line
 */

/**
 * Return the record's lines as Markdown.
 * @param {Line[]} lines
 */
export function recordMarkdown(lines) {
  const PREFIX = { h1: "# ", h2: "## ", p: "", li: "- " };
  let out = "";
  let last = "";
  for (const [kind, text] of lines) {
    out += (out ? (kind === "li" && last === "li" ? "\n" : "\n\n") : "") + PREFIX[kind];
    out += escapeMarkdown(text);
    last = kind;
  }
  return out + "\n";
}
