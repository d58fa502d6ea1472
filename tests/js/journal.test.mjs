// The journal's order and its downloads' text.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  groupTitle,
  journalText,
  markdownHeading,
  markdownText,
  sortEntries
} from "../../plugins/quizbank/assets/src/journal-text.js";

const NOON = Date.UTC(2025, 4, 1, 12);
const entries = () => [
  { t: NOON, page: "self/", title: "Self", order: 0, prompt: "Before?", text: "Uneasy.", track: null },
  { t: NOON, page: "tracks/02-two/", title: "Two", order: 0, prompt: "Who?", text: "Me.", track: 2 },
  { t: NOON, page: "tracks/01-one/", title: "One", order: 1, prompt: "Hopes?", text: "To listen.", track: 1 },
  { t: NOON, page: "tracks/01-one/", title: "One", order: 0, prompt: "Doubts?", text: "Words.", track: 1 }
];

test("entries go by track, then the pages that are no track, in the order of their prompts", () => {
  assert.deepEqual(
    sortEntries(entries()).map((entry) => entry.prompt),
    ["Doubts?", "Hopes?", "Who?", "Before?"]
  );
  assert.equal(groupTitle({ t: 1, track: 2, title: "Two" }), "Track 2: Two");
  assert.equal(groupTitle({ t: 1 }), "Other pages");
});

test("the journal as Markdown and as plain text", () => {
  const list = sortEntries(entries()).slice(0, 2);
  assert.equal(
    journalText(list, true, NOON),
    [
      "# My journal",
      "",
      "Downloaded on 1 May 2025.",
      "",
      "## Track 1: One",
      "",
      "### Doubts?",
      "",
      "*Written on 1 May 2025*",
      "",
      "Words.",
      "",
      "### Hopes?",
      "",
      "*Written on 1 May 2025*",
      "",
      "To listen.",
      ""
    ].join("\n")
  );
  assert.equal(
    journalText(list.slice(0, 1), false, NOON),
    "MY JOURNAL\n\nDownloaded on 1 May 2025.\n\nTRACK 1: ONE\n\nDoubts?\n\nWritten on 1 May 2025\n\nWords.\n"
  );
});

test("the learner's text is escaped for Markdown: what it says, never markup", () => {
  assert.equal(
    markdownText("<script>alert(1)</script> & <img src=x onerror=alert(1)>"),
    "&lt;script>alert(1)&lt;/script> &amp; &lt;img src=x onerror=alert(1)>"
  );
  assert.equal(
    markdownText("[click](javascript:alert(1)) ![i](x) *em* _em_ `code` {: onclick=x }"),
    "\\[click\\](javascript:alert(1)) !\\[i\\](x) \\*em\\* \\_em\\_ \\`code\\` \\{: onclick=x \\}"
  );
  assert.equal(markdownText("a \\ b"), "a \\\\ b");
  // What would open a block at the start of a line: a heading, a quote, a list, a rule.
  assert.equal(
    markdownText("# Heading\n> quote\n- item\n+ item\n1. item\n2) item\n!!! note\n    code"),
    "\\# Heading\n\\> quote\n\\- item\n\\+ item\n1\\. item\n2\\) item\n\\!!! note\ncode"
  );
  // A line of = or - under another would make it a heading.
  assert.equal(markdownText("Title\n===\nOther\n---"), "Title\n&#61;==\nOther\n\\---");
  assert.equal(markdownText("one\r\ntwo\rthree"), "one\ntwo\nthree");
  assert.equal(markdownText("Plain words, 3 of them."), "Plain words, 3 of them.");
});

test("a heading stays one line, and no # in it ends it", () => {
  assert.equal(markdownHeading("Why?\n\n## Injected\n<script>x</script>"), "Why? \\#\\# Injected &lt;script>x&lt;/script>");
  assert.equal(markdownHeading("  What did you learn? #  "), "What did you learn? \\#");
});

test("the Markdown journal escapes prompts, titles and text; the plain text keeps them as written", () => {
  const hostile = [
    {
      t: NOON,
      page: "x/",
      title: "Title <b>",
      order: 0,
      prompt: "Prompt\n# Out",
      text: "<iframe src=x>",
      track: null
    }
  ];
  assert.equal(
    journalText(hostile, true, NOON),
    "# My journal\n\nDownloaded on 1 May 2025.\n\n## Title &lt;b>\n\n### Prompt \\# Out\n\n" +
      "*Written on 1 May 2025*\n\n&lt;iframe src=x>\n"
  );
  assert.ok(journalText(hostile, false, NOON).endsWith("TITLE <B>\n\nPrompt\n# Out\n\nWritten on 1 May 2025\n\n<iframe src=x>\n"));
});
