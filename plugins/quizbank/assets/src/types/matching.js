// @ts-check
/* Matching: each item with a drop-down of descriptions (the items' matches and distractors).
 *
 * Markup: each item is li[data-qb-slot="<slot>"] (0, 1, … in the bank's order) with a select
 * whose values are the descriptions' indices in the bank's list (the items' matches in order,
 * then the distractors), in the order the page gives them, shuffled again for each learner
 * unless the question pins it ("" until one is chosen).
 * Answer key (render.py writes it): data-qb-answer="<index> <index> …", for each slot the index
 * of its match; as the matches come first in the item's order, it reads "0 1 2 …". */

import { LETTERS, SOURCES } from "./interaction.js";
import { gradeSlots, selected, slotKey } from "./slots.js";

/** @type {import("./index.js").QuestionType} */
export default {
  read: selected,
  parseKey: slotKey,
  grade: gradeSlots,
  empty: "Choose a match for every item first.",
  part: "slot",
  shuffle: true, /* the descriptions in the drop-downs */
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
