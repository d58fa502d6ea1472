// @ts-check
/* The learner's records and their shapes, whether read from storage or from an imported
 * file. Everything is kept under qb:v1:<site root path>:<kind>:<id…>; the kinds are declared
 * once, in kinds.json, which the Python side reads too (the data page lists them). Values are
 * JSON records with a time `t`:
 *   answer:<bank>:<question>   {t, v, a: [values], c?: checked, shown?: true, h?: hints shown}
 *                              v: the question's fingerprint; shown: the learner asked to see the
 *                              answer, so the question counts as not answered right
 *   score:<bank>:<page>        {t, page, last: {t, right, total, percent}, best: {…}, full?: {…}}
 *                              full: the best scoring with every question answered
 *   result:<bank>              {t, v, h: [{t, band, title, counts, ratings}]}   last 50 attempts
 *   reflection:<id>            {t, v, text, page, title, order, prompt, track}
 *   done:<track>               {t, page?}   page: where it was marked done (older records lack it)
 *   attempt:<bank>:<page>      {t, s, q?}   s: the seed of the attempt's orders; q: the ids drawn
 *   review:<bank>:<question>   {t, v, step, due, n?, ok?, seen?, left?}   schedule.js
 *   learner:name               {t, name}   the name the learner gives their course record
 * A record is read through `clean`, which checks every field a page reads (its type and range)
 * and keeps only those: what a page gets is always what it can show, and what is exported is
 * always flat enough to write. A `page` is always a path inside the course, from its root.
 * No page needed: node's test runner loads this file. */

import kinds from "./kinds.json" with { type: "json" };

/** @typedef {{ t: number, [field: string]: unknown }} Timed */

/** The kinds of record this script stores, as their keys begin. */
export const KINDS = Object.keys(kinds.stored);

/** Times are from 1970 up to this (1 January 2200): every one of them is a date to show. */
export const LATEST = Date.UTC(2200, 0, 1);

/** How many self-assessment attempts are kept, and drawn. */
export const ATTEMPTS = 50;

/** Ids, as the banks and pages declare them (fields.py and blocks.py have the same). */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
export const isObject = (value) => !!value && typeof value === "object";

/**
 * @param {unknown} value
 * @returns {value is number}
 */
const isTime = (value) => typeof value === "number" && value >= 0 && value < LATEST;

/**
 * @param {unknown} value
 * @returns {value is Timed}
 */
export const isTimed = (value) => isObject(value) && isTime(value.t);

/**
 * The kind a key is of: the part before its first colon.
 * @param {string} key
 */
export const kindOf = (key) => key.split(":")[0];

/**
 * @param {unknown} value
 * @returns {value is string}
 */
const isId = (value) => typeof value === "string" && value.length <= 64 && ID.test(value);

/**
 * Tell whether a page's path leads inside the course: a relative path from its root, such as
 * "practice/grow/", "practice/grow.html" or "" (the home page). No scheme, no host, no `..`,
 * nothing a link made from it could take out of the course.
 * @param {unknown} page
 * @returns {page is string}
 */
