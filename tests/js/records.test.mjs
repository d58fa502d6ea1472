// The learner's records: the kinds (shared with the Python side) and the shape of each.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { KINDS, kindOf, valid } from "../../plugins/quizbank/assets/src/records.js";

const kinds = JSON.parse(
  readFileSync(new URL("../../plugins/quizbank/assets/src/kinds.json", import.meta.url), "utf8")
);

test("the kinds are the ones kinds.json declares, each with a shape", () => {
  assert.deepEqual(KINDS, Object.keys(kinds.stored));
  const samples = {
    answer: { t: 1, v: "x", a: ["0"] },
    score: { t: 1, page: "quiz/", last: { t: 1 }, best: { t: 1 } },
    result: { t: 1, v: "x", h: [{ t: 1, counts: {} }] },
    reflection: { t: 1, text: "" },
    done: { t: 1 },
    attempt: { t: 1, s: 42, q: ["a", "b"] },
    review: { t: 1, v: "x", step: 0, due: 2 },
    learner: { t: 1, name: "Sam" }
  };
  assert.deepEqual(Object.keys(samples), KINDS, "a sample for every kind");
  for (const kind of KINDS) assert.ok(valid(kind, samples[kind]), kind);
});

test("a done record is valid with or without the page it was marked on", () => {
  assert.ok(valid("done", { t: 1 }));
  assert.ok(valid("done", { t: 1, page: "tracks/02-two/" }));
  assert.ok(!valid("done", { t: 1, page: 2 }));
  assert.ok(!valid("done", { t: "soon" }));
  assert.ok(!valid("done", []));
});

test("records of the wrong shape, or of no kind of ours, are not valid", () => {
  assert.ok(!valid("answer", { t: 1, a: "false" }));
  assert.ok(!valid("score", { t: 1, best: { t: 1 }, last: null }));
  assert.ok(!valid("result", { t: 1, h: [null, 3] }));
  assert.ok(!valid("reflection", { t: 1, text: ["not", "text"] }));
  assert.ok(!valid("attempt", { t: 1, s: "42" }));
  assert.ok(!valid("attempt", { t: 1, s: 42, q: "a b" }));
  assert.ok(!valid("review", { t: 1, step: 0.5, due: 2 }));
  assert.ok(!valid("review", { t: 1, step: 1 }));
  assert.ok(!valid("learner", { t: 1, name: ["Sam"] }));
  assert.ok(!valid("mystery", { t: 1 }));
  assert.ok(!valid("constructor", { t: 1 }));
  assert.ok(!valid("answer", null));
  assert.equal(kindOf("answer:bank:question"), "answer");
});
