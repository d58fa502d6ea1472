// The data page's file: what it exports, and everything an import refuses.
import assert from "node:assert/strict";
import { test } from "node:test";

import { FORMAT, checkImport, exportText } from "../../plugins/quizbank/assets/src/datafile.js";

const SCOPE = "/course/";
const GOOD = { format: FORMAT, version: 1, scope: SCOPE, entries: { "done:2": { t: 1 } } };
const NOT_OURS = "it is not a file this page exported, or it is damaged";

test("an exported file imports back whole", () => {
  const entries = { "done:1": { t: 1, page: "tracks/01-one/" }, "reflection:r": { t: 2, text: "x" } };
  const text = exportText(entries, SCOPE, new Date(Date.UTC(2025, 4, 1)));
  assert.ok(text.endsWith("\n"));
  assert.equal(JSON.parse(text).exported, "2025-05-01T00:00:00.000Z");
  assert.deepEqual(checkImport(text, SCOPE), entries);
});

test("an import says why it refuses a file", () => {
  assert.equal(checkImport("{not json", SCOPE), NOT_OURS);
  assert.equal(checkImport(JSON.stringify({ entries: {} }), SCOPE), NOT_OURS);
  assert.equal(
    checkImport(JSON.stringify({ ...GOOD, version: 2 }), SCOPE),
    "it comes from a newer version of the course"
  );
  assert.equal(
    checkImport(JSON.stringify({ ...GOOD, scope: "/other/" }), SCOPE),
    "it is another course's (/other/)"
  );
  assert.equal(checkImport(JSON.stringify({ ...GOOD, format: "x" }), SCOPE), NOT_OURS);
});

test("one bad entry refuses the whole file", () => {
  const bad = (entries) => checkImport(JSON.stringify({ ...GOOD, entries }), SCOPE);
  assert.equal(bad({ "done:2": { t: 1 }, "answer:x:y": { t: 1 } }), NOT_OURS);
  assert.equal(bad({ "done:2": { t: 1 }, "qb:v1:/:done:3": { t: 1 } }), NOT_OURS);
  assert.equal(bad({ "done 2": { t: 1 } }), NOT_OURS);
  assert.equal(bad({ "mystery:x": { t: 1 } }), NOT_OURS);
  assert.deepEqual(bad({}), {});
});
