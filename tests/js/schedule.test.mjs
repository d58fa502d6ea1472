// The review schedule: 1, 3, 7, 16 and 35 days, back to the start on a wrong answer.
import assert from "node:assert/strict";
import { test } from "node:test";

import { GAPS, dayAfter, isDue, missed, reviewed } from "../../plugins/quizbank/assets/src/schedule.js";

process.env.TZ = "Europe/London";
const at = (text) => new Date(text).getTime();

test("days run from local midnight, across a change of the clocks", () => {
  assert.equal(dayAfter(at("2025-05-01T21:30:00"), 1), at("2025-05-02T00:00:00"));
  assert.equal(dayAfter(at("2025-03-29T10:00:00"), 3), at("2025-04-01T00:00:00"));
});

test("a missed question is due the next day, at the start of the schedule", () => {
  const record = missed(null, "v1", at("2025-05-01T21:30:00"));
  assert.deepEqual(
    { ...record },
    { t: at("2025-05-01T21:30:00"), v: "v1", step: 0, due: at("2025-05-02T00:00:00"), left: undefined }
  );
  assert.ok(!isDue(record, at("2025-05-01T23:59:00")));
  assert.ok(isDue(record, at("2025-05-02T08:00:00")));
});

test("right answers space it out 3, 7, 16 and 35 days, then it leaves the queue", () => {
  assert.deepEqual(GAPS, [1, 3, 7, 16, 35]);
  let now = at("2025-05-02T09:00:00");
  let record = missed(null, "v1", at("2025-05-01T09:00:00"));
  const gaps = [];
  for (let answer = 0; answer < 4; answer += 1) {
    record = reviewed(record, true, now);
    gaps.push(Math.round((record.due - dayAfter(now, 0)) / 864e5));
    now = record.due + 9 * 36e5;
  }
  assert.deepEqual(gaps, [3, 7, 16, 35]);
  assert.equal(record.step, 4);
  assert.ok(!record.left);
  record = reviewed(record, true, now);
  assert.equal(record.left, now);
  assert.ok(!isDue(record, now + 1e12), "a question that has left is never due");
  assert.equal(record.n, 5);
  assert.equal(record.ok, 5);
  assert.equal(record.seen, now);
});

test("a wrong answer in review, or a miss anywhere, sends it back to the start", () => {
  const now = at("2025-06-10T12:00:00");
  const far = { t: 1, v: "v1", step: 3, due: now, n: 3, ok: 3 };
  const wrong = reviewed(far, false, now);
  assert.equal(wrong.step, 0);
  assert.equal(wrong.due, at("2025-06-11T00:00:00"));
  assert.equal(wrong.n, 4);
  assert.equal(wrong.ok, 3);
  const gone = { t: 1, v: "v1", step: 5, due: now, left: now, n: 5, ok: 5 };
  const back = missed(gone, "v1", now);
  assert.equal(back.step, 0);
  assert.ok(!back.left);
  assert.equal(back.n, 5, "what was reviewed before is kept");
});
