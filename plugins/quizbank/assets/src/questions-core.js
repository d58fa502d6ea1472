// @ts-check
/* What the page script (pages.js) uses of the questions script's modules, published by
 * questions.js as window.quizbankQuestions.core: build.mjs resolves the page script's imports of
 * these modules to these very instances (attempt.js keeps the attempts drawn), as core.js does
 * for the core's. Each line names what the page script imports from one module, no more. */

export { arrange, number } from "./attempt.js";
export { newSeed } from "./draw.js";
export { setUpHints } from "./hints.js";
export { hold } from "./reveal.js";
export { reviewKey } from "./review.js";
export { isDue, missed, reviewed } from "./schedule.js";
export { assess, rating, resultKey, scale } from "./self.js";
