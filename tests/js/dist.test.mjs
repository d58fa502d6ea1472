// The committed assets (what the Python package publishes) are what the sources build to.
import assert from "node:assert/strict";
import { test } from "node:test";

import { build, stale } from "../../plugins/quizbank/assets/build.mjs";

test("dist/ is what src/ builds to: run `npm run build` after changing src/", async () => {
  assert.deepEqual(await stale(await build()), []);
});

test("the bundle is one classic script: no module syntax left in it", async () => {
  const built = await build();
  for (const name of [
    "dist/quizbank.js",
    "dist/quizbank-questions.js",
    "dist/quizbank-pages.js",
    "dist/scorm/launch.js"
  ]) {
    assert.doesNotMatch(built[name], /^\s*(import|export)\s/m, name);
    assert.match(built[name], /^\/\*[^\n]*\*\/\n"use strict";\(\(\)=>\{/, name);
  }
});

test("the later scripts hold no copy of an earlier one's modules: they use its (core.js)", async () => {
  const built = await build();
  const [core, questions, pages] = ["quizbank", "quizbank-questions", "quizbank-pages"].map(
    (name) => built[`dist/${name}.js`]
  );
  /* storage.js probes storage once, under this key: its module state lives in the core alone. */
  assert.match(core, /qb:probe/);
  assert.doesNotMatch(questions, /qb:probe/);
  assert.doesNotMatch(pages, /qb:probe/);
  assert.match(questions, /window\.quizbank\.core/);
  assert.match(pages, /window\.quizbank\.core/);
  /* attempt.js keeps each quiz's attempt under this key's prefix: in the questions script alone. */
  assert.match(questions, /`attempt:\$\{/);
  assert.doesNotMatch(core, /`attempt:\$\{/);
  assert.doesNotMatch(pages, /`attempt:\$\{/);
  assert.match(pages, /window\.quizbankQuestions\.core/);
});
