// The course record as Markdown: what the learner typed reads as typed, never as markup.
import assert from "node:assert/strict";
import { test } from "node:test";

import { escapeMarkdown, recordMarkdown } from "../../plugins/quizbank/assets/src/record-text.js";

test("Markdown's own characters are escaped, and text stays on one line", () => {
  assert.equal(escapeMarkdown("Jo *Bloggs* [x](y) <b>"), "Jo \\*Bloggs\\* \\[x\\](y) \\<b\\>");
  assert.equal(escapeMarkdown("a_b `c` | d ~e~ & #f !g"), "a\\_b \\`c\\` \\| d \\~e\\~ \\& \\#f \\!g");
  assert.equal(escapeMarkdown("back\\slash"), "back\\\\slash");
  assert.equal(escapeMarkdown("  two\nlines  "), "two lines");
  assert.equal(escapeMarkdown("- not a list"), "\\- not a list");
  assert.equal(escapeMarkdown("+ nor this"), "\\+ nor this");
  assert.equal(escapeMarkdown("1. nor this"), "1\\. nor this");
  assert.equal(escapeMarkdown("Anne-Marie O'Neil"), "Anne-Marie O'Neil");
});

test("the record's lines become headings, paragraphs and lists", () => {
  assert.equal(
    recordMarkdown([
      ["h1", "My course record"],
      ["p", "Name: Sam *Star*"],
      ["h2", "Tracks done"],
      ["li", "Track 1: One, done on 1 May 2025"],
      ["li", "Track 2: Two, done on 3 May 2025"],
      ["h2", "Review"],
      ["p", "None yet."]
    ]),
    "# My course record\n\nName: Sam \\*Star\\*\n\n## Tracks done\n\n" +
      "- Track 1: One, done on 1 May 2025\n- Track 2: Two, done on 3 May 2025\n\n" +
      "## Review\n\nNone yet.\n"
  );
});
