// @ts-check
/* What the later scripts (questions.js, pages.js) use of the core's modules, published by
 * quizbank.js as window.quizbank.core: build.mjs resolves their imports of these modules to
 * these very instances, so that no module (storage.js's state) is ever twice on a page. Each
 * line names what they import from one of the core's modules, no more; a module named here is
 * in the core (so name none of the later scripts' own). */

export { BLOCKS, QUIZ, SELF, all, announce, button, copy, download, liveRegion, make, one, the } from "./dom.js";
export { csv, day, describeScore, isoDay, plural, space } from "./format.js";
export { later } from "./later.js";
export { ATTEMPTS, clean, kindOf, mergeAttempts, validKey } from "./records.js";
export { ROOT, pageTitle, pathOf } from "./site.js";
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
