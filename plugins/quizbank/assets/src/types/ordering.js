// @ts-check
/* Ordering: a numbered list whose items move up and down, so it always holds every item once.
 *
 * Markup: ol.qb-order of li.qb-order__item[data-qb-item="<n>"], n numbering the items as the
 * page first shows them (0, 1, …, in a fixed shuffled order), its text in .qb-order__text.
 * `setUp` gives each item a toolbar of a Move up and a Move down button (data-qb-action
 * "move-up" / "move-down"), and the list a live region saying where an item went: the page has
 * neither, as they do nothing without this script. li[data-qb-slot] is the item's
 * place now, kept up to date as items move, so marks go on whatever item holds a place. The
 * list's data-qb-moved="true" says the learner has arranged it: until then it is unanswered.
 * Answer: the items' data-qb-item numbers in the order the list holds them.
 * Answer key (types/ordering.py writes it): data-qb-answer="<n> <n> …", the right sequence in
 * the same numbers, such as "1 2 0": the item shown second goes first. */

import { button, make } from "../dom.js";
import { letters } from "./interaction.js";
import { gradeSlots, slotKey } from "./slots.js";

const ITEM = ".qb-order__item";

/**
 * The list's items, in the order it holds them.
 * @param {Element} question
 * @returns {HTMLElement[]}
 */
const itemsOf = (question) => [...question.querySelectorAll(ITEM)].map((item) => /** @type {HTMLElement} */ (item));

/**
 * An item's two move buttons: up, then down.
 * @param {Element} item
 * @returns {HTMLElement[]}
 */
const movesOf = (item) =>
  [...item.querySelectorAll(".qb-order__move")].map((button) => /** @type {HTMLElement} */ (button));

/**
 * Make one of an item's move buttons its stop for the Tab key.
 * @param {HTMLElement[]} buttons
 * @param {number} chosen
 */
function stopAt(buttons, chosen) {
  buttons.forEach((button, index) => {
    button.tabIndex = index === chosen ? 0 : -1;
  });
}

/**
 * Number the places again, and say which moves cannot go further (the first item cannot go up,
 * the last cannot go down). Those buttons stay focusable, so focus is never lost; but an item's
 * stop for the Tab key, unless it has the focus, is a button that can move it.
 * @param {HTMLElement[]} items
 */
function settle(items) {
  items.forEach((item, place) => {
    item.dataset.qbSlot = String(place);
    const buttons = movesOf(item);
    const stuck = [place === 0, place === items.length - 1];
    buttons.forEach((button, index) => button.setAttribute("aria-disabled", String(stuck[index])));
    const stop = buttons.findIndex((button) => button.tabIndex === 0);
    if (stop >= 0 && stuck[stop] && document.activeElement !== buttons[stop]) {
      stopAt(buttons, 1 - stop);
    }
  });
}

/**
 * The arrow keys (and Home and End) go from one of an item's move buttons to the other.
 * @param {KeyboardEvent} event
 */
export function onKey(event) {
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.matches(".qb-order__move")) return;
  const step = { ArrowLeft: -1, ArrowRight: 1, Home: -2, End: 2 }[event.key];
  if (step === undefined) return;
  const buttons = movesOf(/** @type {Element} */ (target.closest(ITEM)));
  const index = buttons.indexOf(target);
  const next =
    step === -2 ? 0 : step === 2 ? buttons.length - 1 : (index + step + buttons.length) % buttons.length;
  event.preventDefault();
  stopAt(buttons, next);
  buttons[next].focus();
}

/**
 * Put a list's items in an order given by their data-qb-item numbers.
 * @param {Element} question
 * @param {string[]} order
 */
function arrange(question, order) {
  const items = itemsOf(question);
  const list = items[0]?.parentElement;
  if (!list) return;
  const byId = new Map(items.map((item) => [item.dataset.qbItem, item]));
  const sorted = order.map((id) => /** @type {HTMLElement} */ (byId.get(id)));
  list.append(...sorted); /* one move, not one each */
  settle(sorted);
}

/**
 * Whether an answer is the same items as the list holds, each once.
 * @param {Element} question
 * @param {string[]} answer
 */
const fits = (question, answer) => {
  const ids = itemsOf(question).map((item) => String(item.dataset.qbItem));
  return answer.length === ids.length && [...answer].sort().join(" ") === [...ids].sort().join(" ");
};

/**
 * Move the item whose button was pressed one place up (step -1) or down (+1), keeping focus
 * on the button, and say where it went. Return its question, or null when it could not move.
 * @param {HTMLElement} control
 * @param {number} step
 * @returns {HTMLElement | null}
 */
export function move(control, step) {
  /** @type {HTMLElement | null} */
  const question = control.closest(".qb-question");
  const item = control.closest(ITEM);
  if (!question || !item) return null;
  const items = itemsOf(question);
  const from = items.indexOf(/** @type {HTMLElement} */ (item));
  const to = from + step;
  const status = question.querySelector(".qb-order__status");
  const name = item.querySelector(".qb-order__text")?.textContent ?? "";
  if (to < 0 || to >= items.length) {
    if (status) status.textContent = `${name} is already ${to < 0 ? "first" : "last"}.`;
    return null;
  }
  [items[from], items[to]] = [items[to], items[from]];
  arrange(question, items.map((each) => String(each.dataset.qbItem)));
  const list = /** @type {HTMLElement} */ (item.parentElement);
  list.dataset.qbMoved = "true";
  const buttons = movesOf(item);
  stopAt(buttons, buttons.indexOf(control));
  control.focus();
  if (status) status.textContent = `${name} moved to place ${to + 1} of ${items.length}.`;
  return question;
}

/** @type {import("./index.js").QuestionType} */
export default {
  read: (question) =>
    question.querySelector(".qb-order[data-qb-moved='true']")
      ? itemsOf(question).map((item) => String(item.dataset.qbItem))
      : [],
  restore: (question, answer) => {
    if (!fits(question, answer)) return;
    arrange(question, answer);
    question.querySelector(".qb-order")?.setAttribute("data-qb-moved", "true");
  },
  clear: (question) => {
    const items = itemsOf(question);
    arrange(question, items.map((_, index) => String(index)));
    question.querySelector(".qb-order")?.removeAttribute("data-qb-moved");
  },
  parseKey: slotKey,
  grade: gradeSlots,
  empty: "Move the items into order first.",
  setUp(question) {
    const items = itemsOf(question);
    for (const item of items) {
      const bar = make("span", "qb-order__moves", null, item);
      bar.setAttribute("role", "toolbar");
      bar.setAttribute("aria-labelledby", item.querySelector(".qb-order__text")?.id ?? "");
      button(bar, "move-up", "Move up", "qb-order__move qb-order__move--up");
      bar.append(" ");
      button(bar, "move-down", "Move down", "qb-order__move qb-order__move--down");
      stopAt(movesOf(item), 0); /* Move up is an item's stop for the Tab key, but the first's */
    }
    settle(items);
    const status = make("p", "qb-order__status qb-sr-only");
    status.setAttribute("aria-live", "polite");
    question.querySelector(".qb-order")?.after(status);
  },
  part: "slot",
  shuffle: false,
  /* SCORM's sequencing: the items (lettered by their right place) in the order the learner put
   * them; the pattern is the right order. */
  scorm: (answer, key) => ({
    type: "sequencing",
    response: letters(answer.map((item) => key.indexOf(item))),
    pattern: letters(key.map((_, place) => place))
  })
};
