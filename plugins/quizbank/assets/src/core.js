// @ts-check
/* What the page script (pages.js) uses of the core's modules, published by quizbank.js as
 * window.quizbank.core: build.mjs resolves the page script's imports of these modules to
 * these very instances, so that no module (storage.js's state, attempt.js's) is ever twice on
 * a page. Each line names what the page script imports from one module, no more: everything
 * named here stays in the core. */

export { arrange, number } from "./attempt.js";
export { all, announce, copy, download, make, one, the } from "./dom.js";
export { newSeed } from "./draw.js";
export { csv, day, describeScore, isoDay, plural, space } from "./format.js";
export { setUpHints } from "./hints.js";
export { ATTEMPTS, clean, kindOf, mergeAttempts, validKey } from "./records.js";
export { reviewKey } from "./review.js";
export { isDue, missed, reviewed } from "./schedule.js";
export { assess, rating, resultKey, scale } from "./self.js";
export { ROOT, pageTitle } from "./site.js";
export {
  PREFIX,
  forget,
  forgetUnreadable,
  keys,
  raw,
  read,
  records,
  write,
  writeAll
} from "./storage.js";
