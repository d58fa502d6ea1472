// @ts-check
/* Words and numbers as the learner reads them: dates, counts, scores, CSV. No page needed. */

/** @type {Intl.DateTimeFormat | undefined} */
let longDate;
/** @type {Intl.DateTimeFormat | undefined} */
let isoDate;

/* Each date format is made once, when first used: making one costs far more than using it. */

/**
 * A date as "1 May 2025".
 * @param {number} time
 */
export const day = (time) =>
  (longDate ||= new Intl.DateTimeFormat("en-GB", { dateStyle: "long" })).format(time);

/**
 * A date as "2025-05-01", for file names and CSV.
 * @param {number} [time]
 */
export const isoDay = (time = Date.now()) =>
  (isoDate ||= new Intl.DateTimeFormat("en-CA")).format(time);

/**
 * "1 track", "2 tracks".
 * @param {number} count
 * @param {string} word
 * @param {string} [words]
 */
export const plural = (count, word, words = word + "s") =>
  `${count} ${count === 1 ? word : words}`;

/**
 * A quiz score in words: "5 out of 6 (83%)".
 * @param {{ right: number, total: number, percent: number }} score
 */
export const describeScore = (score) =>
  `${score.right} out of ${score.total} (${score.percent}%)`;

/**
 * Space used, in plain words: "none", "under 1 KB", "12 KB", "1.5 MB".
 * @param {number} bytes
 */
export const space = (bytes) =>
  bytes === 0
    ? "none"
    : bytes < 1024
      ? "under 1 KB"
      : bytes < 1024 * 1024
        ? `${Math.round(bytes / 1024)} KB`
        : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * One CSV cell: quoted (quotes doubled), and, as OWASP advises against formula injection, a
 * cell that starts with = + - @, a tab or a carriage return gets a ' before it, so that a
 * spreadsheet shows it as text rather than working it out.
 * @param {string | number} cell
 */
const csvCell = (cell) => `"${String(cell).replace(/^[=+\-@\t\r]/, "'$&").replace(/"/g, '""')}"`;

/**
 * Rows as CSV: every cell quoted and made safe (csvCell), lines ended by CRLF, as spreadsheets
 * read.
 * @param {(string | number)[][]} rows
 */
export const csv = (rows) =>
  rows.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
