// Words, dates and CSV.
import assert from "node:assert/strict";
import { test } from "node:test";

import { csv, day, describeScore, isoDay, plural, space } from "../../plugins/quizbank/assets/src/format.js";

test("CSV quotes every cell, doubles quotes and ends lines with CRLF", () => {
  assert.equal(
    csv([
      ["Date", "Rating"],
      ["2025-05-01", 'Said "no", then\nyes'],
      [3, ""]
    ]),
    '"Date","Rating"\r\n"2025-05-01","Said ""no"", then\nyes"\r\n"3",""\r\n'
  );
});

test("a cell a spreadsheet would work out as a formula gets a ' first, as OWASP advises", () => {
  assert.equal(
    csv([["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")', "a=b", "1-2"]]),
    [
      "\"'=1+2\"",
      "\"'+1\"",
      "\"'-1\"",
      "\"'@SUM(A1)\"",
      "\"'\tx\"",
      "\"'\rx\"",
      "\"'=HYPERLINK(\"\"http://x\"\")\"",
      "\"a=b\"",
      "\"1-2\""
    ].join(",") + "\r\n"
  );
});

test("counts, scores and dates read as words", () => {
  assert.equal(plural(1, "track"), "1 track");
  assert.equal(plural(2, "track"), "2 tracks");
  assert.equal(plural(0, "entry", "entries"), "0 entries");
  assert.equal(describeScore({ right: 5, total: 6, percent: 83 }), "5 out of 6 (83%)");
  const noon = Date.UTC(2025, 4, 1, 12);
  assert.equal(day(noon), "1 May 2025");
  assert.equal(isoDay(noon), "2025-05-01");
});

test("space used reads in plain words, never as 0.0 KB", () => {
  assert.equal(space(0), "none");
  assert.equal(space(300), "under 1 KB");
  assert.equal(space(12 * 1024 + 100), "12 KB");
  assert.equal(space(1.5 * 1024 * 1024), "1.5 MB");
});
