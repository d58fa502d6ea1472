// @ts-check
/* Matching: the descriptions (the items' matches and distractors) listed once, lettered, and
 * each item with a radio button a letter.
 *
 * Markup: each item is li[data-qb-slot="<slot>"] (0, 1, … in the bank's order) holding a group
 * of radio buttons, each inside its label[data-qb-option] with its letter after it, whose
 * values are the descriptions' indices in the bank's list (the items'
 * matches in order, then the distractors). The descriptions' list and each item's radio
 * buttons are in the order the page gives them, put in a new order for each learner unless
 * the question pins it (attempt.js), and lettered again here (`arranged`).
 * Answer key (render.py writes it): data-qb-answer="<index> <index> …", for each slot the index
 * of its match; as the matches come first in the item's order, it reads "0 1 2 …". */

import { all } from "../dom.js";
import { LETTERS, SOURCES } from "./interaction.js";
import { choose, chosen, gradeSlots, slotKey } from "./slots.js";

/** A description's letter by its place in the list: A, B, …, then numbers (as the page's). */
const letter = (/** @type {number} */ place) =>
  place < 26 ? String.fromCharCode(65 + place) : String(place + 1);

/** @type {import("./index.js").QuestionType} */
export default {
  read: chosen,
  restore: choose,
  parseKey: slotKey,
  grade: gradeSlots,
  empty: "Choose a letter for every item first.",
  part: "slot",
  shuffle: true /* the descriptions, and each item's letters with them */,
  /* Letter the descriptions and each item's radio buttons again, in their new order. */
  arranged(question) {
    all(".qb-match__letter", question).forEach((node, place) => {
      node.textContent = letter(place);
    });
    all(".qb-match__choices", question).forEach((choices) =>
      all("label", choices).forEach((label, place) => {
        const text = label.querySelector("input")?.nextSibling; /* the letter, after the button */
        if (text) text.textContent = letter(place);
      })
    );
  },
  /* SCORM's matching: source.target pairs, sources by slot, targets by description. */
  scorm(answer, key) {
    const pair = (/** @type {number} */ slot, /** @type {string | undefined} */ target) =>
      SOURCES.charAt(slot) + "." + LETTERS.charAt(parseInt(target ?? "", 10));
    return {
      type: "matching",
      response: key.map((_, slot) => pair(slot, answer[slot])).join(","),
      pattern: key.map((match, slot) => pair(slot, match)).join(",")
    };
  }
};
