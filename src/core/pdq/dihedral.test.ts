import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dihedralNames, type DihedralName } from './dihedral.ts';
import { hammingDistance, pdqDihedralFromLuma, pdqDihedralFromPixels, pdqFromLuma } from './index.ts';

interface Image {
  luma: Float32Array;
  width: number;
  height: number;
}

/** An asymmetric picture: smooth waves of several frequencies and directions plus an off-centre blob. */
function asymmetric(width: number, height: number): Image {
  const luma = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const v = y / height;
      let l = 110 + 40 * Math.sin(5.1 * u + 2.3 * v + 0.4) + 30 * Math.sin(9.7 * u * v + 1.1 * v);
      l += 25 * Math.cos(13.3 * v - 3.1 * u) + 70 * Math.exp(-((u - 0.22) ** 2 + (v - 0.31) ** 2) * 30);
      luma[y * width + x] = Math.round(Math.max(0, Math.min(255, l)));
    }
  }
  return { luma, width, height };
}

/** The image turned or flipped as each dihedral variant describes (rotate90 = counter-clockwise). */
function transform(img: Image, name: DihedralName): Image {
  const { luma, width: w, height: h } = img;
  const swap = ['rotate90', 'rotate270', 'flipplus1', 'flipminus1'].includes(name);
  const nw = swap ? h : w;
  const nh = swap ? w : h;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] = {
        original: [x, y],
        rotate90: [y, w - 1 - x],
        rotate180: [w - 1 - x, h - 1 - y],
        rotate270: [h - 1 - y, x],
        flipx: [x, h - 1 - y],
        flipy: [w - 1 - x, y],
        flipplus1: [y, x],
        flipminus1: [h - 1 - y, w - 1 - x],
      }[name];
      out[ny! * nw + nx!] = luma[y * w + x]!;
    }
  }
  return { luma: out, width: nw, height: nh };
}

test('each dihedral variant is close to the hash of the turned or flipped image', () => {
  // 64x64 is hashed without blur, so the variants match the transformed pixels (up to float rounding);
  // other sizes go through the off-centre box filter and the sampling grid, which are not symmetric, so
  // they land some bits away (the reference's do too) but well inside the match threshold of 31.
  for (const [w, h, limit] of [[64, 64, 2], [384, 384, 12], [300, 200, 24]] as const) {
    const img = asymmetric(w, h);
    const { hashes, quality } = pdqDihedralFromLuma(img.luma, w, h);
    assert.ok(quality >= 50, `quality ${quality}`);
    assert.equal(hashes.original, pdqFromLuma(img.luma, w, h).hash);
    for (const name of dihedralNames) {
      const t = transform(img, name);
      const d = hammingDistance(hashes[name], pdqFromLuma(t.luma, t.width, t.height).hash);
      assert.ok(d <= limit, `${w}x${h} ${name}: distance ${d} > ${limit}`);
      if (name !== 'original') {
        // The pattern is asymmetric, so every variant really differs from the original.
        assert.ok(hammingDistance(hashes[name], hashes.original) > 40, `${name} too close to original`);
      }
    }
  }
});

test('tiny images give 8 zero hashes; the pixel entry point agrees with the luma one', () => {
  const tiny = pdqDihedralFromLuma(new Float32Array(12), 4, 3);
  assert.equal(tiny.quality, 0);
  assert.deepEqual(Object.keys(tiny.hashes), [...dihedralNames]);
  for (const name of dihedralNames) assert.equal(tiny.hashes[name], '0'.repeat(64));
  const img = asymmetric(90, 70);
  const pixels = Uint8Array.from(img.luma);
  assert.deepEqual(pdqDihedralFromPixels(pixels, 90, 70, 1), pdqDihedralFromLuma(img.luma, 90, 70));
});
