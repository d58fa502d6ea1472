// @ts-check
/* In the page script: a self-assessment's result shown with its report (a bar and a table row
 * for each section, development priorities, the history of attempts), and the downloads of
 * every attempt as CSV and JSON. Working the result out (`assess`) is in the core (self.js). */

import { all, announce, copy, download, make, the } from "./dom.js";
import { csv, day, isoDay } from "./format.js";
import { ATTEMPTS, mergeAttempts } from "./records.js";
import { assess, rating, resultKey, scale } from "./self.js";
import { raw, read, write } from "./storage.js";

/**
 * One attempt, as kept in the history.
 * @typedef {{ t: number, band?: string | undefined, title: string, counts: Record<string, number>,
 *   ratings?: Record<string, string> }} Attempt
 */

/* Each self-assessment's attempts, kept here too so downloads work without storage. */
/** @type {WeakMap<HTMLElement, Attempt[]>} */
const histories = new WeakMap();

/* The text this page last saved for each self-assessment: while storage still holds that very
 * text, no other tab has changed it, and the attempts this page holds are what it says. */
/** @type {WeakMap<HTMLElement, string | null>} */
const saved = new WeakMap();

/**
 * Return the attempts stored for a self-assessment (another tab may have added some since this
 * page read them), or none when they are of another version of it.
 * @param {HTMLElement} block
 * @returns {Attempt[]}
 */
function stored(block) {
  const record = read(resultKey(block));
  return record && record.v === block.dataset.qbVersion ? record.h : [];
}

/**
 * Return the attempts this page and storage hold together: only this page's when storage
 * still holds what this page saved last (nothing to read again or merge).
 * @param {HTMLElement} block
 * @returns {Attempt[]}
 */
function attempts(block) {
  const mine = histories.get(block) ?? [];
  const text = saved.get(block);
  return text && raw(resultKey(block)) === text ? mine : mergeAttempts(stored(block), mine);
}

/**
 * Show a self-assessment's result, or say what is still unanswered. A new result joins the
 * history of attempts; `quiet` (putting back the last one) shows it without adding.
 * @param {HTMLElement} block
 * @param {boolean} [quiet]
 */
export function showResult(block, quiet) {
  const region = the(".qb-self__result", block);
  region.textContent = "";
  all(".qb-item__missing", block).forEach((note) => note.remove());
  const result = assess(block);
  if (result.missing) {
    const message =
      `You have answered ${result.answered} of ${result.count}. ` +
      `Answer the other ${result.missing.length} to see your result.`;
    make("p", "qb-self__missing", message, region);
    /* Each unanswered statement is marked; the first, where focus goes, says it all again. */
    result.missing.forEach((item, index) => {
      make("p", "qb-item__missing", index ? "Not answered yet." : `Not answered yet. ${message}`, item);
    });
    the("input", result.missing[0]).focus();
    return null;
  }
  const { band, points, labels, counts } = result;
  const title = the(".qb-band__title", band).textContent?.replace(/^[^:]*:\s*/, "") ?? "";
  make("strong", null, title, make("p", "qb-self__band", "Your result: ", region));
  region.appendChild(copy(the(".qb-band__feedback", band))).className = "qb-self__feedback";
  make(
    "p",
    "qb-self__tally",
    "Your answers: " + points.map((id) => `${labels[id]} ${counts[id]}`).join(", ") + ".",
    region
  );
  /* What storage holds now (re-read: another tab may have added attempts), with what this page
   * holds (storage may not have taken them); the last 50 attempts are kept and drawn. */
  let history = attempts(block);
  if (!quiet) {
    const attempt = {
      t: Math.max(Date.now(), (history.at(-1)?.t ?? 0) + 1), /* each attempt a time of its own */
      band: band.dataset.qbBand,
      title,
      counts,
      ratings: result.ratings
    };
    history = mergeAttempts(history, [attempt]).slice(-ATTEMPTS);
    const key = resultKey(block);
    saved.set(block, write(key, { v: block.dataset.qbVersion, t: attempt.t, h: history }) ? raw(key) : null);
    announce(block, "assessed", {
      bank: block.dataset.qbBank,
      band: band.dataset.qbBand,
      counts,
      total: result.total
    });
  }
  history = history.slice(-ATTEMPTS);
  histories.set(block, history);
  report(block, result, history);
  return result;
}

/**
 * Take up what another tab or window changed in a self-assessment's attempts (a new attempt,
 * or everything cleared), and draw the history again if it is shown.
 * @param {HTMLElement} block
 */
export function refreshResult(block) {
  histories.set(block, stored(block).slice(-ATTEMPTS));
  if (!the(".qb-self__report", block).hidden && !assess(block).missing) showResult(block, true);
}

/**
 * Fill in the report under a result: a bar and a table row for each section, the development
 * priorities (what was rated lowest), and the history of attempts.
 * @param {HTMLElement} block
 * @param {import("./self.js").Scale} scale
 * @param {Attempt[]} history
 */
