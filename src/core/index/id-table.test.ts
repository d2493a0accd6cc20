import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdTable } from './id-table.ts';
import { XorShift32 } from './synthetic-hashes.ts';

test('IdTable agrees with a Map under random sets and deletes, across growth', () => {
  const rng = new XorShift32(42);
  const table = new IdTable(4);
  const model = new Map<number, number>();
  for (let step = 0; step < 60_000; step++) {
    // A small key space forces collisions, long probe runs and backward shifts.
    const id = step % 3 === 0 ? rng.next() : rng.below(5000) * 65536;
    const op = rng.below(3);
    if (op === 0) {
      table.set(id, step);
      model.set(id, step);
    } else if (op === 1) {
      assert.equal(table.putIfAbsent(id, step), model.get(id) ?? -1);
      if (!model.has(id)) model.set(id, step);
    } else {
      assert.equal(table.delete(id), model.delete(id));
    }
    if (step % 1000 === 0) for (const [k, v] of model) assert.equal(table.get(k), v);
  }
  assert.equal(table.size, model.size);
  for (const [k, v] of model) assert.equal(table.get(k), v);
  assert.equal(table.get(0xffffffff), model.get(0xffffffff) ?? -1);
});
