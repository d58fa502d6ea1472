// The question types: every one registered whole, its grader, its key and how SCORM records it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { normalise } from "../../plugins/quizbank/assets/src/types/fill-in.js";
import { TYPES } from "../../plugins/quizbank/assets/src/types/index.js";

const { single, multiple, ordering, matching } = TYPES;
const trueFalse = TYPES["true-false"];
const fillIn = TYPES["fill-in"];

test("every registered type has everything the script and the launch page ask of it", () => {
  // tests/unit/test_question_types.py checks these are the types the Python registers.
  for (const [name, type] of Object.entries(TYPES)) {
    for (const field of ["read", "parseKey", "grade", "scorm"]) {
      assert.equal(typeof type[field], "function", `${name}.${field}`);
    }
    assert.match(type.empty, /first\.$/, name);
    assert.ok(["option", "slot", "blank"].includes(type.part), name);
    assert.equal(typeof type.shuffle, "boolean", name);
  }
});

test("keys are read from data-qb-answer as the Python writes them", () => {
  assert.deepEqual(multiple.parseKey("0 2 3"), ["0", "2", "3"]);
  assert.deepEqual(single.parseKey("2"), ["2"]);
  assert.deepEqual(trueFalse.parseKey("false"), ["false"]);
  assert.deepEqual(ordering.parseKey("3 1 2"), ["3", "1", "2"]);
  assert.deepEqual(matching.parseKey(""), []);
  assert.deepEqual(matching.parseKey(" 0  1 "), ["0", "1"]);
});

test("single choice and true or false mark the one chosen option", () => {
  assert.deepEqual(single.grade(["2"], ["2"]), { correct: true, marks: { 2: "right" } });
  assert.deepEqual(single.grade(["0"], ["2"]), { correct: false, marks: { 0: "wrong" } });
  assert.deepEqual(trueFalse.grade(["false"], ["true"]), {
    correct: false,
    marks: { false: "wrong" }
  });
});

test("multiple response needs every right option and no other, and shows what was missed", () => {
  assert.deepEqual(multiple.grade(["0", "2"], ["0", "2"]), {
    correct: true,
    marks: { 0: "right", 2: "right" }
  });
  assert.deepEqual(multiple.grade(["0", "1"], ["0", "2"]), {
    correct: false,
    marks: { 0: "right", 1: "wrong", 2: "missed" }
  });
  assert.equal(multiple.grade(["0", "2", "3"], ["0", "2"]).correct, false);
});

test("ordering and matching are graded slot by slot, with the count in the right place", () => {
  assert.deepEqual(ordering.grade(["2", "0", "1"], ["2", "1", "0"]), {
    correct: false,
    marks: { 0: "right", 1: "wrong", 2: "wrong" },
    right: 1,
    total: 3
  });
  assert.deepEqual(ordering.grade(["3", "1", "2"], ["3", "1", "2"]), {
    correct: true,
    marks: { 0: "right", 1: "right", 2: "right" },
    right: 3,
    total: 3
  });
  assert.deepEqual(matching.grade(["1", "0", "2"], ["0", "1", "2"]), {
    correct: false,
    marks: { 0: "wrong", 1: "wrong", 2: "right" },
    right: 1,
    total: 3
  });
});

test("SCORM 1.2 interactions: choice, true-false, sequencing and matching", () => {
  assert.deepEqual(single.scorm(["2"], ["1"]), { type: "choice", response: "c", pattern: "b" });
  assert.deepEqual(multiple.scorm(["0", "2"], ["0", "2", "3"]), {
    type: "choice",
    response: "a,c",
    pattern: "a,c,d"
  });
  assert.deepEqual(trueFalse.scorm(["false"], ["true"]), {
    type: "true-false",
    response: "f",
    pattern: "t"
  });
  // The right order is the items shown second, third and first ("1 2 0"); the learner put
  // the first shown first: it goes third, then the second (first) and the third (second).
  assert.deepEqual(ordering.scorm(["0", "1", "2"], ["1", "2", "0"]), {
    type: "sequencing",
    response: "c,a,b",
    pattern: "a,b,c"
  });
  assert.deepEqual(ordering.scorm(["1", "2", "0"], ["1", "2", "0"]).response, "a,b,c");
  assert.deepEqual(matching.scorm(["1", "0", "2"], ["0", "1", "2"]), {
    type: "matching",
    response: "1.b,2.a,3.c",
    pattern: "1.a,2.b,3.c"
  });
});

test("a typed answer counts when it matches an accepted one but for case, spaces and closing stops", () => {
  assert.equal(normalise("  Way   Forward. "), "way forward");
  assert.equal(normalise("WILL!?"), "will");
  assert.equal(normalise("e\u0301tude"), "\u00e9tude");
  assert.deepEqual(fillIn.parseKey("will|way forward"), ["will", "way forward"]);
  assert.deepEqual(fillIn.grade(["Way forward!"], ["will", "way forward"]), {
    correct: true,
    marks: { "way forward": "right" }
  });
  assert.deepEqual(fillIn.grade(["Why"], ["will"]), { correct: false, marks: { why: "wrong" } });
  assert.deepEqual(fillIn.scorm(["  Will. "], ["will", "way forward"]), {
    type: "fill-in",
    response: "will",
    pattern: "will"
  });
});