export const isPath = (page) =>
  typeof page === "string" &&
  page.length <= 500 &&
  page
    .split("/")
    .every(
      (part, index, parts) =>
        /^[\w.~%!$&'()*+,;=@-]*$/.test(part) &&
        !/^(\.|%2e){1,2}$/i.test(part) &&
        (part !== "" || index === parts.length - 1)
    );

/* Checks: each returns the value as it is kept, or BAD. `shape` keeps only the fields it
 * names, so nothing unchecked (nor anything nested deeper than these) is ever kept. */

const BAD = Symbol("bad");
/** @typedef {(value: unknown) => unknown} Check */

/** @param {(value: unknown) => boolean} test @returns {Check} */
const when = (test) => (value) => (test(value) ? value : BAD);
/** @param {number} most @returns {Check} */
const text = (most) => when((value) => typeof value === "string" && value.length <= most);
/** @param {number} least @param {number} most @returns {Check} */
const whole = (least, most) =>
  when((value) => Number.isInteger(value) && Number(value) >= least && Number(value) <= most);
const time = when(isTime);
const count = whole(0, 1e6);
const id = when(isId);
/** @param {Check} check @returns {Check} */
const optional = (check) => (value) => (value === undefined ? undefined : check(value));
/** @param {Check} check @returns {Check} */
const orNull = (check) => (value) => (value === null ? null : check(value));

/**
 * A list of at most `most` values, each checked.
 * @param {Check} check
 * @param {number} most
 * @returns {Check}
 */
const list = (check, most) => (value) => {
  if (!Array.isArray(value) || value.length > most) return BAD;
  const kept = value.map(check);
  return kept.includes(BAD) ? BAD : kept;
};

/**
 * An object of at most `most` values by id, each checked.
 * @param {Check} check
 * @param {number} most
 * @returns {Check}
 */
const byId = (check, most) => (value) => {
  if (!isObject(value) || Array.isArray(value)) return BAD;
  const entries = Object.entries(value);
  if (entries.length > most) return BAD;
  /** @type {Record<string, unknown>} */
  const kept = {};
  for (const [name, item] of entries) {
    const checked = check(item);
    if (!isId(name) || checked === BAD) return BAD;
    kept[name] = checked;
  }
  return kept;
};

/**
 * An object with these fields (those checked `optional` may be missing), and no others kept;
 * `also` checks the fields together.
 * @param {Record<string, Check>} fields
 * @param {(kept: Record<string, any>) => boolean} [also]
 * @returns {Check}
 */
const shape = (fields, also) => (value) => {
  if (!isObject(value) || Array.isArray(value)) return BAD;
  /** @type {Record<string, unknown>} */
  const kept = {};
  for (const [name, check] of Object.entries(fields)) {
    const checked = check(value[name]);
    if (checked === BAD) return BAD;
    if (checked !== undefined) kept[name] = checked;
  }
  return !also || also(kept) ? kept : BAD;
};

const score = shape(
  {
    t: time,
    right: count,
    total: count,
    percent: whole(0, 100)
  },
  ({ right, total }) => right <= total
);

const attempt = shape({
  t: time,
  band: optional(text(64)),
  title: text(1000),
  counts: byId(count, 100),
  ratings: optional(byId(id, 1000))
});

/** @typedef {(ids: string[]) => boolean} KeyCheck  the parts of a key after its kind */
/** @type {KeyCheck} */
const oneId = (ids) => ids.length === 1 && isId(ids[0]);

/** What each kind's record holds besides its time, and what its key holds after the kind. */
/** @type {Record<string, [Check, KeyCheck]>} */
const SHAPES = {
  answer: [
    shape({
      v: optional(text(64)),
      a: list(text(1e5), 1000),
      c: optional(when((checked) => typeof checked === "boolean")),
      shown: optional(when((shown) => shown === true)),
      h: optional(whole(1, 100))
    }),
    (ids) => ids.length === 2 && ids.every(isId)
  ],
  score: [
    shape({ page: when(isPath), last: score, best: score, full: optional(score) }),
    ([bank, page, ...more]) => !more.length && isId(bank) && isPath(page)
  ],
  result: [shape({ v: optional(text(64)), h: list(attempt, 10000) }), oneId],
  reflection: [
    shape({
      v: optional(text(64)),
      text: text(1e6),
      page: optional(when(isPath)),
      title: optional(text(1000)),
      order: optional(count),
      prompt: optional(orNull(text(1e4))),
      track: optional(orNull(whole(1, 9999)))
    }),
    oneId
  ],
  /* A track is a whole number from 1, written plainly: never 0, -1, 0.5 or 01. */
  done: [
    shape({ page: optional(when(isPath)) }),
    (ids) => ids.length === 1 && /^[1-9]\d{0,3}$/.test(ids[0])
  ],
  attempt: [
    shape({ s: whole(0, 2 ** 32 - 1), q: optional(list(id, 10000)) }),
    ([bank, page, ...more]) => !more.length && isId(bank) && isPath(page)
  ],
  review: [
    shape({
      v: optional(text(64)),
      step: whole(0, 99),
      due: time,
      n: optional(count),
      ok: optional(count),
      seen: optional(time),
      left: optional(time)
    }),
    (ids) => ids.length === 2 && ids.every(isId)
  ],
  learner: [shape({ name: text(200) }), (ids) => ids.length === 1 && ids[0] === "name"]
};

/**
 * Tell whether a key is one this script writes: a kind of ours, with the ids that kind has.
 * @param {string} key
 */
export const validKey = (key) =>
  KINDS.includes(kindOf(key)) && !!SHAPES[kindOf(key)]?.[1](key.split(":").slice(1));

/**
 * Return a record (from storage or from a file) as it is kept: its time and the fields its
 * kind has, each checked; null when any is missing or wrong.
 * @param {string} kind
 * @param {unknown} record
 * @returns {Timed & Record<string, any> | null}
 */
export function clean(kind, record) {
  if (!KINDS.includes(kind) || !isTimed(record)) return null;
  const kept = SHAPES[kind]?.[0](record) ?? BAD;
  return kept === BAD ? null : { t: record.t, .../** @type {object} */ (kept) };
}

/**
 * Tell whether a record (from storage or from a file) has the shape its kind needs.
 * @param {string} kind
 * @param {unknown} record
 * @returns {record is Timed}
 */
export const valid = (kind, record) => clean(kind, record) !== null;

/**
 * Put lists of self-assessment attempts together, in time order, each attempt once (two
 * copies of one attempt have the same time).
 * @template {{ t: number }} A
 * @param {...A[]} lists
 * @returns {A[]}
 */
export function mergeAttempts(...lists) {
  /** @type {Map<number, A>} */
  const byTime = new Map();
  for (const item of lists.flat()) if (!byTime.has(item.t)) byTime.set(item.t, item);
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}
