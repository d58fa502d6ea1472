// Which band a self-assessment's result falls in.
import assert from "node:assert/strict";
import { test } from "node:test";

import { findBand } from "../../plugins/quizbank/assets/src/bands.js";

const SCORES = { confident: 2, developing: 1, "not-yet": 0 };
const BY_POINT = [
  { when: "confident", min: NaN, max: NaN },
  { when: "developing", min: NaN, max: NaN },
  { when: "not-yet", min: NaN, max: NaN }
];

test("by total: the first band whose range holds the total", () => {
  const bands = [
    { min: 0, max: 10, when: undefined },
    { min: 11, max: 20 },
    { min: 21, max: 32 }
  ];
  const most = { rule: "total" };
  assert.equal(findBand(most, bands, {}, SCORES, 0), 0);
  assert.equal(findBand(most, bands, {}, SCORES, 11), 1);
  assert.equal(findBand(most, bands, {}, SCORES, 32), 2);
  assert.equal(findBand(most, bands, {}, SCORES, 33), -1);
});

test("by most answers: the point rated most often", () => {
  const counts = { confident: 1, developing: 5, "not-yet": 2 };
  assert.equal(findBand({ rule: "most" }, BY_POINT, counts, SCORES, 0), 1);
});

test("a tie goes to the lower-scoring point, or the higher one when the bank says so", () => {
  const counts = { confident: 3, developing: 1, "not-yet": 3 };
  assert.equal(findBand({ rule: "most", ties: "lower" }, BY_POINT, counts, SCORES, 0), 2);
  assert.equal(findBand({}, BY_POINT, counts, SCORES, 0), 2);
  assert.equal(findBand({ rule: "most", ties: "higher" }, BY_POINT, counts, SCORES, 0), 0);
});
