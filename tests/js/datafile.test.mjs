// The data page's file: what it exports, which course's files it takes, what it skips, and how
// an import is merged with what is already here.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  FORMAT,
  checkImport,
  exportText,
  mergeImport
} from "../../plugins/quizbank/assets/src/datafile.js";

const HERE = { course: "fixture-course", scope: "/course/" };
const GOOD = {
  format: FORMAT,
  version: 1,
  course: "fixture-course",
  scope: "/course/",
  entries: { "done:2": { t: 1 } }
};
const NOT_OURS = "it is not a file this page exported, or it is damaged";
const check = (data, here = HERE) => checkImport(JSON.stringify(data), here);

test("an exported file imports back whole", () => {
  const entries = { "done:1": { t: 1, page: "tracks/01-one/" }, "reflection:r": { t: 2, text: "x" } };
  const text = exportText(entries, HERE, new Date(Date.UTC(2025, 4, 1)));
  assert.ok(text.endsWith("\n"));
  const data = JSON.parse(text);
  assert.equal(data.exported, "2025-05-01T00:00:00.000Z");
  assert.equal(data.course, "fixture-course");
  assert.equal(data.scope, "/course/");
  assert.deepEqual(checkImport(text, HERE), { entries, skipped: 0 });
});

test("an import says why it refuses a file", () => {
  assert.equal(checkImport("{not json", HERE), NOT_OURS);
  assert.equal(check({ entries: {} }), NOT_OURS);
  assert.equal(check({ ...GOOD, version: 2 }), "it comes from a newer version of the course");
  assert.equal(check({ ...GOOD, version: "1" }), NOT_OURS);
  assert.equal(check({ ...GOOD, format: "x" }), NOT_OURS);
  assert.equal(check({ ...GOOD, entries: [{ t: 1 }] }), NOT_OURS);
  assert.equal(check({ ...GOOD, entries: null }), NOT_OURS);
});

test("the course is known by the id it declares, not by where it is", () => {
  // Another course, even at the same address: refused.
  assert.equal(check({ ...GOOD, course: "other-course" }), "it is another course's (other-course)");
  assert.equal(
    check({ ...GOOD, course: "x".repeat(100) }),
    `it is another course's (${"x".repeat(57)}...)`
  );
  // This course, exported at another address (another folder, another host): taken.
  assert.deepEqual(check({ ...GOOD, scope: "/home/me/Downloads/course/" }), {
    entries: GOOD.entries,
    skipped: 0
  });
  // A file from before courses had ids: taken from the same address only.
  const { course: _, ...older } = GOOD;
  assert.deepEqual(check(older), { entries: GOOD.entries, skipped: 0 });
  assert.equal(
    check({ ...older, scope: "/other/" }),
    "it names no course, and it comes from another address (/other/)"
  );
  assert.equal(check({ ...older, scope: undefined }), NOT_OURS);
  // A page that declares no id knows files by their address.
  const nameless = { course: "", scope: "/course/" };
  assert.deepEqual(check(GOOD, nameless), { entries: GOOD.entries, skipped: 0 });
  assert.equal(
    check({ ...GOOD, scope: "/x/" }, nameless),
    "it names no course, and it comes from another address (/x/)"
  );
});

test("entries that cannot be read are skipped and counted; a file of nothing else is refused", () => {
  const bad = (entries) => check({ ...GOOD, entries });
  assert.deepEqual(
    bad({
      "done:2": { t: 1 },
      "answer:x:y": { t: 1 },
      "qb:v1:/:done:3": { t: 1 },
      "done 2": { t: 1 },
      "mystery:x": { t: 1 },
      "done:0": { t: 1 },
      "reflection:r": { t: 1, text: "x", page: "javascript:alert(1)" },
      "reflection:s": { t: 1e300, text: "x" },
      "reflection:u": { t: 1, text: "x", page: "http://[bad" }
    }),
    { entries: { "done:2": { t: 1 } }, skipped: 8 }
  );
  assert.equal(bad({ "done:0": { t: 1 } }), "its one entry could not be read");
  assert.equal(bad({ "done:0": { t: 1 }, "done:x": { t: 1 } }), "none of its 2 entries could be read");
  assert.deepEqual(bad({}), { entries: {}, skipped: 0 });
});

test("an import keeps the newer copy of each entry, and says what it added, kept and updated", () => {
  const here = {
    "reflection:a": { t: 10, text: "newer here" },
    "reflection:b": { t: 10, text: "older here" },
    "reflection:c": { t: 10, text: "the same" }
  };
  const file = {
    "reflection:a": { t: 5, text: "a month old" },
    "reflection:b": { t: 20, text: "newer in the file" },
    "reflection:c": { t: 10, text: "the same" },
    "done:1": { t: 1 }
  };
  const merged = mergeImport(file, (key) => here[key] ?? null);
  assert.deepEqual(merged, {
    writes: { "reflection:b": file["reflection:b"], "done:1": file["done:1"] },
    added: 1,
    updated: 1,
    kept: 2
  });
});

test("a self-assessment's attempts from both copies are all kept", () => {
  const attempt = (t) => ({ t, title: String(t), counts: {} });
  const here = { "result:s": { t: 30, v: "v1", h: [attempt(1), attempt(30)] } };
  const same = mergeImport({ "result:s": { t: 20, v: "v1", h: [attempt(1), attempt(20)] } }, (key) =>
    here[key] ?? null
  );
  assert.deepEqual(same.writes["result:s"], {
    t: 30,
    v: "v1",
    h: [attempt(1), attempt(20), attempt(30)]
  });
  assert.equal(same.updated, 1);
  const nothingNew = mergeImport({ "result:s": { t: 40, v: "v1", h: [attempt(1)] } }, (key) =>
    here[key] ?? null
  );
  assert.deepEqual(nothingNew, { writes: {}, added: 0, updated: 0, kept: 1 });
  // Of another version of the self-assessment: the newer one, whole.
  const other = { t: 40, v: "v2", h: [attempt(40)] };
  assert.deepEqual(mergeImport({ "result:s": other }, (key) => here[key] ?? null).writes, {
    "result:s": other
  });
});
