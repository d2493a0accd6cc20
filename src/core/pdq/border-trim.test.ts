// Border detection on generated pictures with known borders: every colour on every side and on all sides,
// a blurred-edge letterbox, a picture-in-picture inset, and pictures without any border.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../seeded-random.ts';
import { findContentRects, sampleLumaThumb, type Rect } from './border-trim.ts';
import { lumaFromPixels } from './luma-from-pixels.ts';

type Rgb = [number, number, number];

/** A textured benign picture (smooth waves plus fine noise), RGB. */
function picture(width: number, height: number, seed: number): Uint8Array {
  const r = seededRandom(seed);
  const waves = Array.from({ length: 5 }, () => ({ fx: 1 + r() * 5, fy: 1 + r() * 5, p: r() * 6.28, a: 20 + r() * 30 }));
  const px = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = waves.reduce((s, w) => s + w.a * Math.sin(((x / width) * w.fx + (y / height) * w.fy) * 6.28 + w.p), 128) + (r() - 0.5) * 40;
      const i = (y * width + x) * 3;
      px[i] = clamp(v + 30);
      px[i + 1] = clamp(v);
      px[i + 2] = clamp(255 - v);
    }
  }
  return px;
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

/** `inner` placed at (left, top) of a width × height canvas painted by `fill(x, y)`. */
function framed(inner: Uint8Array, iw: number, ih: number, width: number, height: number, left: number, top: number, fill: (x: number, y: number) => Rgb): Uint8Array {
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      const ix = x - left;
      const iy = y - top;
      if (ix >= 0 && iy >= 0 && ix < iw && iy < ih) out.set(inner.subarray((iy * iw + ix) * 3, (iy * iw + ix) * 3 + 3), o);
      else out.set(fill(x, y), o);
    }
  }
  return out;
}

function detect(pixels: Uint8Array, width: number, height: number) {
  const luma = lumaFromPixels(pixels, width, height, 3);
  const thumb = sampleLumaThumb(width, height, (r) => luma.subarray(r * width, (r + 1) * width));
  return findContentRects(thumb, width, height);
}

/** Every side within `slack` pixels of the expected rectangle. */
function near(actual: Rect | undefined, expected: Rect, slack: number): boolean {
  if (!actual) return false;
  return (
    Math.abs(actual.x - expected.x) <= slack &&
    Math.abs(actual.y - expected.y) <= slack &&
    Math.abs(actual.x + actual.width - (expected.x + expected.width)) <= slack &&
    Math.abs(actual.y + actual.height - (expected.y + expected.height)) <= slack
  );
}

const [W, H] = [400, 300];
const content = picture(W, H, 7);
const colours: Record<string, Rgb> = { black: [0, 0, 0], white: [255, 255, 255], blue: [36, 92, 168], orange: [230, 140, 20] };
const sides = ['top', 'bottom', 'left', 'right', 'all'] as const;

describe('border trim', () => {
  for (const [colour, rgb] of Object.entries(colours)) {
    for (const side of sides) {
      test(`a ${colour} border on ${side === 'all' ? 'all sides' : `the ${side}`} is trimmed to the picture`, () => {
        const b = 40;
        const pad = { top: side === 'top' || side === 'all' ? b : 0, bottom: side === 'bottom' || side === 'all' ? b : 0, left: side === 'left' || side === 'all' ? b : 0, right: side === 'right' || side === 'all' ? b : 0 };
        const [fw, fh] = [W + pad.left + pad.right, H + pad.top + pad.bottom];
        const img = framed(content, W, H, fw, fh, pad.left, pad.top, () => rgb);
        const found = detect(img, fw, fh);
        const expected = { x: pad.left, y: pad.top, width: W, height: H };
        assert.ok(near(found.trimmed, expected, 3), `found ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
      });
    }
  }

  test('a near-uniform (noisy, re-encoded-looking) border is trimmed too', () => {
    const r = seededRandom(3);
    const img = framed(content, W, H, W, H + 60, 0, 30, () => {
      const v = 10 + Math.round(r() * 8);
      return [v, v, v];
    });
    assert.ok(near(detect(img, W, H + 60).trimmed, { x: 0, y: 30, width: W, height: H }, 3));
  });

  test('a blurred-edge letterbox (a smooth, darker band) is trimmed on both sides', () => {
    const b = 50;
    // What a blurred, enlarged copy looks like: only the lowest frequencies of the picture, darkened.
    const img = framed(content, W, H, W + 2 * b, H, b, 0, (x, y) => {
      const v = 60 + 25 * Math.sin((x / (W + 2 * b)) * 3.1) + 15 * Math.cos((y / H) * 2.2);
      return [clamp(v + 10), clamp(v), clamp(v - 10)];
    });
    const found = detect(img, W + 2 * b, H);
    assert.ok(near(found.trimmed, { x: b, y: 0, width: W, height: H }, 3), JSON.stringify(found));
  });

  test('a picture-in-picture inset over another picture is cut out', () => {
    const inner = picture(240, 180, 11);
    const img = framed(inner, 240, 180, W, H, 80, 60, (x, y) => {
      const i = (y * W + x) * 3;
      return [content[i]!, content[i + 1]!, content[i + 2]!];
    });
    const found = detect(img, W, H);
    assert.ok(near(found.inset, { x: 80, y: 60, width: 240, height: 180 }, 3), JSON.stringify(found));
  });

  test('a picture without a border gives nothing to trim', () => {
    for (const seed of [1, 2, 3, 4]) assert.deepEqual(detect(picture(W, H, seed), W, H), {}, `seed ${seed}`);
  });

  test('a flat picture is not "trimmed" to nothing', () => {
    const flat = framed(new Uint8Array(0), 0, 0, W, H, 0, 0, () => [90, 90, 90]);
    assert.deepEqual(detect(flat, W, H), {});
  });
});
