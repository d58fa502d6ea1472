// @ts-check
/* The journal page: every reflection the learner has written, grouped by track, each group
 * linking to its page; downloads as Markdown (escaped: journal-text.js) or text. */

import { download, make, the } from "./dom.js";
import { day, isoDay } from "./format.js";
import { groupTitle, journalText, sortEntries } from "./journal-text.js";
import { ROOT } from "./site.js";
import { records } from "./storage.js";

/** Return the journal's entries in reading order. */
const entries = () => sortEntries(records("reflection"));

/**
 * Fill the journal page with every entry, grouped by track; each group links to its page.
 * @param {HTMLElement} block
 */
export function showJournal(block) {
  const list = entries();
  const box = the(".qb-journal__entries", block);
  let group;
  box.textContent = "";
  the(".qb-journal__actions", block).hidden = !list.length;
  the(".qb-journal__empty", block).hidden = !!list.length;
  for (const entry of list) {
    if (groupTitle(entry) !== group) {
      group = groupTitle(entry);
      const heading = make("h2", "qb-journal__group", null, box);
      /* A page is a path inside the course (records.js checks it): the link stays in it. */
      if (entry.page === undefined) heading.textContent = group;
      else make("a", null, group, heading).href = new URL(entry.page, ROOT).href;
    }
    const item = make("div", "qb-journal__entry", null, box);
    make("h3", "qb-journal__prompt", entry.prompt, item);
    make("p", "qb-journal__date", "Written on " + day(entry.t), item);
    make("p", "qb-journal__text", entry.text, item);
  }
}

/**
 * Download the journal as Markdown, or as plain text.
 * @param {boolean} markdown
 */
export const downloadJournal = (markdown) =>
  markdown
    ? download(`my-journal-${isoDay()}.md`, "text/markdown", journalText(entries(), true))
    : download(`my-journal-${isoDay()}.txt`, "text/plain", journalText(entries(), false));
