/* quizbank: quizzes, self-assessments, reflections and the learner's own records.
 *
 * The page's HTML is complete without this script: questions, answer keys and explanations
 * are all in the markup (for printing, Material opens every details element). This script
 * checks and scores answers, shows feedback and results, announces them through aria-live
 * regions, and keeps the learner's work in this browser's localStorage: nothing is ever sent
 * anywhere. It sets up the blocks as soon as it runs (at the end of the body), then again for
 * each page Material's document$ brings (instant navigation); setting up is idempotent.
 *
 * Events, dispatched on the block and bubbling to the document, for other scripts (an LMS
 * bridge, progress tracking) to listen to:
 *   quizbank:checked   {bank, question, type, answer, correct}   one question checked
 *   quizbank:scored    {bank, right, total, unanswered, percent, passed}   a quiz scored
 *   quizbank:assessed  {bank, band, counts, total}   a self-assessment result shown
 */
(() => {
  "use strict";

  if (window.quizbank?.loaded) return;

  const QUIZ = ".qb-quiz";
  const SELF = ".qb-self";
  const BLOCKS = `${QUIZ}, ${SELF}`;
  /* Every block this script sets up, and puts a notice in when nothing can be saved. */
  const OWN = `${BLOCKS}, .qb-reflection, .qb-track-done, .qb-journal, .qb-data, .qb-progress`;
  /* The site's root: this script is published at <root>/assets/quizbank/. */
  const ROOT = new URL("../../", document.currentScript?.src || location.href);

  /* ---------------------------------------------------------------- small helpers */

  const all = (selector, within = document) => [...within.querySelectorAll(selector)];
  const one = (selector, within = document) => within.querySelector(selector);

  /** Create an element; its text is always set as text, never parsed as markup. */
  function make(tag, className, text, parent) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    parent?.append(node);
    return node;
  }

  /* Each date format is made once, when first used: making one costs far more than using it. */
  let longDate, isoDate;
  const day = (time) =>
    (longDate ||= new Intl.DateTimeFormat("en-GB", { dateStyle: "long" })).format(time);
  const isoDay = (time = Date.now()) =>
    (isoDate ||= new Intl.DateTimeFormat("en-CA")).format(time); /* 2025-05-01 */
  const plural = (count, word, words = word + "s") => `${count} ${count === 1 ? word : words}`;
  const isObject = (value) => !!value && typeof value === "object";
  const isTimed = (value) => isObject(value) && typeof value.t === "number";

  /** Return a page's path from the site root, such as "tracks/03-relationship/". */
  const pathOf = (url) => url.pathname.slice(ROOT.pathname.length).replace(/index\.html$/, "");

  /** Return the page's title as its main heading shows it (less the ¶ of its permalink). */
  const pageTitle = () => (one("article h1")?.textContent || document.title).replace(/¶$/, "");

  /** Offer text to the learner as a file to save; nothing goes over the network. */
  const download = (name, type, text) => Object.assign(make("a"), { download: name,
    href: URL.createObjectURL(new Blob([text], { type })) }).click();

  /* ---------------------------------------------------------------- saving
   * Everything lives in localStorage under qb:v1:<site root path>:<kind>:<id…>, such as
   * qb:v1:/course/:answer:grow-model:grow-goal: scoped to this course (another course on the
   * same host has another root), keyed by ids, never by positions. Values are JSON records
   * with a time `t`; answers carry their question's fingerprint `v`. Every read and write is
   * guarded: storage may be turned off, full, or hold something that is not ours. */

  const PREFIX = `qb:v1:${ROOT.pathname}:`;
  const FORMAT = "quizbank-learner-data";
  const KINDS = ["answer", "score", "result", "reflection", "done"];
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

  /** Tell whether a record (from storage or from a file) has the shape its kind needs. */
  function valid(kind, record) {
    if (!isTimed(record) || !KINDS.includes(kind)) return false;
    const { a, best, last, h, text } = record;
    return {
      answer: Array.isArray(a),
      score: isTimed(best) && isTimed(last),
      result: Array.isArray(h) && h.every((attempt) => isTimed(attempt) &&
        isObject(attempt.counts)),
      reflection: typeof text === "string",
      done: true
    }[kind];
  }

  /** Return the record saved under a key, or null if there is none we can use. */
  function read(key) {
    try {
      const record = JSON.parse(storage.getItem(PREFIX + key));
      return valid(key.split(":")[0], record) ? record : null;
    } catch {
      return null;
    }
  }

  /** Save a record; when that fails, tell the learner nothing is being kept. */
  function write(key, record) {
    try {
      storage.setItem(PREFIX + key, JSON.stringify(record));
      return true;
    } catch {
      saving = false;
      warn();
      return false;
    }
  }

  /* Removing and listing never throw once storage could be reached (null when it was off). */
  const forget = (key) => storage?.removeItem(PREFIX + key);

  /** Return this course's keys, without the prefix; only those of one kind when asked. */
  function keys(kind) {
    const found = Object.keys(storage ?? {}).filter((key) => key.startsWith(PREFIX))
      .map((key) => key.slice(PREFIX.length));
    return kind ? found.filter((key) => key.startsWith(kind + ":")) : found;
  }

  /** Return the usable records of one kind, each with its key as `key`. */
  const records = (kind) => keys(kind).map((key) => ({ key, ...read(key) })).filter(isTimed);

  /** Show the notice each block has (rendered hidden) when nothing can be saved. */
  function warn() {
    if (!saving) all(".qb-notice").forEach((notice) => { notice.hidden = false; });
  }

  const answerKey = (question) =>
    `answer:${question.closest(BLOCKS).dataset.qbBank}:${question.dataset.qbQuestion}`;
  const scoreKey = (quiz) => `score:${quiz.dataset.qbBank}:${pathOf(location)}`;
  const resultKey = (block) => "result:" + block.dataset.qbBank;

  /** Save what the learner has chosen in a question or item, with its fingerprint. */
  function saveAnswer(question, checked) {
    const answer = readAnswer(question);
    if (answer.join("")) {
      write(answerKey(question), { v: question.dataset.qbVersion, t: Date.now(), a: answer,
        c: checked });
    } else {
      forget(answerKey(question));
    }
  }

  /** Put back a block's saved answers, checks, score and result; drop any answer whose
   * question has changed since, and results on a scale that has changed. */
  function restore(block) {
    all("[data-qb-question]", block).forEach((question) => {
      const saved = read(answerKey(question));
      if (!saved) return;
      if (saved.v !== question.dataset.qbVersion) return forget(answerKey(question));
      all("input", question).forEach((input) => {
        input.checked = saved.a.includes(input.value);
      });
      all("select", question).forEach((select, slot) => {
        select.value = saved.a[slot] ?? "";
      });
      if (saved.c) check(question, { quiet: true });
    });
    const score = block.matches(QUIZ) && read(scoreKey(block));
    if (score) {
      one(".qb-quiz__score", block).textContent = `Your last score, on ${day(score.last.t)}: ` +
        `${describe(score.last)}. Your best: ${describe(score.best)}.`;
    }
    const result = block.matches(SELF) && read(resultKey(block));
    if (result && result.v !== block.dataset.qbVersion) {
      forget(resultKey(block));
    } else if (result && !assess(block).missing) {
      showResult(block, true);
    }
  }

  /* ---------------------------------------------------------------- checking answers */

  const isSlots = (question) => /^(ordering|matching)$/.test(question.dataset.qbType);

  /** Return what the learner has chosen in a question or item: drop-downs, or inputs. */
  const readAnswer = (question) => (isSlots(question)
    ? all("select", question).map((select) => select.value)
    : all("input:checked", question).map((input) => input.value));

  /** Grade a single answer (single choice, true or false). */
  function gradeOne(answer, key) {
    const correct = answer[0] === key[0];
    return { correct, marks: { [answer[0]]: correct ? "right" : "wrong" } };
  }

  /** Grade drop-downs slot by slot: each must hold the value the key gives it. */
  function gradeSlots(answer, key) {
    const marks = answer.map((value, slot) => (value === key[slot] ? "right" : "wrong"));
    const right = marks.filter((mark) => mark === "right").length;
    return { correct: right === key.length, marks, right, total: key.length };
  }

  /* Each grader takes the answer and the key (from data-qb-answer) and returns
   * { correct: boolean, marks: { <option or slot>: "right" | "wrong" | "missed" } }. */
  const graders = {
    single: gradeOne,
    multiple: (answer, key) => {
      const marks = {};
      answer.forEach((value) => { marks[value] = key.includes(value) ? "right" : "wrong"; });
      key.forEach((value) => { marks[value] ||= "missed"; });
      const correct = answer.length === key.length && answer.every((value) => key.includes(value));
      return { correct, marks };
    },
    "true-false": gradeOne,
    ordering: gradeSlots,
    matching: gradeSlots
  };

  /** Grade one question; return null until every part of it is answered. */
  function grade(question) {
    const answer = readAnswer(question);
    if (!answer.length || answer.includes("")) return null;
    return graders[question.dataset.qbType](answer,
      (question.dataset.qbAnswer || "").split(" ").filter(Boolean));
  }

  const MARK_TEXT = { right: "Right", wrong: "Wrong", missed: "Also right: you missed this" };
  const EMPTY = {
    ordering: "Give every item a place first.",
    matching: "Choose a match for every item first."
  };

  /** Remove marks and feedback left by an earlier check. */
  function clearFeedback(question) {
    question.classList.remove("qb-question--right", "qb-question--wrong");
    all(".qb-mark, .qb-option__feedback", question).forEach((node) => node.remove());
    all("[data-qb-mark]", question).forEach((node) => node.removeAttribute("data-qb-mark"));
    const region = one(".qb-feedback", question);
    if (region) region.textContent = "";
  }

  /** Mark options or slots right or wrong, in words as well as colour, with their feedback. */
  function showMarks(question, marks) {
    for (const id in marks) {
      const where = isSlots(question) ? "slot" : "option";
      const target = one(`li[data-qb-${where}="${CSS.escape(id)}"]`, question);
      if (!target) continue;
      target.dataset.qbMark = marks[id];
      make("span", "qb-mark qb-mark--" + marks[id], MARK_TEXT[marks[id]], target);
      const feedback = one(`.qb-answer__option[data-qb-option="${CSS.escape(id)}"] ` +
        ".qb-answer__feedback", question);
      if (feedback && marks[id] !== "missed") {
        target.appendChild(feedback.cloneNode(true)).className = "qb-option__feedback";
      }
    }
  }

  /** Check one question and show its feedback; return the result, or null if unanswered.
   * `quiet` (putting back a saved check) neither saves nor dispatches an event. */
  function check(question, { focusEmpty, quiet } = {}) {
    clearFeedback(question);
    const region = one(".qb-feedback", question);
    const result = grade(question);
    if (!result) {
      region.textContent = EMPTY[question.dataset.qbType] || "Choose an answer first.";
      if (focusEmpty) {
        (all("select", question).find((select) => !select.value) || one("input", question))
          ?.focus();
      }
      return null;
    }
    question.classList.add(result.correct ? "qb-question--right" : "qb-question--wrong");
    showMarks(question, result.marks);
    let verdict = result.correct ? "Correct." : "Not quite.";
    if (!result.correct && result.total) {
      verdict += ` ${result.right} of ${result.total} in the right place.`;
    }
    make("p", "qb-feedback__verdict", verdict, region);
    const explanation = one(".qb-answer__explanation", question);
    if (explanation) {
      region.appendChild(explanation.cloneNode(true)).className = "qb-feedback__explanation";
    }
    if (!quiet) {
      saveAnswer(question, true);
      announce(question, "checked", {
        bank: question.closest(QUIZ)?.dataset.qbBank ?? null,
        question: question.dataset.qbQuestion,
        type: question.dataset.qbType,
        answer: readAnswer(question),
        correct: result.correct
      });
    }
    return result;
  }

  /** Tell listeners (progress, an LMS bridge) what happened: `quizbank:<name>` on the block. */
  const announce = (element, name, detail) =>
    element.dispatchEvent(new CustomEvent("quizbank:" + name, { bubbles: true, detail }));

  /* ---------------------------------------------------------------- quizzes */

  const describe = (score) => `${score.right} out of ${score.total} (${score.percent}%)`;

  /** Score every question of a quiz, keep the last and best scores, and announce the total. */
  function scoreQuiz(quiz) {
    const results = all(".qb-question", quiz).map((question) => check(question));
    const total = results.length;
    const right = results.filter((result) => result?.correct).length;
    const unanswered = results.filter((result) => !result).length;
    const percent = Math.round((100 * right) / total);
    const pass = +quiz.dataset.qbPass; /* NaN when the bank has no pass mark */
    let message = `You scored ${describe({ right, total, percent })}.`;
    if (unanswered) {
      message += ` ${unanswered} ${unanswered === 1 ? "question was" : "questions were"} ` +
        "not answered.";
    }
    if (pass >= 0) message += percent >= pass ? " That is a pass." : ` The pass mark is ${pass}%.`;
    const saved = read(scoreKey(quiz));
    const last = { right, total, percent, t: Date.now() };
    const best = saved?.best.percent > percent ? saved.best : last;
    if (saved) message += ` Your best: ${describe(best)}.`;
    one(".qb-quiz__score", quiz).textContent = message;
    write(scoreKey(quiz), { t: last.t, page: pathOf(location), last, best });
    const score = { bank: quiz.dataset.qbBank, right, total, unanswered, percent,
      passed: pass >= 0 ? percent >= pass : null };
    announce(quiz, "scored", score);
    return score;
  }

  /** Clear every answer and all feedback in a quiz or self-assessment, and forget the saved
   * answers. Scores and results already recorded stay in the learner's records. */
  function reset(block) {
    all("input", block).forEach((input) => { input.checked = false; });
    all("select", block).forEach((select) => { select.value = ""; });
    all(".qb-question", block).forEach(clearFeedback);
    all("[data-qb-question]", block).forEach((question) => forget(answerKey(question)));
    all(".qb-quiz__score, .qb-self__result", block).forEach((node) => { node.textContent = ""; });
    all(".qb-self__report", block).forEach((node) => { node.hidden = true; });
    one("input, select", block)?.focus();
  }

  /** Shuffle the children of an element that match a selector, in place (sorting them by
   * random keys: every order is equally likely). */
  function shuffleChildren(parent, selector) {
    const children = [...parent.children].filter((child) => child.matches(selector));
    const anchor = children.at(-1)?.nextSibling ?? null;
    children.map((child) => [Math.random(), child]).sort((a, b) => a[0] - b[0])
      .forEach(([, child]) => parent.insertBefore(child, anchor));
  }

  /** Put a quiz's questions, and their options, in a new random order. */
  function shuffleQuiz(quiz) {
    shuffleChildren(quiz, ".qb-question");
    all(".qb-question--single .qb-options, .qb-question--multiple .qb-options", quiz)
      .forEach((list) => shuffleChildren(list, ".qb-option"));
    const numbers = all(".qb-question__number", quiz);
    numbers.forEach((number, index) => {
      number.textContent = `Question ${index + 1} of ${numbers.length}`;
    });
  }

  /* ---------------------------------------------------------------- self-assessments */

  /** Return a self-assessment's scale: its points in order, with their labels and scores. */
  function scale(block) {
    const inputs = all(".qb-scale__input", one(".qb-item", block));
    const by = (value) => Object.fromEntries(inputs.map((input) => [input.value, value(input)]));
    return {
      points: inputs.map((input) => input.value),
      labels: by((input) => input.labels[0].textContent),
      scores: by((input) => +input.dataset.qbScore)
    };
  }

  const rating = (item) => one(".qb-scale__input:checked", item)?.value;

  /** Work out a self-assessment's result, or say which items are still unanswered. */
  function assess(block) {
    const items = all(".qb-item", block);
    const missing = items.filter((item) => !rating(item));
    if (missing.length) {
      return { missing, answered: items.length - missing.length, count: items.length };
    }
    const found = scale(block);
    const counts = Object.fromEntries(found.points.map((point) => [point, 0]));
    const ratings = {};
    let total = 0;
    items.forEach((item) => {
      counts[rating(item)] += 1;
      total += found.scores[rating(item)];
      ratings[item.dataset.qbQuestion] = rating(item);
    });
    return { ...found, band: findBand(block, counts, found.scores, total), counts, ratings,
      total, count: items.length };
  }

  /** Find the band a result falls in, by the bank's rule. */
  function findBand(block, counts, scores, total) {
    if (block.dataset.qbRule === "total") {
      return all(".qb-band", block).find((band) =>
        total >= +band.dataset.qbMin && total <= +band.dataset.qbMax);
    }
    const most = Math.max(...Object.values(counts));
    const lower = block.dataset.qbTies !== "higher";
    const tied = Object.keys(counts).filter((id) => counts[id] === most)
      .sort((a, b) => (lower ? scores[a] - scores[b] : scores[b] - scores[a]));
    return one(`.qb-band[data-qb-when="${CSS.escape(tied[0])}"]`, block);
  }

  /* Each self-assessment's attempts, kept here too so downloads work without storage. */
  const histories = new WeakMap();

  /** Show a self-assessment's result, or say what is still unanswered. A new result joins
   * the history of attempts; `quiet` (putting back the last one) shows it without adding. */
  function showResult(block, quiet) {
    const region = one(".qb-self__result", block);
    region.textContent = "";
    const result = assess(block);
    if (result.missing) {
      make("p", "qb-self__missing", `You have answered ${result.answered} of ${result.count}. ` +
        `Answer the other ${result.missing.length} to see your result.`, region);
      one("input", result.missing[0]).focus();
      return null;
    }
    const { band, points, labels, counts } = result;
    const title = one(".qb-band__title", band).textContent.replace(/^[^:]*:\s*/, "");
    make("strong", null, title, make("p", "qb-self__band", "Your result: ", region));
    region.appendChild(one(".qb-band__feedback", band).cloneNode(true)).className =
      "qb-self__feedback";
    make("p", "qb-self__tally", "Your answers: " +
      points.map((id) => `${labels[id]} ${counts[id]}`).join(", ") + ".", region);
    let history = histories.get(block) || read(resultKey(block))?.h || [];
    if (!quiet) { /* the last 50 attempts are kept, here as in storage */
      history = [...history, { t: Date.now(), band: band.dataset.qbBand, title, counts,
        ratings: result.ratings }].slice(-50);
      write(resultKey(block), { v: block.dataset.qbVersion, t: Date.now(), h: history });
      announce(block, "assessed", { bank: block.dataset.qbBank, band: band.dataset.qbBand,
        counts, total: result.total });
    }
    histories.set(block, history);
    report(block, result, history);
    return result;
  }

  /** Fill in the report under a result: a bar and a table row for each section, the
   * development priorities (what was rated lowest), and the history of attempts. */
  function report(block, { points, labels, scores }, history) {
    const box = one(".qb-self__report", block);
    const bars = all(".qb-chart__bar", box);
    const rows = all(".qb-chart__table tbody tr", box);
    const count = (attempt, point) => attempt.counts[point] || 0;
    box.hidden = false;
    all(".qb-section", block).forEach((section, index) => {
      const items = all(".qb-item", section);
      const bar = bars[index];
      bar.textContent = "";
      /* Each point of the scale: its part of the bar (as wide as its count: a CSSOM write,
       * never a style attribute in markup), its cell in the table, its words. */
      const parts = points.map((point, place) => {
        const number = items.filter((item) => rating(item) === point).length;
        all("td", rows[index])[place].textContent = number;
        if (number) {
          make("span", "qb-chart__part qb-chart__part--" + place, number, bar).style.flexGrow =
            number;
        }
        return `${labels[point]} ${number}`;
      });
      bar.setAttribute("aria-label", one(".qb-section__title", section).textContent + ": " +
        parts.join(", "));
    });
    const lowest = points.reduce((low, point) => (scores[point] < scores[low] ? point : low));
    const list = one(".qb-self__priorities", box);
    list.textContent = "";
    all(".qb-item", block).filter((item) => rating(item) === lowest)
      .forEach((item) => make("li", null, one(".qb-item__text", item).textContent, list));
    if (!list.children.length) make("li", null, "None.", list);
    const body = one(".qb-self__history tbody", box);
    body.textContent = "";
    history.forEach((attempt) => {
      const line = make("tr", null, null, body);
      make("th", null, day(attempt.t), line).scope = "row";
      [attempt.title, ...points.map((point) => count(attempt, point))]
        .forEach((text) => make("td", null, text, line));
    });
    const [first] = history;
    const latest = history.at(-1);
    one(".qb-self__compare", box).textContent = history.length < 2
      ? "This is your first result: take the self-assessment again later to compare."
      : `Since your first result, on ${day(first.t)}: ` + points.map((point) =>
        `${labels[point]} ${count(first, point)} then, ${count(latest, point)} now`).join("; ") +
        `. Your result then: ${first.title}. Now: ${latest.title}.`;
  }

  /** Return every attempt's ratings as CSV: one row per statement per attempt. */
  function resultsCsv(block) {
    const { labels } = scale(block);
    const rows = [["Date", "Result", "Section", "Statement", "Rating"]];
    histories.get(block).forEach((attempt) => all(".qb-item", block).forEach((item) => {
      const point = attempt.ratings?.[item.dataset.qbQuestion];
      if (point) {
        rows.push([isoDay(attempt.t), attempt.title,
          one(".qb-section__title", item.closest(".qb-section")).textContent,
          one(".qb-item__text", item).textContent, labels[point] || point]);
      }
    }));
    return rows.map((cells) => cells.map((cell) => `"${String(cell).replace(/"/g, '""')}"`)
      .join(",")).join("\r\n") + "\r\n";
  }

  /** Return every attempt as JSON: dates, results, counts and ratings. */
  const resultsJson = (block) => JSON.stringify({
    format: "quizbank-self-assessment", version: 1, bank: block.dataset.qbBank,
    attempts: histories.get(block).map((attempt) => ({
      date: new Date(attempt.t).toISOString(), ...attempt }))
  }, null, 2) + "\n";

  /* ---------------------------------------------------------------- reflections and journal */

  /* Reflections waiting to be saved: box -> [timer, [page, title, order on the page]]. */
  const pending = new Map();

  /** Save a reflection, with its prompt and where it was written, for the journal. */
  function saveReflection(box, [page, title, order]) {
    clearTimeout(pending.get(box)?.[0]);
    pending.delete(box);
    const key = "reflection:" + box.dataset.qbReflection;
    const text = one("textarea", box).value;
    const status = one(".qb-reflection__status", box);
    if (!text.trim()) {
      forget(key);
      status.textContent = "";
    } else if (write(key, { v: box.dataset.qbVersion, t: Date.now(), text, page, title, order,
      prompt: one("label", box).textContent, track: +box.dataset.qbTrack || null })) {
      status.textContent = "Saved on this device.";
    }
  }

  /** Save every reflection still waiting (before the page goes). */
  const flush = () => pending.forEach(([, place], box) => saveReflection(box, place));

  /** Save a reflection half a second after the learner stops typing. */
  function onInput({ target }) {
    const box = target.closest(".qb-reflection");
    if (!box) return;
    clearTimeout(pending.get(box)?.[0]);
    const place = [pathOf(location), pageTitle(), all(".qb-reflection").indexOf(box)];
    pending.set(box, [setTimeout(saveReflection, 500, box, place), place]);
  }

  /** Return the journal's entries in reading order: by track, then other pages. */
  const entries = () => records("reflection").sort((a, b) => (a.track || 1e6) -
    (b.track || 1e6) || String(a.page).localeCompare(b.page) || a.order - b.order);

  const groupTitle = (entry) => (entry.track ? `Track ${entry.track}: ` : "") +
    (entry.title || "Other pages");

  /** Fill the journal page with every entry, grouped by track; each group links to its page. */
  function showJournal(block) {
    const list = entries();
    const box = one(".qb-journal__entries", block);
    let group;
    box.textContent = "";
    one(".qb-journal__actions", block).hidden = !list.length;
    one(".qb-journal__empty", block).hidden = !!list.length;
    list.forEach((entry) => {
      if (groupTitle(entry) !== group) {
        group = groupTitle(entry);
        make("a", null, group, make("h2", "qb-journal__group", null, box)).href =
          new URL(entry.page, ROOT);
      }
      const item = make("div", "qb-journal__entry", null, box);
      make("h3", "qb-journal__prompt", entry.prompt, item);
      make("p", "qb-journal__date", "Written on " + day(entry.t), item);
      make("p", "qb-journal__text", entry.text, item);
    });
  }

  /** Return the journal as Markdown, or as plain text. */
  function journalText(markdown) {
    const lines = [markdown ? "# My journal" : "MY JOURNAL", "", `Downloaded on ${day(Date.now())}.`];
    let group;
    entries().forEach((entry) => {
      if (groupTitle(entry) !== group) {
        group = groupTitle(entry);
        lines.push("", markdown ? "## " + group : group.toUpperCase());
      }
      const date = "Written on " + day(entry.t);
      lines.push("", (markdown ? "### " : "") + entry.prompt, "", markdown ? `*${date}*` : date,
        "", entry.text);
    });
    return lines.join("\n") + "\n";
  }

  /* ---------------------------------------------------------------- progress */

  /** Say how many tracks are done, out of how many. */
  function showProgress(block) {
    const total = +block.dataset.qbTracks;
    const done = keys("done").filter((key) => read(key) && (!total || +key.slice(5) <= total))
      .length;
    one(".qb-progress__summary", block).textContent =
      (total ? `${done} of ${plural(total, "track")}` : plural(done, "track")) + " done.";
  }

  /** Mark finished tracks, and best quiz scores, beside the links that lead to them: links
   * with data-qb-track or to a track page (tracks/NN-name/), in the article and the nav. */
  function decorate() {
    const best = {};
    records("score").forEach((score) => { best[score.page] ||= score; });
    all(".qb-tick, .qb-best").forEach((node) => node.remove());
    all("article a[href], .md-nav__link[href]").forEach((link) => {
      if (link.hash || link.origin !== ROOT.origin) return;
      const path = pathOf(link);
      const track = link.dataset.qbTrack || /^tracks\/(\d+)-/.exec(path)?.[1];
      /* The space keeps "done" a word of its own in the link's name. */
      if (track && read("done:" + Number(track))) make("span", "qb-tick", " done", link);
      if (best[path] && link.closest("article")) {
        link.after(make("span", "qb-best", "Best score: " + describe(best[path].best)));
      }
    });
  }

  /** Mark a track as done, or not done, from the button on its page. */
  function toggleDone(block, control) {
    const track = control.dataset.qbTrack;
    const done = control.getAttribute("aria-pressed") !== "true";
    if (done) {
      write("done:" + track, { t: Date.now() });
    } else {
      forget("done:" + track);
    }
    control.setAttribute("aria-pressed", done);
    control.nextElementSibling.textContent =
      `Track ${track} is ${done ? "" : "no longer "}marked as done.`;
    decorate();
  }

  /* ---------------------------------------------------------------- your data */

  const size = (bytes) => (bytes / 1024).toFixed(1) + " KB";
  const say = (block, text) => { one(".qb-data__status", block).textContent = text; };

  /** Count what this course stores, by kind, with sizes, in the data page's table. */
  function showData(block) {
    const rows = {};
    all("tr[data-qb-kind], tfoot tr", block).forEach((line) => {
      rows[line.dataset.qbKind || "all"] = [line, 0, 0];
    });
    keys().forEach((key) => {
      const bytes = 2 * (PREFIX + key + storage.getItem(PREFIX + key)).length; /* UTF-16 */
      [read(key) ? key.split(":")[0] : "other", "all"].forEach((kind) => {
        rows[kind][1] += 1;
        rows[kind][2] += bytes;
      });
    });
    Object.values(rows).forEach(([line, count, bytes]) => {
      const [number, weight] = all("td", line);
      number.textContent = count;
      weight.textContent = size(bytes);
    });
  }

  /** Download everything this course stores, as a file that Import reads back. */
  function exportData(block) {
    const entries = Object.fromEntries(keys().map((key) => [key, read(key)])
      .filter(([, record]) => record));
    download(`course-data-${isoDay()}.json`, "application/json", JSON.stringify({
      format: FORMAT, version: 1, scope: ROOT.pathname, exported: new Date().toISOString(),
      entries }, null, 1) + "\n");
    say(block, `Exported ${plural(Object.keys(entries).length, "item")}.`);
  }

  /** Check an exported file completely; return its entries, or why it cannot be imported. */
  function checkImport(text) {
    let data = null;
    try {
      data = JSON.parse(text);
    } catch {
      /* not JSON: not ours */
    }
    const entries = data?.entries;
    if (data?.version > 1) return "it comes from a newer version of the course";
    if (data?.scope && data.scope !== ROOT.pathname) return `it is another course's (${data.scope})`;
    return data?.format === FORMAT && data.version === 1 && data.scope === ROOT.pathname &&
      isObject(entries) && Object.keys(entries).every((key) => /^[a-z]+:\S+$/.test(key) &&
        valid(key.split(":")[0], entries[key]))
      ? entries : "it is not a file this page exported, or it is damaged";
  }

  /** Import a file chosen on the data page: all of it, or nothing at all. */
  async function importData(input) {
    const block = input.closest(".qb-data");
    const [file] = input.files;
    input.value = "";
    if (!file) return;
    const entries = checkImport(await file.text());
    if (typeof entries === "string") {
      return say(block, `Nothing was imported from that file: ${entries}.`);
    }
    const names = Object.keys(entries);
    const before = { ...storage };
    try {
      names.forEach((key) => storage.setItem(PREFIX + key, JSON.stringify(entries[key])));
    } catch {
      /* Full part way through (or off): put back what was there before. */
      names.forEach((key) => {
        forget(key);
        if (PREFIX + key in before) storage.setItem(PREFIX + key, before[PREFIX + key]);
      });
      return say(block, "Nothing was imported: this browser will not store it.");
    }
    showData(block);
    say(block, `Imported ${plural(names.length, "item")}. What was stored here already is kept.`);
  }

  /** Ask before clearing everything, in a dialog: it takes focus, Escape backs out, and
   * focus returns to the button when it closes. */
  function confirmClear(block) {
    const dialog = one(".qb-data__confirm", block);
    dialog.returnValue = "";
    dialog.showModal();
  }

  /** Clear everything, or nothing, as the learner answered the dialog. */
  function onClose({ target }) {
    const block = target.closest?.(".qb-data");
    if (!block) return;
    const yes = target.returnValue === "yes";
    if (yes) {
      keys().forEach(forget); /* removing never fails */
      showData(block);
    }
    say(block, yes ? "Everything is deleted." : "Nothing was deleted.");
  }

  /* ---------------------------------------------------------------- wiring */

  /* What each button does, given its block (and the button itself). */
  const actions = {
    check: (block, control) => check(control.closest(".qb-question"), { focusEmpty: true }),
    score: scoreQuiz,
    result: (block) => showResult(block),
    reset,
    "track-done": toggleDone,
    print: () => window.print(),
    "self-csv": (block) => download(`${block.dataset.qbBank}-results-${isoDay()}.csv`,
      "text/csv", resultsCsv(block)),
    "self-json": (block) => download(`${block.dataset.qbBank}-results-${isoDay()}.json`,
      "application/json", resultsJson(block)),
    "journal-md": () => download(`my-journal-${isoDay()}.md`, "text/markdown", journalText(true)),
    "journal-txt": () => download(`my-journal-${isoDay()}.txt`, "text/plain", journalText(false)),
    "data-export": exportData,
    "data-import": (block) => one(".qb-data__file", block).click(),
    "data-clear": confirmClear
  };

  /** Handle a click on any quizbank button on the page. */
  function onClick({ target }) {
    const control = target.closest("[data-qb-action]");
    actions[control?.dataset.qbAction]?.(control.closest(OWN), control);
  }

  /** Save an answer as it changes; import a file as it is chosen. */
  function onChange({ target }) {
    const question = target.closest("[data-qb-question]");
    if (question?.closest(BLOCKS)) {
      saveAnswer(question);
    } else if (target.matches(".qb-data__file")) {
      importData(target);
    }
  }

  /** Set up one block and put back what the learner saved in it. */
  function setUp(block) {
    if (block.matches(BLOCKS)) {
      if (block.dataset.qbShuffle === "true") shuffleQuiz(block);
      restore(block);
    } else if (block.matches(".qb-reflection")) {
      /* Kept even when the prompt has been reworded since: it is the learner's own writing. */
      const saved = read("reflection:" + block.dataset.qbReflection);
      if (saved) one("textarea", block).value = saved.text;
    } else if (block.matches(".qb-track-done")) {
      const control = one("button", block);
      block.hidden = false;
      control.setAttribute("aria-pressed", !!read("done:" + control.dataset.qbTrack));
    } else if (block.matches(".qb-journal")) {
      showJournal(block);
    } else if (block.matches(".qb-data")) {
      showData(block);
    } else {
      showProgress(block);
    }
  }

  /** Leave a mark in the page's performance timeline, for benchmarks and DevTools. */
  function mark(name) {
    if (window.performance && typeof window.performance.mark === "function") {
      window.performance.mark(name);
    }
  }

  /** Make the blocks on the current page interactive; blocks already set up are skipped.
   * Marks `quizbank:init` and `quizbank:ready` time it (`make bench` reads them). */
  function init() {
    mark("quizbank:init");
    flush();
    all(OWN).forEach((block) => {
      if (block.dataset.qbReady === "true") return;
      block.dataset.qbReady = "true";
      all(".qb-question__actions, .qb-quiz__actions, .qb-self__actions, .qb-panel", block)
        .forEach((node) => { node.hidden = false; });
      all(".qb-note", block).forEach((node) => { node.hidden = true; });
      setUp(block);
    });
    decorate();
    warn();
    /* The theme's search dialog has no name (4.1.2). */
    one(".md-search[role=dialog]")?.setAttribute("aria-label", "Search");
    mark("quizbank:ready");
  }

  document.addEventListener("click", onClick);
  document.addEventListener("change", onChange);
  document.addEventListener("input", onInput);
  document.addEventListener("close", onClose, true); /* close does not bubble */
  addEventListener("pagehide", flush);

  window.quizbank = { loaded: true, init, grade, assess, scoreQuiz };

  init();
  if (window.document$?.subscribe) {
    window.document$.subscribe(init);
  }
  /* The first page is also set up on its own: document$ can complete without ever emitting
   * (Material opened from file:// with navigation.instant on), and init skips set-up blocks. */
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
