// The "known content" of the scenario suite is a generated benign pattern: its PDQ hash is the bank entry, a
// re-exposed copy is the live frame. This test regenerates both and checks the committed hashes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadBankMatcher } from '../src/cli/commands/replay.ts';
import { parseEventLines } from '../src/core/guardian/index.ts';
import { hammingDistance, pdqFromPixels, PDQ_MATCH_THRESHOLD } from '../src/core/pdq/index.ts';

const scenarios = fileURLToPath(new URL('../scenarios/', import.meta.url));
const SIZE = 256;

/** Grey 256×256 patterns: rings plus diagonal waves; `frame` is the same scene darker with a fine ripple. */
function pattern(variant: 'bank' | 'frame' | 'other'): Uint8Array {
  const px = new Uint8Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let v = 128 + 60 * Math.sin(Math.hypot(x - SIZE / 2, y - SIZE / 2) / 6) + 50 * Math.sin((x + 2 * y) / 9);
      if (variant === 'frame') v = v * 0.9 + 20 + 8 * Math.sin(x * 1.7);
      if (variant === 'other') v = 128 + 90 * Math.sin(x / 11) * Math.sin(y / 17) + 30 * Math.cos((x - y) / 7);
      px[y * SIZE + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return px;
}

const hash = (v: 'bank' | 'frame' | 'other') => pdqFromPixels(pattern(v), SIZE, SIZE, 1).hash;

test('the committed bank hash is the PDQ hash of the generated pattern', () => {
  const csv = readFileSync(`${scenarios}banks/known-pattern.csv`, 'utf8').trim().split('\n');
  assert.equal(csv[0], 'hash,id,category');
  assert.equal(csv[1]!.split(',')[0], hash('bank'));
});

test('the scenario frames are the re-exposed pattern (a near match) and an unrelated pattern', async () => {
  const { matcher } = await loadBankMatcher(`${scenarios}banks/known-pattern.csv`);
  for (const name of ['r05-known-frame-adult-stream', 'r06-known-frame-child-stream']) {
    const { events } = parseEventLines(readFileSync(`${scenarios}${name}.jsonl`, 'utf8'));
    const frames = events.flatMap(({ event }) => (event.type === 'stream.frame' && event.pdq ? [event.pdq] : []));
    assert.deepEqual(frames, [hash('other'), hash('frame')], name);
  }
  const near = hammingDistance(hash('bank'), hash('frame'));
  assert.ok(near > 0 && near <= PDQ_MATCH_THRESHOLD, `near match at distance ${near}`);
  assert.equal(matcher(hash('frame'))[0]?.id, 'known-pattern-1');
  assert.deepEqual(matcher(hash('other')), []);
});
