// What the SCORM launch page reports for the course: score, status and suspend data.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  SUSPEND_LIMIT,
  clock,
  courseScore,
  nextStatus,
  readQuizzes,
  readSuspendData,
  suspendData
} from "../../plugins/quizbank/assets/src/scorm/course.js";

const QUIZZES = readQuizzes("grow:3 law:2");

test("the quizzes that count are read from the launch page", () => {
  assert.deepEqual(QUIZZES, [
    { bank: "grow", count: 3 },
    { bank: "law", count: 2 }
  ]);
  assert.deepEqual(readQuizzes(""), []);
});

test("the course score averages every quiz, one not scored counting 0", () => {
  assert.deepEqual(courseScore(QUIZZES, {}), { raw: 0, scored: 0, all: false });
  assert.deepEqual(courseScore(QUIZZES, { grow: 100 }), { raw: 50, scored: 1, all: false });
  assert.deepEqual(courseScore(QUIZZES, { grow: 100, law: 51 }), { raw: 76, scored: 2, all: true });
  assert.deepEqual(courseScore([], {}), { raw: 0, scored: 0, all: false });
});

test("the status rises and is never lowered", () => {
  const all = (raw) => ({ raw, all: true });
  assert.equal(nextStatus(0, "", NaN, all(0)), "completed");
  assert.equal(nextStatus(2, "", NaN, { raw: 50, all: false }), "incomplete");
  assert.equal(nextStatus(2, "passed", NaN, { raw: 50, all: false }), "passed");
  assert.equal(nextStatus(2, "incomplete", NaN, all(40)), "completed");
  assert.equal(nextStatus(2, "incomplete", 80, all(79)), "failed");
  assert.equal(nextStatus(2, "failed", 80, all(80)), "passed");
  assert.equal(nextStatus(2, "passed", 80, all(10)), "passed");
});

test("suspend data carries the best scores, within SCORM 1.2's 4,096 characters", () => {
  assert.equal(suspendData(QUIZZES, { law: 100, grow: 86 }), "qb1;grow=86,law=100");
  assert.deepEqual(readSuspendData("qb1;grow=86,law=100,gone=5,law2=x", QUIZZES), {
    grow: 86,
    law: 100
  });
  assert.deepEqual(readSuspendData("other", QUIZZES), {});
  const many = Array.from({ length: 400 }, (_, n) => ({ bank: `bank-number-${n}`, count: 1 }));
  const best = Object.fromEntries(many.map(({ bank }) => [bank, 100]));
  const text = suspendData(many, best);
  assert.ok(text.length <= SUSPEND_LIMIT && text.length > SUSPEND_LIMIT - 30, String(text.length));
  assert.ok(!text.endsWith(","));
});

test("session time as HH:MM:SS", () => {
  assert.equal(clock(0), "00:00:00");
  assert.equal(clock((3 * 3600 + 4 * 60 + 5) * 1000 + 999), "03:04:05");
});
