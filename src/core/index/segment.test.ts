import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planFor } from './chunk-plan.ts';
import { linearScan } from './linear-scan.ts';
import { MatchSink } from './match-sink.ts';
import { Segment } from './segment.ts';
import { XorShift32, clusteredHashes, nearDuplicate, randomHashes } from './synthetic-hashes.ts';

// The index picks a scan when probing would cost more; here probing is forced at every threshold so the
// multi-index path itself is proven exact, including radii ≥ 2 per chunk.
for (const [kind, make] of [['random', randomHashes], ['clustered', clusteredHashes]] as const) {
  test(`forced probing is exact against a linear scan (${kind})`, () => {
    const n = 6000;
    const words = make(n, 11);
    const ids = Uint32Array.from({ length: n }, (_, i) => i);
    const segment = Segment.build({ ids, words });
    const sink = new MatchSink();
    const rng = new XorShift32(12);
    for (const t of [0, 1, 15, 31, 32, 48, 64, 90]) {
      const plan = { ...planFor(segment.layout, n, t), scan: false };
      for (let k = 0; k < 12; k++) {
        const flips = [t, t + 1, Math.max(0, t - 1), rng.below(t + 2)][k % 4]!;
        const q = k % 6 === 5 ? randomHashes(1, 100 + k) : nearDuplicate(words, rng.below(n) * 8, flips, rng);
        sink.reset();
        segment.query(q, t, sink, plan);
        const got = sink.finish().map((m) => `${m.id}:${m.distance}`);
        const expected = linearScan(words, q, t).map((m) => `${m.index}:${m.distance}`);
        assert.deepEqual(got, expected, `t ${t} query ${k}`);
      }
    }
  });
}

test('tombstoned slots are skipped and liveEntries drops them', () => {
  const words = randomHashes(100, 3);
  const ids = Uint32Array.from({ length: 100 }, (_, i) => i * 2);
  const segment = Segment.build({ ids, words });
  assert.equal(segment.liveSlotOf(20), 10);
  assert.equal(segment.liveSlotOf(21), -1);
  segment.kill(10);
  assert.equal(segment.liveSlotOf(20), -1);
  assert.equal(segment.live, 99);
  const sink = new MatchSink();
  segment.query(words.subarray(80, 88), 0, sink);
  assert.deepEqual(sink.finish(), []);
  assert.ok(!segment.liveEntries().ids.includes(20));
  assert.equal(segment.liveEntries().ids.length, 99);
});
