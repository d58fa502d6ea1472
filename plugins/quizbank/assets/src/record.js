// @ts-check
/* The course record (`/// record`): the learner's name as they type it (kept here, never sent),
 * the tracks done, each quiz's best score with every question answered, the first and latest
 * self-assessment results, reflections and reviews, each with the date stored with it. It
 * prints on its own and downloads as Markdown. The page's HTML holds its frame: an item for
 * each track and a row for each bank, hidden until there is something to show in it. */

import { all, download, make, the } from "./dom.js";
import { day, describeScore, isoDay, plural } from "./format.js";
import { recordMarkdown } from "./record-text.js";
import { pageTitle } from "./site.js";
import { forget, read, records, write } from "./storage.js";

/** @param {HTMLElement} block */
const nameBox = (block) => /** @type {HTMLInputElement} */ (the(".qb-record__name", block));

/**
 * When some records were saved, in words: "on 1 May 2025", "between 1 May 2025 and 3 June
 * 2025".
 * @param {number[]} times
 */
function between(times) {
  const [first, last] = [day(Math.min(...times)), day(Math.max(...times))];
  return first === last ? "on " + first : `between ${first} and ${last}`;
}

/**
 * Fill the course record from what is stored: each item or row shows what there is to say of
 * it (cells after its first, or words after an item's own), or is hidden.
 * @param {HTMLElement} block
 */
export function showRecord(block) {
  nameBox(block).value = read("learner:name")?.name ?? "";
  const scores = records("score");
  all("[data-qb-track], [data-qb-bank]", block).forEach((row) => {
    const { qbTrack, qbBank } = row.dataset;
    /** @type {(string | undefined)[] | null | undefined} */
    let cells;
    if (qbTrack) {
      const done = read("done:" + qbTrack);
      cells = done && [`, done on ${day(done.t)}`];
    } else if (row.closest(".qb-record__quizzes")) {
      /* the scoring of the most questions with every one answered, then the best of those */
      const [best] = scores
        .filter((score) => score.key.split(":")[1] === qbBank && score.full)
        .map((score) => score.full)
        .sort((a, b) => b.total - a.total || b.percent - a.percent);
      cells = best && [describeScore(best), day(best.t)];
    } else {
      const history = read("result:" + qbBank)?.h ?? [];
      cells = history.length
        ? [history[0], history.at(-1)].map((attempt) => `${attempt.title} (${day(attempt.t)})`)
        : null;
    }
    row.hidden = !cells;
    const tds = all("td", row);
    if (!tds.length) {
      row.lastElementChild?.remove();
      make("span", null, cells?.[0], row);
    }
    tds.forEach((td, index) => {
      td.textContent = cells?.[index] ?? "";
    });
  });
  all(".qb-record__list", block).forEach((list) => {
    list.hidden = !all(":not([hidden])[data-qb-track], :not([hidden])[data-qb-bank]", list).length;
    /** @type {HTMLElement} */ (list.nextElementSibling).hidden = !list.hidden;
  });
  const written = records("reflection").map((entry) => entry.t);
  const reviews = records("review");
  const answers = reviews.reduce((sum, review) => sum + (review.n || 0), 0);
  const seen = reviews.filter((review) => review.seen).map((review) => review.seen);
  the(".qb-record__reflections", block).textContent = written.length
    ? `${plural(written.length, "reflection")}, last saved ${between(written)}.`
    : "None yet.";
  the(".qb-record__review", block).textContent = reviews.length
    ? `${plural(answers, "answer")} in review` +
      (answers
        ? `, ${reviews.reduce((sum, review) => sum + (review.ok || 0), 0)} right, ${between(seen)}`
        : "") +
      `; ${plural(reviews.filter((review) => !review.left).length, "question")} waiting.`
    : "None yet.";
  the(".qb-record__made", block).textContent = `Made on ${day(Date.now())}.`;
}

/**
 * Keep the name the learner types, on this device only.
 * @param {HTMLInputElement} input
 */
export function saveName(input) {
  const name = input.value.trim();
  const status = the(".qb-record__status", /** @type {HTMLElement} */ (input.closest(".qb-record")));
  if (!name) forget("learner:name");
  status.textContent =
    name && write("learner:name", { t: Date.now(), name }) ? "Your name is kept on this device." : "";
}

/**
 * Download the record as Markdown: what it shows, in order, every text escaped.
 * @param {HTMLElement} block
 */
export function downloadRecord(block) {
  /** @type {import("./record-text.js").Line[]} */
  const lines = [["h1", pageTitle()]];
  for (const node of all("h2, p, li, tr", the(".qb-panel", block))) {
    const [title, ...cells] = all("th, td", node).map((cell) => cell.textContent);
    const text = node.matches(".qb-record__who")
      ? nameBox(block).value.trim() && "Name: " + nameBox(block).value
      : title
        ? `${title}: ${cells.join(", ")}`
        : node.textContent;
    if (text && !node.closest("[hidden], thead, .qb-record__status")) {
      lines.push([node.localName === "tr" ? "li" : /** @type {"h2" | "p" | "li"} */ (node.localName), text]);
    }
  }
  download(`my-course-record-${isoDay()}.md`, "text/markdown", recordMarkdown(lines));
}
