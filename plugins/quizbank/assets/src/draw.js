// @ts-check
/* Chance that repeats: orders and draws made from a seed, so a quiz looks the same to a
 * learner each time they open it until they start a new attempt (attempt.js keeps the seed).
 * No page needed: node's test runner loads this file. */

/**
 * A number from 0 to 2^32 for a text and a seed (FNV-1a, then mixed).
 * @param {string} text
 * @param {number} seed
 */
function hash(text, seed) {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Return a generator of numbers in [0, 1), the same every time for the same seed and salt
 * (mulberry32).
 * @param {number} seed
 * @param {string} salt what is being ordered, such as a question's id
 */
export function random(seed, salt) {
  let state = hash(salt, seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Return a copy of a list in an order fixed by a seed and a salt (Fisher-Yates).
 * @template T
 * @param {T[]} list
 * @param {number} seed
 * @param {string} salt
 */
export function shuffled(list, seed, salt) {
  const next = random(seed, salt);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Return `count` of the ids, in the ids' order: those kept first (an earlier draw's, while
 * they are still there), then others chosen by the seed, those of the last set after the rest
 * (so a new set is as new as it can be).
 * @param {string[]} ids every id a draw may take
 * @param {number} count
 * @param {number} seed
 * @param {unknown[]} [kept]
 * @param {unknown[]} [last]
 */
export function draw(ids, count, seed, kept = [], last = []) {
  const chosen = new Set(kept.filter((id) => ids.includes(String(id))).slice(0, count));
  const order = shuffled(ids, seed, "draw");
  for (const id of [...order.filter((id) => !last.includes(id)), ...order]) {
    if (chosen.size >= count) break;
    chosen.add(id);
  }
  return ids.filter((id) => chosen.has(id));
}

/** A new seed. */
export const newSeed = () => Math.floor(Math.random() * 4294967296);
