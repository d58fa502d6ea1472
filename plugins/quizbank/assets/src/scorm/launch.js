// @ts-check
/* quizbank SCORM 1.2 launch page: the one SCO of the course package.
 *
 * It owns the LMS session: it finds the LMS's API, calls LMSInitialize once, shows the
 * course in a frame and listens to the quizbank events of whatever page the frame shows
 * (a full page load brings a new document, so it listens again on each load). It reports:
 *
 *   cmi.core.score.raw     the course score, 0 to 100: each quiz's best score in full (on a
 *                          page that shows all its questions), averaged over every quiz in
 *                          the package, a quiz not yet scored counting 0
 *   cmi.core.lesson_status incomplete until every quiz has been scored; then passed or
 *                          failed against the LMS's mastery score if it has one, otherwise
 *                          completed. A status is never lowered (a best score only rises).
 *   cmi.interactions.n.*   each checked question: id, type, the learner's response, the
 *                          right response and the result (as its question type describes
 *                          them, ../types/); each self-assessment result
 *   cmi.suspend_data       the best scores ("qb1;bank=86,bank=100"), trimmed to 4,096
 *                          characters, so a new session picks up where the last ended
 *   cmi.core.session_time, cmi.core.exit
 *
 * It commits after each change (one commit for everything a click causes) and finishes the
 * session when the page goes away. The page works without an LMS: it says scores are not
 * recorded and shows the course. Bundled into one classic script, like quizbank.js.
 */

import { TYPES, keyOf } from "../types/index.js";
import {
  clock,
  courseScore,
  nextStatus,
  readQuizzes,
  readSuspendData,
  suspendData
} from "./course.js";

/** @type {HTMLIFrameElement | null} */
const frame = document.querySelector(".lms-course");
/** @type {HTMLElement | null} */
const statusLine = document.querySelector(".lms-status");
const quizzes = readQuizzes(document.body.dataset.quizzes || "");
/** @type {Record<string, number>} */
let best = {};
/** @type {ScormApi | null} */
let api = null;
const started = Date.now();
let interactions = 0;
let status = "";
let mastery = NaN;
let pending = false;
let finished = false;
let reviewing = false;
const listened = new WeakSet();

/* ---------------------------------------------------------------- the LMS's API */

/**
 * Look for window.API up a chain of parents; frames of another origin are skipped.
 * @param {Window | null} win
 * @returns {ScormApi | null}
 */
function searchUp(win) {
  for (let hops = 0; win && hops < 500; hops += 1) {
    try {
      if (win.API) return win.API;
    } catch {
      /* another origin: keep climbing */
    }
    if (!win.parent || win.parent === win) return null;
    win = win.parent;
  }
  return null;
}

/** The standard search: this window's parents, then its opener's. */
function findAPI() {
  let found = searchUp(window.parent !== window ? window.parent : null);
  if (!found && window.opener) {
    found = searchUp(window.opener);
  }
  return found;
}

/** @param {string} name */
const get = (name) => (api ? String(api.LMSGetValue(name)) : "");

/**
 * @param {string} name
 * @param {string | number} value
 */
function set(name, value) {
  if (api) api.LMSSetValue(name, String(value));
}

/** @param {string} message */
function say(message) {
  if (!statusLine) return;
  statusLine.textContent = message;
  statusLine.hidden = false;
}

/* ---------------------------------------------------------------- score and status */

function timeOfDay() {
  const now = new Date();
  return clock(((now.getHours() * 60 + now.getMinutes()) * 60 + now.getSeconds()) * 1000);
}

/** Report score, status and suspend data, then commit once the current click is done. In
 * review or browse mode the record stays as it is (SCORM 1.2: those modes change nothing). */
function update() {
  if (reviewing) return;
  const score = courseScore(quizzes, best);
  if (score.scored) {
    set("cmi.core.score.raw", score.raw);
  }
  status = nextStatus(quizzes.length, status, mastery, score);
  set("cmi.core.lesson_status", status);
  set("cmi.suspend_data", suspendData(quizzes, best));
  schedule();
}

