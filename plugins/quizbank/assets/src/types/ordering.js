// @ts-check
/* Ordering: the items shown in a fixed shuffled order, each with a drop-down of places.
 *
 * Markup: each item is li[data-qb-slot="<slot>"] (0, 1, … in the page's order) with a select
 * whose values are places "1" to "<n>" ("" until one is chosen).
 * Answer key (render.py writes it): data-qb-answer="<place> <place> …", for each slot in the
 * page's order the right place of the item shown there, such as "3 1 2": the first item shown
 * goes third. */

import { letters } from "./interaction.js";
import { gradeSlots, selected, slotKey } from "./slots.js";

/** @type {import("./index.js").QuestionType} */
export default {
  read: selected,
  parseKey: slotKey,
  grade: gradeSlots,
  empty: "Give every item a place first.",
  part: "slot",
  shuffle: false,
  /* SCORM's sequencing: the items (lettered by their right place) in the order the learner put
   * them; the pattern is the right order. */
  scorm(answer, key) {
    const sequence = [];
    for (let place = 1; place <= key.length; place += 1) {
      const slot = answer.indexOf(String(place));
      if (slot >= 0) sequence.push(parseInt(key[slot], 10) - 1);
    }
    const order = key.map((_, index) => index);
    return { type: "sequencing", response: letters(sequence), pattern: letters(order) };
  }
};

