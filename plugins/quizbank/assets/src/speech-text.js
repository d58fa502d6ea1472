// @ts-check
/* Reading aloud, the pure part: a text cut into sentences, each as its start and end in the
 * text, without the spaces around it. No page needed: node's test runner loads this file. */

/**
 * Return where each sentence of a text starts and ends ([start, end), end exclusive).
 * Intl.Segmenter finds them where the browser has it; otherwise a sentence ends at ., ! or ?
 * (with any closing quotes or brackets) followed by a space.
 * @param {string} text
 * @param {string} [lang]
 * @param {boolean} [plain] split without Intl.Segmenter (for tests of the fallback)
 * @returns {[number, number][]}
 */
export function sentences(text, lang = "en", plain = false) {
  /** @type {[number, number][]} */
  const found = [];
  /**
   * @param {number} start
   * @param {number} end
   */
  const add = (start, end) => {
    while (start < end && /\s/.test(text.charAt(start))) start += 1;
    while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
    if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) found.push([start, end]);
  };
  if (!plain && typeof Intl === "object" && "Segmenter" in Intl) {
    const segmenter = new Intl.Segmenter(lang, { granularity: "sentence" });
    for (const { index, segment } of segmenter.segment(text)) add(index, index + segment.length);
    return found;
  }
  const end = /[.!?…]+["'”’)\]]*(?=\s|$)/gu;
  let start = 0;
  for (let match = end.exec(text); match; match = end.exec(text)) {
    add(start, match.index + match[0].length);
    start = match.index + match[0].length;
  }
  add(start, text.length);
  return found;
}