function commit() {
  pending = false;
  if (!api || finished) return;
  set("cmi.core.session_time", clock(Date.now() - started));
  /* Always suspend: the course is a reference the learner may come back to, and a finished
   * attempt kept open keeps its best scores (docs/tutors/lms.md). */
  set("cmi.core.exit", "suspend");
  api.LMSCommit("");
}

function schedule() {
  if (!pending) {
    pending = true;
    setTimeout(commit, 0);
  }
}

/* ---------------------------------------------------------------- interactions */

/**
 * @param {string} id
 * @param {string} type
 * @param {string} response
 * @param {string} pattern
 * @param {string} result
 */
function record(id, type, response, pattern, result) {
  if (reviewing) return;
  const prefix = "cmi.interactions." + interactions + ".";
  interactions += 1;
  set(prefix + "id", id);
  set(prefix + "type", type);
  set(prefix + "time", timeOfDay());
  if (pattern) set(prefix + "correct_responses.0.pattern", pattern);
  if (response) set(prefix + "student_response", response);
  set(prefix + "result", result);
}

/* ---------------------------------------------------------------- quizbank events
 * They come from the course's document in the frame: another realm, where instanceof cannot
 * tell an element or a CustomEvent, so they are taken as what quizbank dispatches. */

/**
 * @param {Event} event
 * @returns {Record<string, any>}
 */
const detailOf = (event) => /** @type {CustomEvent} */ (event).detail || {};

/**
 * A question was checked: record it as its type describes it for SCORM.
 * @param {Event} event
 */
function onChecked(event) {
  const detail = detailOf(event);
  const type = TYPES[detail.type];
  if (!detail.question || !type) return;
  const question = /** @type {Element} */ (event.target);
  const what = type.scorm(detail.answer || [], keyOf(question, type));
  record(detail.question, what.type, what.response, what.pattern, detail.correct ? "correct" : "wrong");
  schedule();
}

/**
 * A quiz was scored: a full scoring raises its best score.
 * @param {Event} event
 */
function onScored(event) {
  const detail = detailOf(event);
  const quiz = quizzes.find((each) => each.bank === detail.bank);
  if (!quiz || detail.total < quiz.count) return; /* a part of a quiz does not count */
  const previous = Object.hasOwn(best, detail.bank) ? best[detail.bank] : -1;
  best[detail.bank] = Math.max(previous, detail.percent);
  update();
}

/**
 * A self-assessment result was shown: record its band.
 * @param {Event} event
 */
function onAssessed(event) {
  const detail = detailOf(event);
  if (!detail.bank || !detail.band) return;
  record(detail.bank, "performance", detail.band, "", "neutral");
  schedule();
}

/** Listen to the page in the frame; a page already listened to is left alone. */
function listen() {
  let doc = null;
  try {
    doc = frame?.contentDocument;
  } catch {
    return; /* another origin: nothing to listen to */
  }
  if (!doc || listened.has(doc)) return;
  listened.add(doc);
  doc.addEventListener("quizbank:checked", onChecked);
  doc.addEventListener("quizbank:scored", onScored);
  doc.addEventListener("quizbank:assessed", onAssessed);
}

/* ---------------------------------------------------------------- the session */

function start() {
  api = findAPI();
  if (!api) {
    say("This course is not connected to a learning platform, so your scores are not recorded.");
    return;
  }
  if (String(api.LMSInitialize("")) !== "true") {
    api = null;
    say("The learning platform did not start a session, so your scores are not recorded.");
    return;
  }
  reviewing = ["review", "browse"].includes(get("cmi.core.lesson_mode"));
  if (reviewing) {
    say("You are reviewing this course: what you do now does not change your recorded results.");
  }
  status = get("cmi.core.lesson_status");
  mastery = parseFloat(get("cmi.student_data.mastery_score"));
  interactions = parseInt(get("cmi.interactions._count"), 10) || 0;
  best = readSuspendData(get("cmi.suspend_data"), quizzes);
  if (!reviewing) {
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
  }
  update();
}

function finish() {
  if (!api || finished) return;
  commit();
  finished = true;
  api.LMSFinish("");
}

start();
frame?.addEventListener("load", listen);
listen();
window.addEventListener("pagehide", finish);
window.addEventListener("unload", finish);
