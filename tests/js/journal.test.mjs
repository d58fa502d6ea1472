// The journal's order and its downloads' text.
import assert from "node:assert/strict";
import { test } from "node:test";

import { groupTitle, journalText, sortEntries } from "../../plugins/quizbank/assets/src/journal-text.js";

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
