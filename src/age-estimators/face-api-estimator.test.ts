// The on-device estimator with its real model (the packages are dependencies), on benign generated images
// only: patterns and landscapes have no face; a schematic drawn face is used to see an estimate's path.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import sharp from 'sharp';
import { ageEntryFromEvent } from '../core/age/age-entry.ts';
import { decideAge } from '../core/age/decide-age.ts';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { loadPolicy } from '../policy/load-policy.ts';
import { createFaceApiEstimator, FACE_API_PROVIDER } from './face-api-estimator.ts';
import { landscapeSvg, patternPixels, schematicFaceSvg, svgToJpeg, svgToPng, twoFacesPng } from './generated-images.ts';
import { estimateToAgeSignal, type AgeEstimator } from './provider.ts';

let shared: Promise<AgeEstimator> | undefined;
const estimator = () => (shared ??= createFaceApiEstimator());
const NO_FACE = { kind: 'no_face', provider: FACE_API_PROVIDER };

const rejectsWith = (p: Promise<unknown>, code: string) =>
  assert.rejects(p, (e: unknown) => {
    assert.ok(isLifeguardError(e), `expected a LifeguardError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return true;
  });

test('the default policy file lists the on-device provider as weak', async () => {
  const policy = await loadPolicy();
  assert.ok(policy.age.estimation.weakProviders.includes(FACE_API_PROVIDER));
});

test('without the packages the estimator fails clearly', async () => {
  const empty = await mkdtemp(join(tmpdir(), 'lifeguard-no-face-api-'));
  after(() => rm(empty, { recursive: true, force: true }));
  await rejectsWith(createFaceApiEstimator({ from: empty }), 'face_api_unavailable');
});

test('generated patterns and landscapes have no face, in every input form', { timeout: 120_000 }, async () => {
  const est = await estimator();
  assert.equal(est.provider, FACE_API_PROVIDER);
  const rgb = { data: patternPixels(256, 256), width: 256, height: 256, channels: 3 as const };
  assert.deepEqual(await est.estimate(rgb), NO_FACE);
  const patternPng = new Uint8Array(await sharp(rgb.data, { raw: { width: 256, height: 256, channels: 3 } }).png().toBuffer());
  assert.deepEqual(await est.estimate(patternPng), NO_FACE);
  assert.deepEqual(await est.estimate(await svgToJpeg(landscapeSvg(640, 480))), NO_FACE);
  // Larger than the model's input: downsized first.
  assert.deepEqual(await est.estimate(await svgToPng(landscapeSvg(2400, 1600))), NO_FACE);
  const grey = await sharp(Buffer.from(landscapeSvg(320, 240))).greyscale().raw().toBuffer({ resolveWithObject: true });
  assert.equal(grey.info.channels, 1);
  assert.deepEqual(await est.estimate({ data: new Uint8Array(grey.data), width: 320, height: 240, channels: 1 }), NO_FACE);
  const rgba = await sharp(Buffer.from(landscapeSvg(320, 240))).ensureAlpha().raw().toBuffer();
  assert.deepEqual(await est.estimate({ data: new Uint8Array(rgba), width: 320, height: 240, channels: 4 }), NO_FACE);
});

test('bad bytes and bad pixels give LifeguardErrors with stable codes', { timeout: 120_000 }, async () => {
  const est = await estimator();
  await rejectsWith(est.estimate(new Uint8Array()), 'image_empty');
  await rejectsWith(est.estimate(new TextEncoder().encode('this is not an image at all')), 'image_unsupported_format');
  const png = await svgToPng(landscapeSvg(64, 48));
  await rejectsWith(est.estimate(png.subarray(0, Math.floor(png.length / 2))), 'image_truncated');
  await rejectsWith(est.estimate({ data: new Uint8Array(10), width: 4, height: 4, channels: 3 }), 'image_bad_pixels');
  await rejectsWith(est.estimate({ data: new Uint8Array(0), width: 0, height: 4, channels: 3 }), 'image_bad_pixels');
  await rejectsWith(createFaceApiEstimator({ maxPixels: 1000 }).then((e) => e.estimate(png)), 'image_too_large');
  // A failed image does not stop the next one.
  assert.deepEqual(await est.estimate(png), NO_FACE);
});

test('concurrent estimates are queued and give the same answers', { timeout: 120_000 }, async () => {
  const est = await estimator();
  const images = [await svgToPng(landscapeSvg(320, 240)), new Uint8Array([1, 2, 3]), await svgToJpeg(landscapeSvg(200, 300))];
  const results = await Promise.allSettled(images.map((img) => est.estimate(img)));
  assert.deepEqual(results[0], { status: 'fulfilled', value: NO_FACE });
  assert.equal(results[1]!.status, 'rejected');
  assert.deepEqual(results[2], { status: 'fulfilled', value: NO_FACE });
});

test('a schematic drawn face is detected and gives a weak estimate; the blank oval is not a face', { timeout: 120_000 }, async () => {
  const est = await estimator();
  // Drawn at 128 px the detector scores it ~0.94 here; the same oval without eyes, nose and mouth ~0.07.
  assert.deepEqual(await est.estimate(await svgToPng(schematicFaceSvg(128, { features: false }))), NO_FACE);
  const r = await est.estimate(await svgToPng(schematicFaceSvg(128)));
  assert.equal(r.kind, 'estimate');
  if (r.kind !== 'estimate') return;
  assert.equal(r.provider, FACE_API_PROVIDER);
  assert.equal(r.method, 'facial_age_estimation');
  assert.ok(Number.isFinite(r.age) && r.age >= 0 && r.age <= 130, `age ${r.age}`);
  assert.ok(r.confidence > 0 && r.confidence <= 0.5, `confidence ${r.confidence} stays under the default minConfidence`);

  const event = estimateToAgeSignal('acc', r, { id: 'face-1', ts: 1 });
  assert.ok(event);
  assert.equal(event.method, 'estimation');
  assert.equal(event.provider, FACE_API_PROVIDER);
  const policy = (await loadPolicy()).age;
  const d = decideAge([ageEntryFromEvent(event, 0)], policy);
  assert.equal(d.tier, 'unknown', 'a weak estimate decides no tier, whatever age it says');
  assert.equal(d.basis, null);
  assert.match(d.reasons.join('\n'), /weak signal/);
  // Weak even if a deployment takes the provider off the weak list: its confidence is under minConfidence.
  const edited = { ...policy, estimation: { ...policy.estimation, weakProviders: [] } };
  const asAdult = estimateToAgeSignal('acc', { ...r, age: 30 }, { id: 'face-2', ts: 1 })!;
  assert.equal(decideAge([ageEntryFromEvent(asAdult, 0)], edited).tier, 'unknown');
});

test('two drawn faces side by side are refused as several faces; one of them alone is one face', { timeout: 120_000 }, async () => {
  const est = await estimator();
  const { pair, single } = await twoFacesPng();
  assert.equal((await est.estimate(single)).kind, 'estimate', 'the control: one cut-out face is found');
  assert.deepEqual(await est.estimate(pair), { kind: 'several_faces', provider: FACE_API_PROVIDER });
  assert.equal(estimateToAgeSignal('acc', await est.estimate(pair), { id: 'two', ts: 1 }), null, 'several faces give no signal');
});
