/* quizbank: quizzes and self-assessments rendered by the quizbank Markdown extension.
 *
 * The page's HTML is complete without this script: questions, answer keys and explanations
 * are all in the markup. This script checks and scores answers, shows feedback and results,
 * and announces them through aria-live regions. It sets up the blocks as soon as it runs (at
 * the end of the body, so learners need not wait for the theme's own start-up), then again
 * for each page Material's document$ brings (instant navigation); setting up is idempotent.
 *
 * Events, dispatched on the block and bubbling to the document, for other scripts (an LMS
 * bridge, progress tracking) to listen to:
 *   quizbank:checked   {bank, question, type, answer, correct}   one question checked
 *   quizbank:scored    {bank, right, total, unanswered, percent, passed}   a quiz scored
 *   quizbank:assessed  {bank, band, counts, total}   a self-assessment result shown
 */
(function () {
  "use strict";

  if (window.quizbank && window.quizbank.loaded) {
    return;
  }

  var QUIZ = ".qb-quiz";
  var SELF = ".qb-self";

  /* ---------------------------------------------------------------- reading answers */

  /** Return what the learner has chosen in a question, by its type. */
  function readAnswer(question) {
    var type = question.dataset.qbType;
    if (type === "ordering" || type === "matching") {
      return Array.prototype.map.call(question.querySelectorAll("select"), function (select) {
        return select.value;
      });
    }
    return Array.prototype.map.call(
      question.querySelectorAll(".qb-option__input:checked"),
      function (input) { return input.value; }
    );
  }

  /** Tell whether an answer is complete enough to check. */
  function isAnswered(type, answer) {
    if (type === "ordering" || type === "matching") {
      return answer.length > 0 && answer.every(function (value) { return value !== ""; });
    }
    return answer.length > 0;
  }

  /* ---------------------------------------------------------------- scoring, by type */

  /* Each grader takes the answer and the key (from data-qb-answer) and returns
   * { correct: boolean, marks: { <option or slot>: "right" | "wrong" | "missed" } }. */
  var graders = {
    single: function (answer, key) {
      var marks = {};
      marks[answer[0]] = answer[0] === key[0] ? "right" : "wrong";
      return { correct: answer[0] === key[0], marks: marks };
    },
    multiple: function (answer, key) {
      var marks = {};
      answer.forEach(function (value) {
        marks[value] = key.indexOf(value) >= 0 ? "right" : "wrong";
      });
      key.forEach(function (value) {
        if (answer.indexOf(value) < 0) { marks[value] = "missed"; }
      });
      var correct = answer.length === key.length && answer.every(function (value) {
        return key.indexOf(value) >= 0;
      });
      return { correct: correct, marks: marks };
    },
    "true-false": function (answer, key) {
      var marks = {};
      marks[answer[0]] = answer[0] === key[0] ? "right" : "wrong";
      return { correct: answer[0] === key[0], marks: marks };
    },
    ordering: gradeSlots,
    matching: gradeSlots
  };

  /** Grade drop-downs slot by slot: each must hold the value the key gives it. */
  function gradeSlots(answer, key) {
    var marks = {};
    var right = 0;
    answer.forEach(function (value, slot) {
      var ok = value === key[slot];
      marks[slot] = ok ? "right" : "wrong";
      if (ok) { right += 1; }
    });
    return { correct: right === key.length, marks: marks, right: right, total: key.length };
  }

  /** Grade one question; return null when it has not been answered. */
  function grade(question) {
    var type = question.dataset.qbType;
    var answer = readAnswer(question);
    if (!isAnswered(type, answer)) {
      return null;
    }
    var key = (question.dataset.qbAnswer || "").split(" ").filter(Boolean);
    return graders[type](answer, key);
  }

  /* ---------------------------------------------------------------- showing feedback */

  var MARK_TEXT = { right: "Right", wrong: "Wrong", missed: "Also right: you missed this" };

  /** Remove marks and feedback left by an earlier check. */
  function clearFeedback(question) {
    question.classList.remove("qb-question--right", "qb-question--wrong");
    question.querySelectorAll(".qb-mark, .qb-option__feedback").forEach(function (node) {
      node.remove();
    });
    question.querySelectorAll("[data-qb-mark]").forEach(function (node) {
      node.removeAttribute("data-qb-mark");
    });
    var region = question.querySelector(".qb-feedback");
    if (region) {
      region.textContent = "";
    }
  }

  /** Return the element of an option or a drop-down slot that a mark belongs to. */
  function markTarget(question, id) {
    var type = question.dataset.qbType;
    var attribute = type === "ordering" || type === "matching" ? "data-qb-slot" : "data-qb-option";
    return question.querySelector("li[" + attribute + '="' + CSS.escape(String(id)) + '"]');
  }

  /** Mark options or slots right or wrong, in words as well as colour. */
  function showMarks(question, result) {
    Object.keys(result.marks).forEach(function (id) {
      var target = markTarget(question, id);
      if (!target) { return; }
      var mark = result.marks[id];
      target.setAttribute("data-qb-mark", mark);
      var label = document.createElement("span");
      label.className = "qb-mark qb-mark--" + mark;
      label.textContent = MARK_TEXT[mark];
      target.appendChild(label);
      var feedback = question.querySelector(
        '.qb-answer__option[data-qb-option="' + CSS.escape(String(id)) + '"] .qb-answer__feedback'
      );
      if (feedback && mark !== "missed") {
        var copy = feedback.cloneNode(true);
        copy.className = "qb-option__feedback";
        target.appendChild(copy);
      }
    });
  }

  /** Check one question and show its feedback; return the result, or null if unanswered. */
  function check(question, options) {
    clearFeedback(question);
    var region = question.querySelector(".qb-feedback");
    var result = grade(question);
    if (!result) {
      region.textContent = question.dataset.qbType === "ordering"
        ? "Give every item a place first."
        : question.dataset.qbType === "matching"
          ? "Choose a match for every item first."
          : "Choose an answer first.";
      if (options && options.focusEmpty) {
        var target = Array.prototype.find.call(question.querySelectorAll("select"),
          function (select) { return select.value === ""; }) || question.querySelector("input");
        if (target) { target.focus(); }
      }
      return null;
    }
    question.classList.add(result.correct ? "qb-question--right" : "qb-question--wrong");
    showMarks(question, result);
    var verdict = document.createElement("p");
    verdict.className = "qb-feedback__verdict";
    var text = result.correct ? "Correct." : "Not quite.";
    if (!result.correct && typeof result.right === "number") {
      text += " " + result.right + " of " + result.total + " in the right place.";
    }
    verdict.textContent = text;
    region.appendChild(verdict);
    var explanation = question.querySelector(".qb-answer__explanation");
    if (explanation) {
      var copy = explanation.cloneNode(true);
      copy.className = "qb-feedback__explanation";
      region.appendChild(copy);
    }
    var block = question.closest(QUIZ);
    announce(question, "checked", {
      bank: block ? block.dataset.qbBank : null,
      question: question.dataset.qbQuestion,
      type: question.dataset.qbType,
      answer: readAnswer(question),
      correct: result.correct
    });
    return result;
  }

  /* ---------------------------------------------------------------- events */

  /** Tell listeners (progress, an LMS bridge) what happened: `quizbank:<name>` on the block. */
  function announce(element, name, detail) {
    element.dispatchEvent(new CustomEvent("quizbank:" + name, { bubbles: true, detail: detail }));
  }

  /* ---------------------------------------------------------------- quizzes */

  /** Score every question of a quiz and announce the total. */
  function scoreQuiz(quiz) {
    var questions = quiz.querySelectorAll(".qb-question");
    var right = 0;
    var unanswered = 0;
    questions.forEach(function (question) {
      var result = check(question);
      if (!result) { unanswered += 1; } else if (result.correct) { right += 1; }
    });
    var total = questions.length;
    var percent = Math.round((100 * right) / total);
    var message = "You scored " + right + " out of " + total + " (" + percent + "%).";
    if (unanswered) {
      message += " " + unanswered + (unanswered === 1 ? " question was" : " questions were") +
        " not answered.";
    }
    var pass = parseInt(quiz.dataset.qbPass, 10);
    if (!isNaN(pass)) {
      message += percent >= pass ? " That is a pass." : " The pass mark is " + pass + "%.";
    }
    quiz.querySelector(".qb-quiz__score").textContent = message;
    var score = {
      bank: quiz.dataset.qbBank, right: right, total: total, unanswered: unanswered,
      percent: percent, passed: isNaN(pass) ? null : percent >= pass
    };
    announce(quiz, "scored", score);
    return score;
  }

  /** Clear every answer and every piece of feedback in a quiz or self-assessment. */
  function reset(block) {
    block.querySelectorAll("input").forEach(function (input) { input.checked = false; });
    block.querySelectorAll("select").forEach(function (select) { select.value = ""; });
    block.querySelectorAll(".qb-question").forEach(clearFeedback);
    block.querySelectorAll(".qb-quiz__score, .qb-self__result").forEach(function (node) {
      node.textContent = "";
    });
    var first = block.querySelector("input, select");
    if (first) { first.focus(); }
  }

  /** Shuffle the children of an element that match a selector, in place. */
  function shuffleChildren(parent, selector) {
    var children = Array.prototype.filter.call(parent.children, function (child) {
      return child.matches(selector);
    });
    var anchor = children.length ? children[children.length - 1].nextSibling : null;
    for (var i = children.length - 1; i > 0; i -= 1) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = children[i];
      children[i] = children[j];
      children[j] = swap;
    }
    children.forEach(function (child) { parent.insertBefore(child, anchor); });
  }

  /** Put a quiz's questions, and their options, in a new random order. */
  function shuffleQuiz(quiz) {
    shuffleChildren(quiz, ".qb-question");
    quiz.querySelectorAll(".qb-question--single .qb-options, .qb-question--multiple .qb-options")
      .forEach(function (list) { shuffleChildren(list, ".qb-option"); });
    var numbers = quiz.querySelectorAll(".qb-question__number");
    numbers.forEach(function (number, index) {
      number.textContent = "Question " + (index + 1) + " of " + numbers.length;
    });
  }

  /* ---------------------------------------------------------------- self-assessments */

  /** Work out a self-assessment's result; return null while items are unanswered. */
  function assess(block) {
    var items = block.querySelectorAll(".qb-item");
    var counts = {};
    var scores = {};
    var labels = {};
    var total = 0;
    var missing = [];
    block.querySelector(".qb-item").querySelectorAll(".qb-scale__input").forEach(function (input) {
      counts[input.value] = 0;
      scores[input.value] = parseInt(input.dataset.qbScore, 10);
      labels[input.value] = block.querySelector('label[for="' + CSS.escape(input.id) + '"]')
        .textContent;
    });
    items.forEach(function (item) {
      var chosen = item.querySelector(".qb-scale__input:checked");
      if (!chosen) {
        missing.push(item);
        return;
      }
      counts[chosen.value] += 1;
      total += scores[chosen.value];
    });
    if (missing.length) {
      return { missing: missing, answered: items.length - missing.length, count: items.length };
    }
    return {
      band: findBand(block, counts, scores, total),
      counts: counts, labels: labels, total: total, count: items.length
    };
  }

  /** Find the band a result falls in, by the bank's rule. */
  function findBand(block, counts, scores, total) {
    var bands = block.querySelectorAll(".qb-band");
    if (block.dataset.qbRule === "total") {
      return Array.prototype.find.call(bands, function (band) {
        return total >= parseInt(band.dataset.qbMin, 10) && total <= parseInt(band.dataset.qbMax, 10);
      });
    }
    var most = Math.max.apply(null, Object.keys(counts).map(function (id) { return counts[id]; }));
    var tied = Object.keys(counts).filter(function (id) { return counts[id] === most; });
    var pickLower = block.dataset.qbTies !== "higher";
    tied.sort(function (a, b) { return pickLower ? scores[a] - scores[b] : scores[b] - scores[a]; });
    return block.querySelector('.qb-band[data-qb-when="' + CSS.escape(tied[0]) + '"]');
  }

  /** Show a self-assessment's result, or say what is still unanswered. */
  function showResult(block) {
    var region = block.querySelector(".qb-self__result");
    region.textContent = "";
    var result = assess(block);
    if (result.missing) {
      var note = document.createElement("p");
      note.className = "qb-self__missing";
      note.textContent = "You have answered " + result.answered + " of " + result.count +
        ". Answer the other " + result.missing.length + " to see your result.";
      region.appendChild(note);
      result.missing[0].querySelector("input").focus();
      return null;
    }
    var heading = document.createElement("p");
    heading.className = "qb-self__band";
    heading.appendChild(document.createTextNode("Your result: "));
    var title = document.createElement("strong");
    title.textContent = result.band.querySelector(".qb-band__title").textContent
      .replace(/^[^:]*:\s*/, "");
    heading.appendChild(title);
    region.appendChild(heading);
    var feedback = result.band.querySelector(".qb-band__feedback").cloneNode(true);
    feedback.className = "qb-self__feedback";
    region.appendChild(feedback);
    var tally = document.createElement("p");
    tally.className = "qb-self__tally";
    tally.textContent = "Your answers: " + Object.keys(result.counts).map(function (id) {
      return result.labels[id] + " " + result.counts[id];
    }).join(", ") + ".";
    region.appendChild(tally);
    announce(block, "assessed", {
      bank: block.dataset.qbBank, band: result.band.dataset.qbBand, counts: result.counts,
      total: result.total
    });
    return result;
  }

  /* ---------------------------------------------------------------- wiring */

  /** Handle a click on any quizbank button on the page. */
  function onClick(event) {
    var button = event.target.closest("[data-qb-action]");
    if (!button) { return; }
    var block = button.closest(QUIZ + ", " + SELF);
    if (!block) { return; }
    var action = button.dataset.qbAction;
    if (action === "check") {
      check(button.closest(".qb-question"), { focusEmpty: true });
    } else if (action === "score") {
      scoreQuiz(block);
    } else if (action === "result") {
      showResult(block);
    } else if (action === "reset") {
      reset(block);
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
    document.querySelectorAll(QUIZ + ", " + SELF).forEach(function (block) {
      if (block.dataset.qbReady === "true") { return; }
      block.dataset.qbReady = "true";
      block.querySelectorAll("[hidden].qb-question__actions, [hidden].qb-quiz__actions, " +
        "[hidden].qb-self__actions").forEach(function (actions) {
        actions.hidden = false;
      });
      if (block.dataset.qbShuffle === "true") {
        shuffleQuiz(block);
      }
    });
    mark("quizbank:ready");
  }

  document.addEventListener("click", onClick);

  window.quizbank = {
    loaded: true,
    init: init,
    grade: grade,
    assess: assess,
    scoreQuiz: scoreQuiz
  };

  init();
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  }
  /* The first page is also set up on its own: document$ can complete without ever emitting
   * (Material opened from file:// with navigation.instant on), and init skips set-up blocks. */
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
