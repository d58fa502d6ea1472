// @ts-check
/* Keeping the learner's work: on the data page, ask the browser to keep this site's storage
 * until the learner deletes it (navigator.storage.persist), and say whether it agreed
 * (sentences in the page's HTML) and how much the site uses (navigator.storage.estimate).
 * Where the browser cannot be asked, that part of the page stays hidden. */

import { the } from "./dom.js";
import { space } from "./format.js";

/**
 * Say whether the browser keeps the work, and how much the site stores.
 * @param {HTMLElement} block
 * @param {boolean} kept
 */
async function tell(block, kept) {
  const line = the(".qb-data__kept", block);
  const usage = (await navigator.storage.estimate?.().catch(() => null))?.usage;
  line.textContent =
    line.dataset[kept ? "qbYes" : "qbNo"] + (usage == null ? "" : ` This site uses ${space(usage)}.`);
}

/**
 * Offer to keep the work where the browser can be asked; say so if it already does.
 * @param {HTMLElement} block
 */
export async function showKeep(block) {
  if (!navigator.storage?.persist) return;
  the(".qb-data__keep", block).hidden = false;
  if (await navigator.storage.persisted?.().catch(() => false)) tell(block, true);
}

/**
 * Ask the browser to keep the work, and say what it answered.
 * @param {HTMLElement} block
 */
export const keepWork = async (block) =>
  tell(block, await navigator.storage.persist().catch(() => false));