function report(block, { points, labels, scores }, history) {
  const box = the(".qb-self__report", block);
  const bars = all(".qb-chart__bar", box);
  const rows = all(".qb-chart__table tbody tr", box);
  box.hidden = false;
  all(".qb-section", block).forEach((section, index) => {
    const items = all(".qb-item", section);
    const bar = bars[index];
    bar.textContent = "";
    /* Each point of the scale: its part of the bar (as wide as its count: a CSSOM write,
     * never a style attribute in markup), its cell in the table, its words. */
    const parts = points.map((point, place) => {
      const number = items.filter((item) => rating(item) === point).length;
      all("td", rows[index])[place].textContent = String(number);
      if (number) {
        make("span", "qb-chart__part qb-chart__part--" + place, number, bar).style.flexGrow =
          String(number);
      }
      return `${labels[point]} ${number}`;
    });
    bar.setAttribute(
      "aria-label",
      the(".qb-section__title", section).textContent + ": " + parts.join(", ")
    );
  });
  const lowest = points.reduce((low, point) => (scores[point] < scores[low] ? point : low));
  const list = the(".qb-self__priorities", box);
  list.textContent = "";
  all(".qb-item", block)
    .filter((item) => rating(item) === lowest)
    .forEach((item) => {
      const line = make("li", null, the(".qb-item__text", item).textContent, list);
      const { qbTaught, qbTaughtTitle } = item.dataset;
      if (qbTaught && qbTaughtTitle) {
        line.append(" Taught in ");
        make("a", null, qbTaughtTitle, line).href = qbTaught;
        line.append(".");
      }
    });
  if (!list.children.length) make("li", null, "None.", list);
  showHistory(the(".qb-self__history tbody", box), history, points);
  const [first] = history;
  const latest = /** @type {Attempt} */ (history.at(-1));
  the(".qb-self__compare", box).textContent =
    history.length < 2
      ? "This is your first result: take the self-assessment again later to compare."
      : `Since your first result, on ${day(first.t)}: ` +
        points
          .map(
            (point) =>
              `${labels[point]} ${count(first, point)} then, ${count(latest, point)} now`
          )
          .join("; ") +
        `. Your result then: ${first.title}. Now: ${latest.title}.`;
}

/**
 * Return every attempt's ratings as CSV: one row per statement per attempt.
 * @param {HTMLElement} block
 */
function resultsCsv(block) {
  const { labels } = scale(block);
  /** @type {(string | number)[][]} */
  const rows = [["Date", "Result", "Section", "Statement", "Rating"]];
  (histories.get(block) ?? []).forEach((attempt) =>
    all(".qb-item", block).forEach((item) => {
      const point = attempt.ratings?.[String(item.dataset.qbQuestion)];
      if (point && labels[point]) {
        rows.push([
          isoDay(attempt.t),
          attempt.title,
          the(".qb-section__title", item.closest(".qb-section") ?? undefined).textContent ?? "",
          the(".qb-item__text", item).textContent ?? "",
          labels[point]
        ]);
      }
    })
  );
  return csv(rows);
}

/**
 * Return every attempt as JSON: dates, results, counts and ratings.
 * @param {HTMLElement} block
 */
const resultsJson = (block) =>
  JSON.stringify(
    {
      format: "quizbank-self-assessment",
      version: 1,
      bank: block.dataset.qbBank,
      attempts: (histories.get(block) ?? []).map((attempt) => ({
        date: new Date(attempt.t).toISOString(),
        ...attempt
      }))
    },
    null,
    2
  ) + "\n";

/**
 * How many statements an attempt rated at a point of the scale.
 * @param {Attempt} attempt
 * @param {string} point
 */
const count = (attempt, point) => attempt.counts[point] || 0;

/**
 * Write the history of attempts as table rows, one an attempt, keyed by its time
 * (`data-qb-t`). Rows already written stay: those of attempts no longer kept go, new ones
 * are added at the end, so showing a result with 50 attempts kept writes one row, not 50. Only
 * when the rows are not in the history's order (another tab wrote an older attempt) is the
 * table written again.
 * @param {HTMLElement} body
 * @param {Attempt[]} history
 * @param {string[]} points
 */
function showHistory(body, history, points) {
  const kept = new Set(history.map((attempt) => String(attempt.t)));
  /** @type {HTMLElement[]} */
  const rows = all("tr", body);
  rows.filter((row) => !kept.has(row.dataset.qbT ?? "")).forEach((row) => row.remove());
  const written = rows.filter((row) => kept.has(row.dataset.qbT ?? ""));
  if (written.some((row, index) => row.dataset.qbT !== String(history[index]?.t))) {
    body.textContent = "";
    written.length = 0;
  }
  history.slice(written.length).forEach((attempt) => {
    const line = make("tr", null, null, body);
    line.dataset.qbT = String(attempt.t);
    make("th", null, day(attempt.t), line).scope = "row";
    [attempt.title, ...points.map((point) => count(attempt, point))].forEach((text) =>
      make("td", null, text, line)
    );
  });
}

/**
 * Offer every attempt as a file to save: CSV (a row per statement per attempt) or JSON.
 * @param {HTMLElement} block
 * @param {"csv" | "json"} type
 */
export const downloadResults = (block, type) =>
  download(
    `${block.dataset.qbBank}-results-${isoDay()}.${type}`,
    type === "csv" ? "text/csv" : "application/json",
    type === "csv" ? resultsCsv(block) : resultsJson(block)
  );
