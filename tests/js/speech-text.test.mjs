// Reading aloud: a text cut into the sentences the voice reads, one at a time.
import assert from "node:assert/strict";
import { test } from "node:test";

import { sentences } from "../../plugins/quizbank/assets/src/speech-text.js";

const TEXT = "  Agree the goal first. Then ask: what is happening now? It works (mostly)!\n";

/** @param {boolean} plain */
const cut = (plain) => sentences(TEXT, "en", plain).map(([start, end]) => TEXT.slice(start, end));

test("sentences come without the spaces around them, with Intl.Segmenter and without", () => {
  for (const plain of [false, true]) {
    assert.deepEqual(cut(plain), [
      "Agree the goal first.",
      "Then ask: what is happening now?",
      "It works (mostly)!"
    ]);
  }
});

test("text with no words reads as nothing, and text with no stop as one sentence", () => {
  for (const plain of [false, true]) {
    assert.deepEqual(sentences(" \u2013 ", "en", plain), []);
    assert.deepEqual(sentences("Goal, Reality, Options, Will", "en", plain), [[0, 28]]);
  }
});
