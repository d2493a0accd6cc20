// Robust query variants: the plain hash is untouched (bit-identical to pdqFromPixels and to the reference's
// vectors), candidates are deterministic, and framed, cropped or mirrored copies of benign generated
// pictures come back within the match threshold of the original through the variant built for them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { sharedDataPath } from '../../../scripts/shared-data-dir.ts';
import { decodeImage } from '../../media/decode-image.ts';
import { renderTestPattern } from '../../matching/test-patterns.ts';
import { seededRandom } from '../seeded-random.ts';
import { hammingDistance } from './hamming.ts';
import { pdqFromPixels } from './pdq-hash.ts';
import { allRobustOptions, defaultRobustOptions, describeVariant, pdqRobustFromPixels, resolveRobust, uncropCandidates } from './robust-variants.ts';
import { uncrop64 } from './uncrop.ts';

/** A benign picture: smooth coloured waves with a few soft discs, RGB. */
function picture(width: number, height: number, seed: number): Uint8Array {
  const r = seededRandom(seed);
  const waves = Array.from({ length: 4 }, () => ({ fx: 0.5 + r() * 3, fy: 0.5 + r() * 3, p: r() * 6.28, a: 25 + r() * 30 }));
  const discs = Array.from({ length: 4 }, () => ({ x: r(), y: r(), s: 0.06 + r() * 0.1, v: (r() - 0.5) * 160 }));
  const px = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [u, w] = [x / width, y / height];
      let v = waves.reduce((s, q) => s + q.a * Math.sin((u * q.fx + w * q.fy) * 6.28 + q.p), 128);
      for (const d of discs) v += d.v * Math.exp(-((u - d.x) ** 2 + (w - d.y) ** 2) / (2 * d.s * d.s));
      const i = (y * width + x) * 3;
      px[i] = clamp(v);
      px[i + 1] = clamp(v * 0.8 + 30);
      px[i + 2] = clamp(220 - v * 0.6);
    }
  }
  return px;
}
const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

async function transformed(px: Uint8Array, width: number, height: number, op: (s: ReturnType<typeof sharp>) => ReturnType<typeof sharp>) {
  const { data, info } = await op(sharp(Buffer.from(px), { raw: { width, height, channels: 3 } })).raw().toBuffer({ resolveWithObject: true });
  return { pixels: new Uint8Array(data), width: info.width, height: info.height };
}

const [W, H] = [480, 360];

