// @ts-check
/* Saving: the learner's records in this browser's localStorage, scoped to this course and keyed
 * by ids, never by positions (records.js has the keys and shapes). Every read and write is
 * guarded: storage may be turned off, full, or hold something that is not ours.
 *
 * The prefix holds the site root's path. A browser keeps localStorage per origin, so two
 * courses on one host are told apart by where they are: a root path ends in "/" and the prefix
 * closes it with ":", so the course at /a/ never lists the keys of one at /a/b/. What
 * identifies a course in an exported file is the id it declares (data-qb-course, datafile.js),
 * not this path: the same course opened from another folder or host has another prefix here,
 * and takes its records across by export and import. */

import { all, make, one } from "./dom.js";
import { plural } from "./format.js";
import { clean, kindOf, validKey } from "./records.js";
import { ROOT } from "./site.js";

export const PREFIX = `qb:v1:${ROOT.pathname}:`;

/** @type {Storage | null} */
let storage = null;
let saving = false;
/** Why the last write failed: storage is full, or turned off. */
let why = "off";
/** Keys read since `showing` last counted them whose record could not be used. */
const unreadable = new Set();
try {
  storage = localStorage;
  storage.setItem("qb:probe", "1");
  storage.removeItem("qb:probe");
  saving = true;
} catch (error) {
  /* Turned off (reading localStorage throws) or full (setItem throws): reads may work. */
  why = reason(error);
}

/**
 * Why storage refused a write: "full" (a quota error, whatever the browser calls it) or "off".
 * @param {unknown} error
 */
function reason(error) {
  return error instanceof DOMException && /quota/i.test(error.name) ? "full" : "off";
}

/**
 * Return the record saved under a key, as records.js keeps it, or null if there is none we can
 * use; one that is there but cannot be used is counted, so the page can say it was skipped.
 * @param {string} key
 * @returns {import("./records.js").Timed & Record<string, any> | null}
 */
export function read(key) {
  const text = raw(key);
  if (text === null) return null;
  let record = null;
  try {
    record = validKey(key) ? clean(kindOf(key), JSON.parse(text)) : null;
  } catch {
    /* not JSON */
  }
  if (!record) unreadable.add(key);
  return record;
}

/**
 * Return the text saved under a key, as stored (null if none).
 * @param {string} key
 */
export function raw(key) {
  try {
    return storage?.getItem(PREFIX + key) ?? null;
  } catch {
    return null; /* turned off since */
  }
}

/**
 * Remember why a write failed: the storage is full, or it is turned off.
 * @param {unknown} error
 */
const failed = (error) => {
  why = reason(error);
  saving = false;
  warn();
  return false;
};

/**
 * Save a record; when that fails, tell the learner nothing is being kept (`notSaved` says why).
 * @param {string} key
 * @param {object} record
 */
export function write(key, record) {
  try {
    if (!storage) return failed(null);
    storage.setItem(PREFIX + key, JSON.stringify(record));
    return true;
  } catch (error) {
    return failed(error);
  }
}

/** Say why the last write failed, after "Not saved: ". */
export const notSaved = () =>
  why === "full"
    ? "this device's storage is full"
    : "this browser is not letting the course store anything";

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
  } catch (error) {
    for (const key of names) {
      forget(key);
      if (PREFIX + key in before) storage.setItem(PREFIX + key, before[PREFIX + key]);
    }
    return failed(error);
  }
}

/**
 * Show a block's records (`show` reads them), then say in the block how many of those it met
 * could not be read and were skipped: a bad record never blanks a page, nor goes unmentioned.
 * @param {HTMLElement} block
 * @param {(block: HTMLElement) => void} show
 */
export function showing(block, show) {
  unreadable.clear();
  show(block);
  const count = unreadable.size;
  unreadable.clear();
  one(":scope > .qb-skipped", block)?.remove();
  if (count) {
    const were = count === 1 ? "was" : "were";
    const note = make(
      "p",
      "qb-skipped",
      `${plural(count, "entry", "entries")} could not be read and ${were} skipped.`
    );
    note.setAttribute("role", "status");
    const notice = one(":scope > .qb-notice", block);
    if (notice) notice.after(note);
    else block.prepend(note);
  }
}

/** Forget which records could not be read (the data page lists them in its table instead). */
export const forgetUnreadable = () => unreadable.clear();

/** Show the notice each block has (rendered hidden) when nothing can be saved. */
export function warn() {
  if (!saving) {
    all(".qb-notice").forEach((notice) => {
      notice.hidden = false;
    });
  }
}
