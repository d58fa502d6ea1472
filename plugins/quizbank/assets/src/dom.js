// @ts-check
/* Small helpers for the page: finding elements, making them (text always as text), offering a
 * file to save, telling listeners what happened, and the blocks this script sets up. */

/* The blocks that hold questions: quizzes and self-assessments. */
export const QUIZ = ".qb-quiz";
export const SELF = ".qb-self";
export const BLOCKS = `${QUIZ}, ${SELF}`;

/**
 * Return every element within `within` (the document by default) that matches a selector.
 * @template {Element} [T=HTMLElement]
 * @param {string} selector
 * @param {ParentNode} [within]
 * @returns {T[]}
 */
export const all = (selector, within = document) =>
  /** @type {T[]} */ ([...within.querySelectorAll(selector)]);

/**
 * Return the first element that matches a selector, or null.
 * @template {Element} [T=HTMLElement]
 * @param {string} selector
 * @param {ParentNode} [within]
 * @returns {T | null}
 */
export const one = (selector, within = document) =>
  /** @type {T | null} */ (within.querySelector(selector));

/**
 * Return the element that matches a selector, one the rendered HTML always has; throw (as
 * using a missing one would) with its selector when the markup is not what we render.
 * @template {Element} [T=HTMLElement]
 * @param {string} selector
 * @param {ParentNode} [within]
 * @returns {T}
 */
export function the(selector, within = document) {
  const found = /** @type {T | null} */ (within.querySelector(selector));
  if (!found) throw new Error(`quizbank: no ${selector} where one was expected`);
  return found;
}

/**
 * Create an element; its text is always set as text, never parsed as markup.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string | null} [className]
 * @param {string | number | null} [text]
 * @param {Element} [parent]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function make(tag, className, text, parent) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  parent?.append(node);
  return node;
}

/**
 * Make a button the script acts on, by its data-qb-action.
 * @param {Element} parent
 * @param {string} action
 * @param {string} label
 * @param {string} [className]
 */
export function button(parent, action, label, className = "qb-button") {
  const made = make("button", className, label, parent);
  made.type = "button";
  made.dataset.qbAction = action;
  return made;
}

/**
 * Make an empty region whose changes screen readers announce.
 * @param {string} className
 * @param {Element} [parent]
 */
export function liveRegion(className, parent) {
  const region = make("div", className, null, parent);
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  return region;
}

/**
 * Return a deep copy of a node, of the same type.
 * @template {Node} T
 * @param {T} node
 * @returns {T}
 */
export const copy = (node) => /** @type {T} */ (node.cloneNode(true));

/**
 * Offer text to the learner as a file to save; nothing goes over the network.
 * @param {string} name
 * @param {string} type
 * @param {string} text
 */
export const download = (name, type, text) =>
  Object.assign(make("a"), {
    download: name,
    href: URL.createObjectURL(new Blob([text], { type }))
  }).click();

/**
 * Tell listeners (progress, an LMS bridge) what happened: `quizbank:<name>` on the element,
 * bubbling to the document.
 * @param {Element} element
 * @param {string} name
 * @param {object} detail
 */
export const announce = (element, name, detail) =>
  element.dispatchEvent(new CustomEvent("quizbank:" + name, { bubbles: true, detail }));

/**
 * Leave a mark in the page's performance timeline, for benchmarks and DevTools.
 * @param {string} name
 */
export function mark(name) {
  if (window.performance && typeof window.performance.mark === "function") {
    window.performance.mark(name);
  }
}
