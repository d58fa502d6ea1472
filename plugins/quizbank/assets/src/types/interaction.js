// @ts-check
/* How SCORM 1.2 names answers in interactions: options and places as letters, sources of a
 * matching as digits then letters. Used by the types' `scorm` descriptions. */

export const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
export const SOURCES = "123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Return indices as SCORM letters, comma-separated; "" when one is not a usable index.
 * @param {(string | number)[]} indices
 */
export function letters(indices) {
  const out = [];
  for (const index of indices) {
    const n = parseInt(String(index), 10);
    if (isNaN(n) || n < 0 || n >= LETTERS.length) return "";
    out.push(LETTERS.charAt(n));
  }
  return out.join(",");
}
