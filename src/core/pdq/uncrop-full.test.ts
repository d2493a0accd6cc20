import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dctMatrix } from './dct.ts';
import { dct64To16Fast } from './uncrop.ts';
import { fullUncropCandidates, originalGrid, planUncrop, sampleExtraFrom64, uncropCoefficients, uncropImage } from './uncrop-full.ts';

test("the original's grid: uncropped it is PDQ's own grid; a centred 95% crop loses the outer samples", () => {
  const plain = originalGrid(640, 1, 0.5);
  assert.deepEqual([...plain.index], Array.from({ length: 64 }, (_, k) => Math.trunc(((k + 0.5) * 640) / 64)));
  assert.ok(plain.inside.every((v) => v === 1));
  // 608 = 95% of 640: 16 px were cut on each side, so samples at 5 and 15 of the original are outside.
  const centre = originalGrid(608, 0.95, 0.5);
  assert.deepEqual([...centre.inside.slice(0, 3)], [0, 0, 1]);
  assert.deepEqual([...centre.inside.slice(61)], [1, 0, 0]);
  assert.equal(centre.index[0], 0, 'outside samples read the nearest edge');
  assert.equal(centre.index[63], 607);
  assert.equal(centre.index[2], 25 - 16, 'inside samples shift by the cut');
  // The bottom was cut (the kept part sat at the top): only the last samples are outside.
  const bottom = originalGrid(456, 0.95, 0);
  assert.deepEqual([...bottom.inside.slice(0, 60)].every((v) => v === 1), true);
  assert.equal(bottom.inside[63], 0);
});

test('a plan samples each position once and builds each candidate from its own grid', () => {
  const names = ['uncrop-centre-95-edge', 'uncrop-centre-95-fade', 'uncrop-top-95-edge', 'uncrop-left-95-edge', 'not-a-candidate'];
  const plan = planUncrop(64, 64, names);
  // The two fills of the centre share one placement.
  assert.deepEqual(plan.candidates.map((c) => c.names), [{ edge: names[0], fade: names[1] }, { edge: names[2] }, { edge: names[3] }]);
  assert.ok(plan.extra.cols.length <= 64 && new Set(plan.extra.cols).size === plan.extra.cols.length);
  // On a 64×64 picture whose value is its column index, each candidate's columns are the grid's indices.
  const image = new Float32Array(4096).map((_, i) => i % 64);
  sampleExtraFrom64(image, plan.extra);
  const out = new Float32Array(4096);
  uncropImage(plan, plan.candidates[1]!, out);
  assert.deepEqual([...out.subarray(0, 64)], Array.from({ length: 64 }, (_, k) => k), 'top cut: columns unchanged');
  const mean = uncropImage(plan, plan.candidates[0]!, out);
  const row = [...out.subarray(64 * 32, 64 * 33)];
  assert.deepEqual(row.slice(0, 3), [0, 0, 0], 'edge fill repeats the first column');
  assert.ok(row[10]! > 7 && row[10]! < 10);
  assert.ok(Math.abs(mean - 31.5) < 0.6, `mean of the inside samples ${mean}`);
});

test("'fade' coefficients equal the DCT of the faded image, computed in full", () => {
  const plan = planUncrop(200, 150, ['uncrop-centre-95-edge', 'uncrop-centre-95-fade', 'uncrop-bottom-95-fade', 'uncrop-right-95-fade']);
  // Smooth benign samples: a tilted wave.
  for (let i = 0; i < plan.extra.rows.length; i++) {
    for (let j = 0; j < plan.extra.cols.length; j++) {
      plan.extra.out[i * plan.extra.cols.length + j] = 128 + 60 * Math.sin(plan.extra.cols[j]! / 23 + plan.extra.rows[i]! / 31);
    }
  }
  const got = new Map<string, Float32Array>();
  uncropCoefficients(plan, (name, c) => got.set(name, Float32Array.from(c)));
  assert.deepEqual([...got.keys()], ['uncrop-centre-95-edge', 'uncrop-centre-95-fade', 'uncrop-bottom-95-fade', 'uncrop-right-95-fade']);
  for (const c of plan.candidates) {
    const image = new Float32Array(4096);
    const mean = uncropImage(plan, c, image);
    for (let i = 0; i < 64; i++) {
      for (let j = 0; j < 64; j++) if (c.insideY[i] === 0 || c.insideX[j] === 0) image[i * 64 + j] = 0.5 * (image[i * 64 + j]! + mean);
    }
    const full = new Float32Array(256);
    dct64To16Fast(image, dctMatrix, full);
    const fast = got.get(c.names.fade!)!;
    for (let k = 0; k < 256; k++) assert.ok(Math.abs(fast[k]! - full[k]!) < 1e-2, `${c.names.fade} coefficient ${k}: ${fast[k]} vs ${full[k]}`);
    // The fill matters: the faded candidate differs from the edge-filled one.
    if (c.names.edge !== undefined) assert.notDeepEqual(got.get(c.names.edge), fast);
  }
});

test('candidate names cover the centre and each side at 94, 95 and 96% kept, each with both fills', () => {
  assert.equal(Object.keys(fullUncropCandidates).length, 5 * 3 * 2);
  assert.deepEqual(fullUncropCandidates['uncrop-right-95-fade'], { scaleX: 0.95, scaleY: 1, alignX: 0, alignY: 0.5, fill: 'fade' });
});
