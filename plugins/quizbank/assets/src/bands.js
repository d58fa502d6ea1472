// @ts-check
/* Which result band a self-assessment's answers fall in, by the bank's rule. No page needed:
 * node's test runner loads this file. */

/**
 * A band as the page declares it: `when` (data-qb-when) for the "most answers" rule, the
 * lowest and highest total (data-qb-min, data-qb-max) for the "total" rule.
 * @typedef {{ when?: string | undefined, min: number, max: number }} Band
 */

/**
 * Return the index of the band a result falls in, or -1.
 * - rule "total": the first band whose range holds the total score;
 * - otherwise ("most"): the band for the point of the scale rated most often; a tie goes to
 *   the lower-scoring point, or the higher one when `ties` is "higher".
 * @param {{ rule?: string | undefined, ties?: string | undefined }} how the bank's rule and its way with ties
 * @param {Band[]} bands
 * @param {Record<string, number>} counts how many items were rated at each point
 * @param {Record<string, number>} scores each point's score
 * @param {number} total the sum of the scores
 */
export function findBand({ rule, ties }, bands, counts, scores, total) {
  if (rule === "total") {
    return bands.findIndex((band) => total >= band.min && total <= band.max);
  }
  const most = Math.max(...Object.values(counts));
  const lower = ties !== "higher";
  const tied = Object.keys(counts)
    .filter((id) => counts[id] === most)
    .sort((a, b) => (lower ? scores[a] - scores[b] : scores[b] - scores[a]));
  return bands.findIndex((band) => band.when === tied[0]);
}
