import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ballVolume, chunkValue, layoutFor, planFor, probeMasks } from './chunk-plan.ts';
import { popcount32 } from '../pdq/index.ts';

test('every plan satisfies the pigeonhole condition for every threshold and size', () => {
  for (const n of [1, 100, 4096, 20_000, 1_000_000, 10_000_000, 100_000_000]) {
    const layout = layoutFor(n);
    assert.ok(layout.bits * layout.count <= 256 && layout.count >= 1);
    for (let t = 0; t <= 256; t++) {
      const plan = planFor(layout, n, t);
      const covered = layout.bits * layout.count;
      const sum = [...plan.radii].reduce((s, r) => s + r + 1, 0);
      // Some chunk is within its radius whenever the distance over the covered bits is ≤ t.
      assert.ok(sum >= Math.min(t, covered) + 1, `n ${n} t ${t}: sum(r+1) ${sum}`);
      assert.ok(plan.radii.every((r) => r >= -1));
    }
  }
});

test('the default threshold probes at 10M hashes rather than scanning, and huge thresholds scan', () => {
  const layout = layoutFor(10_000_000);
  assert.deepEqual(layout, { bits: 23, count: 11 });
  const plan = planFor(layout, 10_000_000, 31);
  assert.equal(plan.scan, false);
  assert.ok(plan.probes < 5000 && plan.candidates < 5000, JSON.stringify(plan));
  assert.equal(planFor(layout, 10_000_000, 200).scan, true);
});

test('probe masks are exactly the values within the radius, each once', () => {
  for (const [bits, radius] of [[8, 0], [8, 1], [10, 3], [12, 2]] as const) {
    const masks = probeMasks(bits, radius);
    assert.equal(masks.length, ballVolume(bits, radius));
    assert.equal(new Set(masks).size, masks.length);
    for (const m of masks) assert.ok(m < 2 ** bits && popcount32(m) <= radius);
  }
});

test('chunk values cover the hash bits, including chunks that straddle two words', () => {
  const words = new Uint32Array(8);
  const bits = 23;
  for (let bit = 0; bit < 23 * 11; bit++) {
    words.fill(0);
    words[bit >>> 5] = (1 << (bit & 31)) >>> 0;
    const chunk = Math.floor(bit / bits);
    assert.equal(chunkValue(words, 0, bits, chunk), 2 ** (bit % bits), `bit ${bit}`);
    for (let c = 0; c < 11; c++) if (c !== chunk) assert.equal(chunkValue(words, 0, bits, c), 0);
  }
});
