// The learner's records: the kinds (shared with the Python side), the shape of each, and what
// a page may rely on in a record it reads.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  ATTEMPTS,
  KINDS,
  LATEST,
  clean,
  isPath,
  kindOf,
  mergeAttempts,
  valid,
  validKey
} from "../../plugins/quizbank/assets/src/records.js";

const kinds = JSON.parse(
  readFileSync(new URL("../../plugins/quizbank/assets/src/kinds.json", import.meta.url), "utf8")
);

const SCORE = { t: 1, right: 5, total: 6, percent: 83 };
const SAMPLES = {
  answer: { t: 1, v: "x", a: ["0"] },
  score: { t: 1, page: "quiz/", last: SCORE, best: SCORE },
  result: { t: 1, v: "x", h: [{ t: 1, band: "good", title: "Good", counts: { usually: 2 } }] },
  reflection: { t: 1, text: "" },
  done: { t: 1 },
  attempt: { t: 1, s: 42, q: ["a", "b"] },
  review: { t: 1, v: "x", step: 0, due: 2 },
  learner: { t: 1, name: "Sam" }
};

test("the kinds are the ones kinds.json declares, each with a shape", () => {
  assert.deepEqual(KINDS, Object.keys(kinds.stored));
  assert.deepEqual(Object.keys(SAMPLES), KINDS, "a sample for every kind");
  for (const kind of KINDS) assert.ok(valid(kind, SAMPLES[kind]), kind);
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
  assert.ok(!valid("__proto__", { t: 1 }));
  assert.ok(!valid("answer", null));
  assert.equal(kindOf("answer:bank:question"), "answer");
});

test("a time is a finite number from 1970 to 2200, every one a date to show", () => {
  for (const t of [0, 1, Date.UTC(2025, 4, 1), LATEST - 1]) assert.ok(valid("done", { t }), t);
  for (const t of [-1, LATEST, 1e300, Infinity, NaN, "1", null, true]) {
    assert.ok(!valid("done", { t }), String(t));
  }
  assert.ok(!valid("score", { ...SAMPLES.score, last: { ...SCORE, t: 1e300 } }));
  assert.ok(!valid("result", { ...SAMPLES.result, h: [{ ...SAMPLES.result.h[0], t: -5 }] }));
});

test("a page is a path inside the course, never a link out of it", () => {
  for (const page of ["", "quiz/", "tracks/01-one/", "tracks/01-one.html", "a%20b/", "x/y/z"]) {
    assert.ok(isPath(page), page);
  }
  for (const page of [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "https://other.example/",
    "//other.example/",
    "/etc/",
    "http://[bad",
    "../up/",
    "a/../../b",
    "%2e%2E/",
    "a//b",
    "a\\b",
    "data:text/html,x",
    "x".repeat(501),
    42,
    null
  ]) {
    assert.ok(!isPath(page), String(page));
  }
  const reflection = (page) => valid("reflection", { t: 1, text: "x", page });
  assert.ok(reflection("tracks/01-one/"));
  assert.ok(!reflection("javascript:alert(document.domain)"));
  assert.ok(!reflection("http://[bad"));
  assert.ok(!valid("score", { ...SAMPLES.score, page: "https://other.example/" }));
  assert.ok(!valid("done", { t: 1, page: "javascript:x" }));
});

test("counts are whole and not negative, a score adds up, a rating is an id", () => {
  const score = (last) => valid("score", { ...SAMPLES.score, last });
  assert.ok(!score({ ...SCORE, right: -1 }));
  assert.ok(!score({ ...SCORE, right: 0.5 }));
  assert.ok(!score({ ...SCORE, right: 7 }));
  assert.ok(!score({ ...SCORE, percent: 101 }));
  assert.ok(!score({ ...SCORE, total: "6" }));
  const attempt = (fields) =>
    valid("result", { t: 1, v: "x", h: [{ ...SAMPLES.result.h[0], ...fields }] });
  assert.ok(attempt({ ratings: { "wayn-rapport": "usually" } }));
  assert.ok(!attempt({ counts: { usually: -2 } }));
  assert.ok(!attempt({ counts: { usually: true } }));
  assert.ok(!attempt({ counts: JSON.parse('{"__proto__": 1}') }));
  assert.ok(!attempt({ ratings: { "wayn-rapport": { nested: "no" } } }));
  assert.ok(!attempt({ title: 3 }));
  assert.ok(!valid("answer", { t: 1, v: "x", a: ["0"], c: "yes" }));
  assert.ok(!valid("reflection", { t: 1, text: "x", track: 0 }));
  assert.ok(!valid("reflection", { t: 1, text: "x", track: 1.5 }));
  assert.ok(valid("reflection", { t: 1, text: "x", track: null, prompt: null }));
});

test("nothing nested deeper than a kind's fields is kept, nor any field it does not read", () => {
  let deep = ["x"];
  for (let depth = 0; depth < 5000; depth += 1) deep = [deep];
  assert.ok(!valid("answer", { t: 1, v: "x", a: deep }));
  const kept = clean("answer", { t: 1, v: "x", a: ["0"], extra: deep, c: true });
  assert.deepEqual(kept, { t: 1, v: "x", a: ["0"], c: true });
  assert.doesNotThrow(() => JSON.stringify(kept));
  assert.deepEqual(clean("done", { t: 2, page: "quiz/", junk: 1 }), { t: 2, page: "quiz/" });
  assert.equal(clean("done", { t: "2" }), null);
});

test("a key is one the script writes: a kind, and that kind's ids", () => {
  for (const key of [
    "answer:sample:sample-single",
    "score:sample:quiz/",
    "score:sample:",
    "result:where-are-you-now",
    "reflection:t01-hopes",
    "done:1",
    "done:10"
  ]) {
    assert.ok(validKey(key), key);
  }
  for (const key of [
    "done:0",
    "done:-1",
    "done:0.5",
    "done:01",
    "done:1e1",
    "done: 1",
    "done:1:2",
    "answer:x",
    "answer:Bank:q",
    "score:sample:javascript:x",
    "score:sample:https://other.example/",
    "reflection:a b",
    "mystery:x",
    "constructor:x",
    "qb:v1:/:done:3"
  ]) {
    assert.ok(!validKey(key), key);
  }
});

test("attempts from two places are put together once each, in time order", () => {
  const a = { t: 1, title: "A" };
  const b = { t: 2, title: "B" };
  const c = { t: 3, title: "C" };
  assert.deepEqual(mergeAttempts([a, c], [b, c]), [a, b, c]);
  assert.deepEqual(mergeAttempts([], [b], [a]), [a, b]);
  assert.equal(ATTEMPTS, 50);
});