describe('robust query variants', () => {
  test('the plain hash is bit-identical to pdqFromPixels and to the reference vectors', async () => {
    for (const seed of [1, 2, 3]) {
      const px = picture(W, H, seed);
      assert.equal(pdqRobustFromPixels(px, W, H, 3, allRobustOptions).hash, pdqFromPixels(px, W, H, 3).hash);
    }
    const dir = sharedDataPath('data/pdq');
    const expected = new Map(readFileSync(join(dir, 'expected.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).map((c) => [c[0]!, c[1]!]));
    for (const file of ['reg-test-input/dih/bridge-1-original.jpg', 'reg-test-input/pen-and-coaster.png', 'misc-images/wee.jpg', 'reg-test-input/labelme-subset/q0291.jpg']) {
      // The project's decoder gives the reference's exact pixels (see test/pdq-conformance.test.ts).
      const img = await decodeImage(join(dir, file));
      const r = pdqRobustFromPixels(img.pixels, img.width, img.height, img.channels, defaultRobustOptions);
      assert.equal(r.hash, expected.get(file), file);
    }
  });

  test('candidates are deterministic: same names, order and hashes on every call', () => {
    const a = picture(W, H, 4);
    const other = picture(300, 200, 5);
    const first = pdqRobustFromPixels(a, W, H, 3, allRobustOptions);
    pdqRobustFromPixels(other, 300, 200, 3, allRobustOptions); // scratch buffers are reused between calls
    const second = pdqRobustFromPixels(a, W, H, 3, allRobustOptions);
    assert.deepEqual(second, first);
    const names = first.variants.map((v) => v.name);
    assert.deepEqual(names.slice(0, 7), ['rotate90', 'rotate180', 'rotate270', 'flipx', 'flipy', 'flipplus1', 'flipminus1']);
    assert.deepEqual(names.slice(7, 7 + Object.keys(uncropCandidates).length), Object.keys(uncropCandidates));
    assert.ok(first.variants.every((v) => /^[0-9a-f]{64}$/.test(v.hash)));
  });

  test('an un-crop that keeps everything reproduces the picture exactly', () => {
    const r = seededRandom(9);
    const a = new Float32Array(64 * 64).map(() => r() * 255);
    const out = new Float32Array(64 * 64);
    for (const alignX of [0, 0.5, 1] as const) {
      uncrop64(a, { scaleX: 1, scaleY: 1, alignX, alignY: 0.5, fill: 'reflect' }, out);
      for (let i = 0; i < a.length; i++) assert.ok(Math.abs(out[i]! - a[i]!) < 1e-3, `pixel ${i}`);
    }
  });

  test('a bordered copy matches its original through "trimmed"; the plain hash does not', async () => {
    for (const [seed, background] of [[6, '#000000'], [7, '#ffffff'], [8, '#2a5ca8']] as const) {
      const px = picture(W, H, seed);
      const original = pdqFromPixels(px, W, H, 3).hash;
      const b = await transformed(px, W, H, (s) => s.extend({ top: 36, bottom: 36, left: 48, right: 48, background }));
      const r = pdqRobustFromPixels(b.pixels, b.width, b.height, 3);
      assert.ok(hammingDistance(r.hash, original) > 31, 'the plain hash misses a bordered copy');
      const trimmed = r.variants.find((v) => v.name === 'trimmed');
      assert.ok(trimmed, `a border was found (${background})`);
      assert.deepEqual(trimmed.rect, { x: 48, y: 36, width: W, height: H });
      assert.ok(hammingDistance(trimmed.hash, original) <= 10, `trimmed distance ${hammingDistance(trimmed.hash, original)}`);
    }
  });

  test('a mirrored copy matches through flipy, a 5% crop through an un-crop candidate', async () => {
    let uncropped = 0;
    const plainCropped: number[] = [];
    for (const seed of [10, 11, 12, 13]) {
      const px = picture(W, H, seed);
      const original = pdqFromPixels(px, W, H, 3).hash;
      const mirrored = await transformed(px, W, H, (s) => s.flop());
      const m = pdqRobustFromPixels(mirrored.pixels, W, H, 3);
      assert.ok(hammingDistance(m.variants.find((v) => v.name === 'flipy')!.hash, original) <= 31);
      const cropped = await transformed(px, W, H, (s) => s.extract({ left: 12, top: 9, width: W - 24, height: H - 18 }));
      const c = pdqRobustFromPixels(cropped.pixels, cropped.width, cropped.height, 3);
      const best = Math.min(...c.variants.filter((v) => v.name.startsWith('uncrop-')).map((v) => hammingDistance(v.hash, original)));
      if (best <= 31) uncropped++;
      plainCropped.push(hammingDistance(c.hash, original));
    }
    assert.ok(uncropped >= 3, `${uncropped} of 4 cropped copies matched (plain distances ${plainCropped.join(', ')})`);
  });

  test('a 5% crop, centred or of one side, matches through the full-resolution un-crop named for it', async () => {
    // [where, extract box keeping 95% of a 480×360 picture]: 456 = 95% of 480, 342 = 95% of 360.
    const crops: [string, { left: number; top: number; width: number; height: number }][] = [
      ['centre', { left: 12, top: 9, width: 456, height: 342 }],
      ['top', { left: 0, top: 18, width: W, height: 342 }],
      ['bottom', { left: 0, top: 0, width: W, height: 342 }],
      ['left', { left: 24, top: 0, width: 456, height: H }],
      ['right', { left: 0, top: 0, width: 456, height: H }],
    ];
    for (const [pattern, seed] of [['sunset', 40], ['tiles', 41]] as const) {
      const png = await renderTestPattern(pattern, seed, W, H);
      const o = await sharp(png).removeAlpha().raw().toBuffer();
      const original = pdqFromPixels(new Uint8Array(o), W, H, 3).hash;
      for (const [where, box] of crops) {
        const { data, info } = await sharp(png).removeAlpha().extract(box).raw().toBuffer({ resolveWithObject: true });
        const r = pdqRobustFromPixels(new Uint8Array(data), info.width, info.height, 3);
        const label = `${pattern}-${seed} cut ${where}`;
        assert.ok(hammingDistance(r.hash, original) > 31, `${label}: the plain hash misses (${hammingDistance(r.hash, original)})`);
        const own = r.variants.filter((v) => v.name === `uncrop-${where}-95-edge` || v.name === `uncrop-${where}-95-fade`);
        assert.equal(own.length, 2, `${label}: both fills are in the default set`);
        const best = own.reduce((a, v) => (hammingDistance(v.hash, original) < hammingDistance(a.hash, original) ? v : a));
        assert.ok(hammingDistance(best.hash, original) <= 31, `${label}: ${best.name} at ${hammingDistance(best.hash, original)}`);
        assert.match(describeVariant(best.name), where === 'centre' ? /^as if its edges had been cropped \(95% of each side kept\)$/ : new RegExp(`^as if its ${where} had been cropped \\(95% kept\\)$`));
      }
    }
  });

  test('an unrelated picture stays far from every variant of another', () => {
    const a = pdqRobustFromPixels(picture(W, H, 20), W, H, 3, allRobustOptions);
    const other = pdqFromPixels(picture(W, H, 21), W, H, 3).hash;
    for (const v of [{ name: 'plain', hash: a.hash }, ...a.variants]) assert.ok(hammingDistance(v.hash, other) > 31, v.name);
  });

  test('options resolve as documented and variants read as plain words', () => {
    assert.equal(resolveRobust(false), undefined);
    assert.equal(resolveRobust(true), defaultRobustOptions);
    assert.equal(resolveRobust(false, true)?.dihedral.length, 7);
    assert.equal(describeVariant('trimmed'), 'after trimming a border');
    assert.equal(describeVariant('flipy'), 'as a mirror image');
    assert.equal(describeVariant('uncrop-bottom-95-extend'), 'as if its bottom had been cropped (95% kept)');
    assert.equal(describeVariant('trimmed+uncrop-centre-95'), 'after trimming a border, as if its edges had been cropped (95% of each side kept)');
  });
});
