// Orders and draws from a seed: the same every time for a seed, different for another.
import assert from "node:assert/strict";
import { test } from "node:test";

import { draw, newSeed, random, shuffled } from "../../plugins/quizbank/assets/src/draw.js";

const ids = ["a", "b", "c", "d", "e", "f", "g", "h"];

test("a seed and a salt give the same numbers every time, in [0, 1)", () => {
  const first = random(7, "q1");
  const again = random(7, "q1");
  const numbers = Array.from({ length: 50 }, () => first());
  assert.deepEqual(numbers, Array.from({ length: 50 }, () => again()));
  assert.ok(numbers.every((n) => n >= 0 && n < 1));
  assert.notDeepEqual(numbers.slice(0, 5), Array.from({ length: 5 }, random(7, "q2")));
});

test("a shuffle keeps every item, is fixed by its seed, and differs between seeds", () => {
  const order = shuffled(ids, 1, "q");
  assert.deepEqual([...order].sort(), ids);
  assert.deepEqual(shuffled(ids, 1, "q"), order);
  const orders = new Set(Array.from({ length: 20 }, (_, seed) => shuffled(ids, seed, "q").join()));
  assert.ok(orders.size > 15, "seeds give different orders");
  assert.deepEqual(ids, ["a", "b", "c", "d", "e", "f", "g", "h"], "the list is not changed");
});

test("every place is about as likely for an item", () => {
  const firsts = {};
  for (let seed = 0; seed < 4000; seed += 1) {
    const [first] = shuffled(["a", "b", "c", "d"], seed, "q");
    firsts[first] = (firsts[first] || 0) + 1;
  }
  for (const count of Object.values(firsts)) assert.ok(count > 850 && count < 1150, String(count));
});

test("a draw takes as many as asked, in the ids' order, the same for a seed", () => {
  const drawn = draw(ids, 3, 11);
  assert.equal(drawn.length, 3);
  assert.deepEqual(drawn, ids.filter((id) => drawn.includes(id)));
  assert.deepEqual(draw(ids, 3, 11), drawn);
  assert.deepEqual(draw(ids, 20, 11), ids, "never more than there are");
});

test("a draw keeps what an earlier one drew while it is still there, and tops it up", () => {
  assert.deepEqual(draw(ids, 3, 99, ["b", "g", "e"]), ["b", "e", "g"]);
  const topped = draw(ids, 3, 99, ["b", "gone", 4]);
  assert.equal(topped.length, 3);
  assert.ok(topped.includes("b"));
  assert.ok(!topped.includes("gone"));
  assert.deepEqual(draw(ids, 2, 99, ["a", "b", "c"]), ["a", "b"], "a smaller draw keeps the first");
});

test("new seeds are whole numbers that differ", () => {
  const seeds = new Set(Array.from({ length: 10 }, newSeed));
  assert.ok(seeds.size > 1);
  for (const seed of seeds) assert.ok(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32);
});

test("a new set takes the questions the last one did not, as far as they go", () => {
  const last = draw(ids, 3, 5);
  const next = draw(ids, 3, 6, [], last);
  assert.equal(next.length, 3);
  assert.ok(next.every((id) => !last.includes(id)));
  const five = ["a", "b", "c", "d", "e"];
  const fresh = draw(five, 3, 6, [], ["a", "b", "c"]);
  assert.ok(fresh.includes("d") && fresh.includes("e"), "both unseen ones are in");
});
