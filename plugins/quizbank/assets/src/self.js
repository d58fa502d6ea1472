// @ts-check
/* Self-assessments: the scale, working out the result band, showing the result with its report
 * (a bar and a table row for each section, development priorities, the history of attempts),
 * and the downloads of every attempt as CSV and JSON. */

import { findBand } from "./bands.js";
import { all, announce, copy, make, one, the } from "./dom.js";
import { csv, day, isoDay } from "./format.js";
import { ATTEMPTS, mergeAttempts } from "./records.js";
import { forget, read, write } from "./storage.js";

/**
 * A self-assessment's scale: its points in order, with their labels and scores.
 * @typedef {{ points: string[], labels: Record<string, string>, scores: Record<string, number> }} Scale
 */

/**
 * One attempt, as kept in the history.
 * @typedef {{ t: number, band?: string | undefined, title: string, counts: Record<string, number>,
 *   ratings?: Record<string, string> }} Attempt
 */

/**
 * What the learner has still to answer.
 * @typedef {{ missing: HTMLElement[], answered: number, count: number }} Unfinished
 */

/**
 * A result: the scale, the band, the count of each point, each item's rating and the total.
 * @typedef {Scale & { missing?: undefined, band: HTMLElement, counts: Record<string, number>,
 *   ratings: Record<string, string>, total: number, count: number }} Result
 */

/** @param {HTMLElement} block */
const resultKey = (block) => "result:" + block.dataset.qbBank;

/**
 * Return a self-assessment's scale, as its first item shows it.
 * @param {HTMLElement} block
 * @returns {Scale}
 */
function scale(block) {
  /** @type {HTMLInputElement[]} */
  const inputs = all(".qb-scale__input", the(".qb-item", block));
  /**
   * @template V
   * @param {(input: HTMLInputElement) => V} value
   */
  const by = (value) => Object.fromEntries(inputs.map((input) => [input.value, value(input)]));
  return {
    points: inputs.map((input) => input.value),
    labels: by((input) => input.labels?.[0]?.textContent ?? ""),
    scores: by((input) => Number(input.dataset.qbScore))
  };
}

/**
 * The point an item is rated at, if any.
 * @param {Element} item
 */
function rating(item) {
  /** @type {HTMLInputElement | null} */
  const chosen = one(".qb-scale__input:checked", item);
  return chosen?.value;
}

/**
 * Work out a self-assessment's result, or say which items are still unanswered.
 * @param {HTMLElement} block
 * @returns {Result | Unfinished}
 */
export function assess(block) {
  const rated = all(".qb-item", block).map((item) => ({ item, point: rating(item) }));
  const missing = rated.filter(({ point }) => !point).map(({ item }) => item);
  if (missing.length) {
    return { missing, answered: rated.length - missing.length, count: rated.length };
  }
  const found = scale(block);
  /** @type {Record<string, number>} */
  const counts = Object.fromEntries(found.points.map((point) => [point, 0]));
  /** @type {Record<string, string>} */
  const ratings = {};
  let total = 0;
  for (const { item, point } of rated) {
    if (!point) continue;
    counts[point] += 1;
    total += found.scores[point];
    ratings[String(item.dataset.qbQuestion)] = point;
  }
  const bands = all(".qb-band", block);
  const index = findBand(
    { rule: block.dataset.qbRule, ties: block.dataset.qbTies },
    bands.map((band) => ({
      when: band.dataset.qbWhen,
      min: Number(band.dataset.qbMin),
      max: Number(band.dataset.qbMax)
    })),
    counts,
    found.scores,
    total
  );
  if (index < 0) throw new Error(`quizbank: no band of ${block.dataset.qbBank} holds this result`);
  return { ...found, band: bands[index], counts, ratings, total, count: rated.length };
}

/* Each self-assessment's attempts, kept here too so downloads work without storage. */
/** @type {WeakMap<HTMLElement, Attempt[]>} */
const histories = new WeakMap();

/**
 * Return the attempts stored for a self-assessment (another tab may have added some since this
 * page read them), or none when they are of another version of it.
 * @param {HTMLElement} block
 * @returns {Attempt[]}
 */
function stored(block) {
  const saved = read(resultKey(block));
  return saved && saved.v === block.dataset.qbVersion ? saved.h : [];
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
  let history = mergeAttempts(stored(block), histories.get(block) ?? []);
  if (!quiet) {
    const attempt = {
      t: Math.max(Date.now(), (history.at(-1)?.t ?? 0) + 1), /* each attempt a time of its own */
      band: band.dataset.qbBand,
      title,
      counts,
      ratings: result.ratings
    };
    history = mergeAttempts(history, [attempt]).slice(-ATTEMPTS);
    write(resultKey(block), { v: block.dataset.qbVersion, t: attempt.t, h: history });
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
 * @param {Scale} scale
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
 * Count the statements answered so far ("17 of 23 answered"), and take the mark off a
 * statement once it is answered.
 * @param {HTMLElement} block
 * @param {HTMLElement} [item] the statement just answered
 */
export function countAnswered(block, item) {
  item?.querySelector(".qb-item__missing")?.remove();
  const items = all(".qb-item", block);
  const answered = items.filter((each) => rating(each)).length;
  const counter = one(".qb-self__answered", block);
  if (counter) counter.textContent = `${answered} of ${items.length} answered`;
}

/**
 * Put back a self-assessment's last result, unless the bank has changed since (then forget it).
 * @param {HTMLElement} block
 */
export function restoreResult(block) {
  const result = read(resultKey(block));
  if (result && result.v !== block.dataset.qbVersion) {
    forget(resultKey(block));
  } else if (result && !assess(block).missing) {
    showResult(block, true);
  }
}

/**
 * Return every attempt's ratings as CSV: one row per statement per attempt.
 * @param {HTMLElement} block
 */
export function resultsCsv(block) {
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
export const resultsJson = (block) =>
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
