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
 *                          right response and the result; each self-assessment result
 *   cmi.suspend_data       the best scores ("qb1;bank=86,bank=100"), trimmed to 4,096
 *                          characters, so a new session picks up where the last ended
 *   cmi.core.session_time, cmi.core.exit
 *
 * It commits after each change (one commit for everything a click causes) and finishes the
 * session when the page goes away. The page works without an LMS: it says scores are not
 * recorded and shows the course.
 */
(function () {
  "use strict";

  var SUSPEND_LIMIT = 4096;
  var SUSPEND_VERSION = "qb1;";
  var SOURCES = "123456789abcdefghijklmnopqrstuvwxyz";
  var LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  var DONE = { completed: true, passed: true, failed: true };

  var frame = document.querySelector(".lms-course");
  var statusLine = document.querySelector(".lms-status");
  var quizzes = readQuizzes(document.body.dataset.quizzes || "");
  var best = {};
  var api = null;
  var started = Date.now();
  var interactions = 0;
  var status = "";
  var mastery = NaN;
  var pending = false;
  var finished = false;
  var listened = new WeakSet();

  /** Read "bank:count bank:count" into an ordered list of {bank, count}. */
  function readQuizzes(text) {
    return text.split(" ").filter(Boolean).map(function (pair) {
      var parts = pair.split(":");
      return { bank: parts[0], count: parseInt(parts[1], 10) };
    });
  }

  function quizFor(bank) {
    for (var i = 0; i < quizzes.length; i += 1) {
      if (quizzes[i].bank === bank) { return quizzes[i]; }
    }
    return null;
  }

  /* ---------------------------------------------------------------- the LMS's API */

  /** Look for window.API up a chain of parents; frames of another origin are skipped. */
  function searchUp(win) {
    for (var hops = 0; win && hops < 500; hops += 1) {
      try {
        if (win.API) { return win.API; }
      } catch (error) { /* another origin: keep climbing */ }
      if (!win.parent || win.parent === win) { return null; }
      win = win.parent;
    }
    return null;
  }

  /** The standard search: this window's parents, then its opener's. */
  function findAPI() {
    var found = searchUp(window.parent !== window ? window.parent : null);
    if (!found && window.opener) {
      found = searchUp(window.opener);
    }
    return found;
  }

  function get(name) {
    return api ? String(api.LMSGetValue(name)) : "";
  }

  function set(name, value) {
    if (api) { api.LMSSetValue(name, String(value)); }
  }

  function say(message) {
    statusLine.textContent = message;
    statusLine.hidden = false;
  }

  /* ---------------------------------------------------------------- score and status */

  function courseScore() {
    var total = 0;
    var scored = 0;
    quizzes.forEach(function (quiz) {
      if (Object.prototype.hasOwnProperty.call(best, quiz.bank)) {
        total += best[quiz.bank];
        scored += 1;
      }
    });
    return {
      raw: quizzes.length ? Math.round(total / quizzes.length) : 0,
      scored: scored,
      all: quizzes.length > 0 && scored === quizzes.length
    };
  }

  function nextStatus(score) {
    if (!quizzes.length) {
      return DONE[status] ? status : "completed"; // nothing to score: opening it completes it
    }
    if (!score.all) {
      return DONE[status] ? status : "incomplete";
    }
    if (isNaN(mastery)) {
      return status === "passed" || status === "failed" ? status : "completed";
    }
    if (score.raw >= mastery) { return "passed"; }
    return status === "passed" ? "passed" : "failed";
  }

  /** The best scores, in the package's order, as many as fit in SCORM 1.2's 4,096. */
  function suspendData() {
    var text = SUSPEND_VERSION;
    var first = true;
    for (var i = 0; i < quizzes.length; i += 1) {
      var bank = quizzes[i].bank;
      if (!Object.prototype.hasOwnProperty.call(best, bank)) { continue; }
      var entry = (first ? "" : ",") + bank + "=" + best[bank];
      if (text.length + entry.length > SUSPEND_LIMIT) { break; }
      text += entry;
      first = false;
    }
    return text;
  }

  function readSuspendData(text) {
    if (text.indexOf(SUSPEND_VERSION) !== 0) { return; }
    text.slice(SUSPEND_VERSION.length).split(",").forEach(function (entry) {
      var parts = entry.split("=");
      var score = parseInt(parts[1], 10);
      if (quizFor(parts[0]) && score >= 0 && score <= 100) {
        best[parts[0]] = score;
      }
    });
  }

  function clock(milliseconds) {
    var seconds = Math.floor(milliseconds / 1000);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.floor(seconds / 3600)) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" +
      pad(seconds % 60);
  }

  function timeOfDay() {
    var now = new Date();
    return clock(((now.getHours() * 60 + now.getMinutes()) * 60 + now.getSeconds()) * 1000);
  }

  /** Report score, status and suspend data, then commit once the current click is done. */
  function update() {
    var score = courseScore();
    if (score.scored) {
      set("cmi.core.score.raw", score.raw);
    }
    status = nextStatus(score);
    set("cmi.core.lesson_status", status);
    set("cmi.suspend_data", suspendData());
    schedule();
  }

  function commit() {
    pending = false;
    if (!api || finished) { return; }
    set("cmi.core.session_time", clock(Date.now() - started));
    set("cmi.core.exit", DONE[status] ? "" : "suspend");
    api.LMSCommit("");
  }

  function schedule() {
    if (!pending) {
      pending = true;
      setTimeout(commit, 0);
    }
  }

  /* ---------------------------------------------------------------- interactions */

  function letters(indices, alphabet) {
    var out = [];
    for (var i = 0; i < indices.length; i += 1) {
      var n = parseInt(indices[i], 10);
      if (isNaN(n) || n < 0 || n >= alphabet.length) { return ""; }
      out.push(alphabet.charAt(n));
    }
    return out.join(",");
  }

  /** Describe a checked question as SCORM 1.2 does: type, response, right response. */
  function describe(question, detail) {
    var key = (question.getAttribute("data-qb-answer") || "").split(" ").filter(Boolean);
    var answer = detail.answer || [];
    if (detail.type === "true-false") {
      return { type: "true-false", response: answer[0] === "true" ? "t" : "f",
        pattern: key[0] === "true" ? "t" : "f" };
    }
    if (detail.type === "matching") {
      var pairs = [];
      var right = [];
      key.forEach(function (match, slot) {
        pairs.push(SOURCES.charAt(slot) + "." + LETTERS.charAt(parseInt(answer[slot], 10)));
        right.push(SOURCES.charAt(slot) + "." + LETTERS.charAt(parseInt(match, 10)));
      });
      return { type: "matching", response: pairs.join(","), pattern: right.join(",") };
    }
    if (detail.type === "ordering") {
      // Each slot shows an item; the key holds its right place, the answer the chosen one.
      var sequence = [];
      for (var place = 1; place <= key.length; place += 1) {
        var slot = answer.indexOf(String(place));
        if (slot >= 0) { sequence.push(parseInt(key[slot], 10) - 1); }
      }
      var order = key.map(function (_, index) { return index; });
      return { type: "sequencing", response: letters(sequence, LETTERS),
        pattern: letters(order, LETTERS) };
    }
    return { type: "choice", response: letters(answer, LETTERS), pattern: letters(key, LETTERS) };
  }

  function record(id, type, response, pattern, result) {
    var prefix = "cmi.interactions." + interactions + ".";
    interactions += 1;
    set(prefix + "id", id);
    set(prefix + "type", type);
    set(prefix + "time", timeOfDay());
    if (pattern) { set(prefix + "correct_responses.0.pattern", pattern); }
    if (response) { set(prefix + "student_response", response); }
    set(prefix + "result", result);
  }

  /* ---------------------------------------------------------------- quizbank events */

  function onChecked(event) {
    var detail = event.detail || {};
    if (!detail.question) { return; }
    var what = describe(event.target, detail);
    record(detail.question, what.type, what.response, what.pattern,
      detail.correct ? "correct" : "wrong");
    schedule();
  }

  function onScored(event) {
    var detail = event.detail || {};
    var quiz = quizFor(detail.bank);
    if (!quiz || detail.total < quiz.count) { return; } // a part of a quiz does not count
    var previous = Object.prototype.hasOwnProperty.call(best, detail.bank) ? best[detail.bank] : -1;
    best[detail.bank] = Math.max(previous, detail.percent);
    update();
  }

  function onAssessed(event) {
    var detail = event.detail || {};
    if (!detail.bank || !detail.band) { return; }
    record(detail.bank, "performance", detail.band, "", "neutral");
    schedule();
  }

  /** Listen to the page in the frame; a page already listened to is left alone. */
  function listen() {
    var doc = null;
    try {
      doc = frame.contentDocument;
    } catch (error) {
      return; // another origin: nothing to listen to
    }
    if (!doc || listened.has(doc)) { return; }
    listened.add(doc);
    doc.addEventListener("quizbank:checked", onChecked);
    doc.addEventListener("quizbank:scored", onScored);
    doc.addEventListener("quizbank:assessed", onAssessed);
  }

  /* ---------------------------------------------------------------- the session */

  function start() {
    api = findAPI();
    if (!api) {
      say("This course is not connected to a learning platform, so your scores are not " +
        "recorded.");
      return;
    }
    if (String(api.LMSInitialize("")) !== "true") {
      api = null;
      say("The learning platform did not start a session, so your scores are not recorded.");
      return;
    }
    status = get("cmi.core.lesson_status");
    mastery = parseFloat(get("cmi.student_data.mastery_score"));
    interactions = parseInt(get("cmi.interactions._count"), 10) || 0;
    readSuspendData(get("cmi.suspend_data"));
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    update();
  }

  function finish() {
    if (!api || finished) { return; }
    commit();
    finished = true;
    api.LMSFinish("");
  }

  start();
  frame.addEventListener("load", listen);
  listen();
  window.addEventListener("pagehide", finish);
  window.addEventListener("unload", finish);
})();
