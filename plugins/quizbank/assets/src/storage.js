// @ts-check
/* Saving: the learner's records in this browser's localStorage, scoped to this course (another
 * course on the same host has another root) and keyed by ids, never by positions (records.js
 * has the keys and shapes). Every read and write is guarded: storage may be turned off, full,
 * or hold something that is not ours. */

import { all } from "./dom.js";
import { kindOf, valid } from "./records.js";
import { ROOT } from "./site.js";

export const PREFIX = `qb:v1:${ROOT.pathname}:`;

/** @type {Storage | null} */
let storage = null;
let saving = false;
try {
  storage = localStorage;
  storage.setItem("qb:probe", "1");
  storage.removeItem("qb:probe");
  saving = true;
} catch {
  /* Turned off (reading localStorage throws) or full (setItem throws): reads may work. */
}

/**
 * Return the record saved under a key, or null if there is none we can use.
 * @param {string} key
 * @returns {import("./records.js").Timed & Record<string, any> | null}
 */
export function read(key) {
  try {
    const record = JSON.parse(storage?.getItem(PREFIX + key) ?? "null");
    return valid(kindOf(key), record) ? record : null;
  } catch {
    return null;
  }
}

/**
 * Return the text saved under a key, as stored (null if none).
 * @param {string} key
 */
export const raw = (key) => storage?.getItem(PREFIX + key) ?? null;

/**
 * Save a record; when that fails, tell the learner nothing is being kept.
 * @param {string} key
 * @param {object} record
 */
export function write(key, record) {
  try {
    if (storage) {
      storage.setItem(PREFIX + key, JSON.stringify(record));
      return true;
    }
  } catch {
    /* full, or turned off since */
  }
  saving = false;
  warn();
  return false;
}

/* Removing and listing never throw once storage could be reached (null when it was off). */

/** @param {string} key */
export const forget = (key) => storage?.removeItem(PREFIX + key);

/**
 * Return this course's keys, without the prefix; only those of one kind when asked.
 * @param {string} [kind]
 */
export function keys(kind) {
  const found = Object.keys(storage ?? {})
    .filter((key) => key.startsWith(PREFIX))
    .map((key) => key.slice(PREFIX.length));
  return kind ? found.filter((key) => key.startsWith(kind + ":")) : found;
}

/**
 * Return the usable records of one kind, each with its key as `key`.
 * @param {string} kind
 * @returns {(import("./records.js").Timed & Record<string, any> & { key: string })[]}
 */
export function records(kind) {
  const found = [];
  for (const key of keys(kind)) {
    const record = read(key);
    if (record) found.push({ key, ...record });
  }
  return found;
}

/**
 * Save every record of an imported file, or none: when storage fills part way (or is off),
 * put back what was there before.
 * @param {Record<string, object>} entries
 */
export function writeAll(entries) {
  if (!storage) return false;
  const names = Object.keys(entries);
  /** @type {Record<string, string>} */
  const before = { ...storage };
  try {
    for (const key of names) storage.setItem(PREFIX + key, JSON.stringify(entries[key]));
    return true;
  } catch {
    for (const key of names) {
      forget(key);
      if (PREFIX + key in before) storage.setItem(PREFIX + key, before[PREFIX + key]);
    }
    return false;
  }
}

/** Show the notice each block has (rendered hidden) when nothing can be saved. */
export function warn() {
  if (!saving) {
    all(".qb-notice").forEach((notice) => {
      notice.hidden = false;
    });
  }
}
