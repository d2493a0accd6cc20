// The optional on-device estimator, tested honestly with benign images only (generated patterns: no face).
// Runs when the face-api packages are installed in Lifeguard or in LIFEGUARD_FACE_API_DIR; skipped otherwise.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { createFaceApiEstimator, FACE_API_PROVIDER } from './face-api-estimator.ts';
import { agePolicySchema } from '../core/age/age-policy.ts';

const from = process.env.LIFEGUARD_FACE_API_DIR;
function installed(): boolean {
  try {
    createRequire(from ? join(from, 'package.json') : import.meta.url).resolve('@vladmandic/face-api/package.json');
    return true;
  } catch {
    return false;
  }
}
const skip = installed() ? false : 'face-api packages not installed (set LIFEGUARD_FACE_API_DIR or npm install them)';

function pattern(w: number, h: number): Uint8Array {
  const px = new Uint8Array(w * h * 3);
  for (let i = 0; i < w * h; i++) {
    const x = i % w;
    const y = Math.floor(i / w);
    const v = 128 + 100 * Math.sin(x / 9) * Math.cos(y / 13);
    px[i * 3] = v;
    px[i * 3 + 1] = 255 - v;
    px[i * 3 + 2] = (x ^ y) & 255;
  }
  return px;
}

test('the on-device provider is weak in the default policy', () => {
  assert.ok(agePolicySchema.parse({}).estimation.weakProviders.includes(FACE_API_PROVIDER));
});

test('without the packages the estimator fails clearly', { skip: installed() ? 'the packages are installed' : false }, async () => {
  await assert.rejects(createFaceApiEstimator({ from: '/nonexistent' }), (e) => isLifeguardError(e) && e.code === 'face_api_unavailable');
});

test('a generated pattern has no face, decoded or encoded', { skip, timeout: 120_000 }, async () => {
  const estimator = await createFaceApiEstimator(from ? { from } : {});
  const raw = { data: pattern(256, 256), width: 256, height: 256, channels: 3 as const };
  assert.deepEqual(await estimator.estimate(raw), { kind: 'no_face', provider: FACE_API_PROVIDER });
  const png = new Uint8Array(await sharp(raw.data, { raw: { width: 256, height: 256, channels: 3 } }).png().toBuffer());
  assert.equal((await estimator.estimate(png)).kind, 'no_face');
});
