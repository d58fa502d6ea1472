// @ts-check
/* The learner's records and their shapes, whether read from storage or from an imported
 * file. Everything is kept under qb:v1:<site root path>:<kind>:<id…>; the kinds are declared
 * once, in kinds.json, which the Python side reads too (the data page lists them). Values are
 * JSON records with a time `t`:
 *   answer:<bank>:<question>   {t, v, a: [values], c?: checked, h?: hints shown}
 *                              v: the question's fingerprint
 *   score:<bank>:<page>        {t, page, last: {t, right, total, percent}, best: {…}, full?: {…}}
 *                              full: the best scoring with every question answered
 *   result:<bank>              {t, v, h: [{t, band, title, counts, ratings}]}   last 50 attempts
 *   reflection:<id>            {t, v, text, page, title, order, prompt, track}
 *   done:<track>               {t, page?}   page: where it was marked done (older records lack it)
 *   attempt:<bank>:<page>      {t, s, q?}   s: the seed of the attempt's orders; q: the ids drawn
 *   review:<bank>:<question>   {t, v, step, due, n?, ok?, seen?, left?}   schedule.js
 *   learner:name               {t, name}   the name the learner gives their course record
 * No page needed: node's test runner loads this file. */

import kinds from "./kinds.json" with { type: "json" };

/** @typedef {{ t: number, [field: string]: unknown }} Timed */

/** The kinds of record this script stores, as their keys begin. */
export const KINDS = Object.keys(kinds.stored);

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
export const isObject = (value) => !!value && typeof value === "object";

/**
 * @param {unknown} value
 * @returns {value is Timed}
 */
export const isTimed = (value) => isObject(value) && typeof value.t === "number";

/**
 * The kind a key is of: the part before its first colon.
 * @param {string} key
 */
export const kindOf = (key) => key.split(":")[0];

/** What each kind's record must hold, besides its time. */
/** @type {Record<string, (record: Timed) => boolean>} */
const SHAPES = {
  answer: ({ a }) => Array.isArray(a),
  score: ({ best, last }) => isTimed(best) && isTimed(last),
  result: ({ h }) =>
    Array.isArray(h) && h.every((attempt) => isTimed(attempt) && isObject(attempt.counts)),
  reflection: ({ text }) => typeof text === "string",
  done: ({ page }) => page === undefined || typeof page === "string",
  attempt: ({ s, q }) => typeof s === "number" && (q === undefined || Array.isArray(q)),
  review: ({ step, due }) => Number.isInteger(step) && typeof due === "number",
  learner: ({ name }) => typeof name === "string"
};

/**
 * Tell whether a record (from storage or from a file) has the shape its kind needs.
 * @param {string} kind
 * @param {unknown} record
 * @returns {record is Timed}
 */
export const valid = (kind, record) =>
  isTimed(record) && KINDS.includes(kind) && !!SHAPES[kind]?.(record);
