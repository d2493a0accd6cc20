import assert from 'node:assert/strict';
import test from 'node:test';
import { sorted } from './sorted.ts';

const byKey = (a: { k: number }, b: { k: number }) => a.k - b.k;

test('an ordered array is returned as it is, without sorting', () => {
  const xs = [{ k: 1, id: 'a' }, { k: 1, id: 'b' }, { k: 2, id: 'c' }];
  let calls = 0;
  const out = sorted(xs, (a, b) => (calls++, byKey(a, b)));
  assert.equal(out, xs);
  assert.deepEqual(out.map((x) => x.id), ['a', 'b', 'c']);
  assert.equal(calls, 2, 'one comparison per neighbouring pair');
});

test('an array out of order is sorted in place, stably', () => {
  const xs = [{ k: 2, id: 'a' }, { k: 1, id: 'b' }, { k: 2, id: 'c' }, { k: 1, id: 'd' }];
  const out = sorted(xs, byKey);
  assert.equal(out, xs);
  assert.deepEqual(out.map((x) => x.id), ['b', 'd', 'a', 'c']);
});
