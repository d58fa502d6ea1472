// The committed assets (what the Python package publishes) are what the sources build to.
import assert from "node:assert/strict";
import { test } from "node:test";

import { build, stale } from "../../plugins/quizbank/assets/build.mjs";

test("dist/ is what src/ builds to: run `npm run build` after changing src/", async () => {
  assert.deepEqual(await stale(await build()), []);
});

test("the bundle is one classic script: no module syntax left in it", async () => {
  const built = await build();
  for (const name of ["dist/quizbank.js", "dist/quizbank-pages.js", "dist/scorm/launch.js"]) {
    assert.doesNotMatch(built[name], /^\s*(import|export)\s/m, name);
    assert.match(built[name], /^\/\*[^\n]*\*\/\n"use strict";\(\(\)=>\{/, name);
  }
});

test("the page script holds no copy of the core's modules: it uses the core's (core.js)", async () => {
  const built = await build();
  /* storage.js probes storage once, under this key: its module state lives in the core alone. */
  assert.match(built["dist/quizbank.js"], /qb:probe/);
  assert.doesNotMatch(built["dist/quizbank-pages.js"], /qb:probe/);
  assert.match(built["dist/quizbank-pages.js"], /window\.quizbank\.core/);
});
