/**
 * POST /v1/age/estimate with the real on-device model, on benign generated images only: a pattern has no face
 * (422), one schematic drawn face gives a weak estimate that is
 * recorded as an `estimation` age signal and reaches the account's age decision without deciding a tier.
 * SQLite and PostgreSQL. Two drawn faces side by side (each cut to its head, so both stay large enough for the
 * detector) give 422 `several_faces`. The model's version is stored with the estimation signal in the event log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { FACE_API_PROVIDER } from '../src/age-estimators/face-api-estimator.ts';
import { patternPixels, schematicFaceSvg, svgToPng, twoFacesPng } from '../src/age-estimators/generated-images.ts';
import { getEvent } from '../src/store/event-store.ts';
import type { TestApp } from '../src/server/test-app.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

const png = (bytes: Uint8Array) => ({ body: bytes, headers: { 'content-type': 'image/png' } });

for (const target of testDatabases()) {
  describe(`${target.name}: POST /v1/age/estimate`, { timeout: 180_000 }, () => {
    let t: TestApp;
    let token: string;
    let cleanup: () => Promise<void>;
    let face: Uint8Array;
    before(async () => {
      ({ t, cleanup } = await openTestApp(target));
      token = await t.token('age:estimate', 'events');
      face = await svgToPng(schematicFaceSvg(128));
    });
    after(() => cleanup());

    test('one drawn face: an estimate with its uncertainty and model version, recorded as a weak signal', async () => {
      const res = await t.call('POST', '/v1/age/estimate?account=kid-est-1', { token, ...png(face) });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const b = res.body;
      assert.equal(b.accountId, 'kid-est-1');
      assert.ok(Number.isFinite(b.age) && b.age >= 0 && b.age <= 130, `age ${b.age}`);
      assert.ok(b.confidence > 0 && b.confidence <= 0.5, `confidence ${b.confidence}`);
      assert.equal(b.uncertaintyYears, 4.8);
      assert.equal(b.provider, FACE_API_PROVIDER);
      assert.match(b.modelVersion, /^face-api@\d+\.\d+\.\d+$/);
      assert.match(b.signal.id, /^age-est-/);
      assert.equal(b.signal.method, 'estimation');
      assert.equal(b.signal.duplicate, false);
      assert.equal(b.decision.accountId, 'kid-est-1');
      assert.equal(b.decision.tier, 'unknown', 'the decision in the answer already has the weak estimate: no tier');
      // What is kept: the estimate with its confidence, provider and model version — and nothing of the image.
      const stored = await getEvent(t.deps.database, '', b.signal.id);
      assert.ok(stored, 'the signal is in the event log');
      assert.deepEqual(Object.keys(stored.event).sort(), ['account', 'age', 'confidence', 'id', 'method', 'modelVersion', 'provider', 'ts', 'type']);
      assert.equal((stored.event as { modelVersion?: string }).modelVersion, b.modelVersion);
      assert.ok(b.decision.reasons.some((r: string) => /weak/.test(r)), b.decision.reasons.join(' | '));

      await t.drain();
      const age = await t.call('GET', '/v1/accounts/kid-est-1/age', { token });
      assert.equal(age.status, 200, JSON.stringify(age.body));
      assert.equal(age.body.tier, 'unknown', 'a weak estimate decides no tier');
      assert.equal(age.body.basis, null);
      assert.ok(age.body.reasons.some((r: string) => /estimation/.test(r) && /weak/.test(r)), age.body.reasons.join(' | '));
    });

    test('multipart field `file` works too', async () => {
      const form = new FormData();
      form.set('file', new Blob([face], { type: 'image/png' }), 'face.png');
      form.set('account', 'kid-est-2');
      const res = await t.call('POST', '/v1/age/estimate', { token, body: form });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.accountId, 'kid-est-2');
    });

    test('a generated pattern has no face: 422 no_face, nothing recorded', async () => {
      const pattern = new Uint8Array(await sharp(patternPixels(256, 256), { raw: { width: 256, height: 256, channels: 3 } }).png().toBuffer());
      const res = await t.call('POST', '/v1/age/estimate?account=kid-est-3', { token, ...png(pattern) });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'no_face');
      assert.match(res.body.error.message, /no face/);
      await t.drain();
      const age = await t.call('GET', '/v1/accounts/kid-est-3/age', { token });
      assert.equal(age.status, 404, 'no signal was recorded for the account');
    });

    test('two faces side by side: 422 several_faces, nothing recorded', async () => {
      const { pair } = await twoFacesPng();
      const res = await t.call('POST', '/v1/age/estimate?account=kid-est-4', { token, ...png(pair) });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'several_faces');
      assert.match(res.body.error.message, /more than one face/);
      await t.drain();
      assert.equal((await t.call('GET', '/v1/accounts/kid-est-4/age', { token })).status, 404, 'no signal was recorded for the account');
    });

    test('bad input: no account, not an image, truncated, over the pixel limit', async () => {
      const noAccount = await t.call('POST', '/v1/age/estimate', { token, ...png(face) });
      assert.equal(noAccount.status, 400, JSON.stringify(noAccount.body));
      const text = await t.call('POST', '/v1/age/estimate?account=a', { token, body: 'hello', headers: { 'content-type': 'text/plain' } });
      assert.equal(text.status, 415, JSON.stringify(text.body));
      const junk = await t.call('POST', '/v1/age/estimate?account=a', { token, body: new TextEncoder().encode('not an image at all'), headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(junk.status, 415, JSON.stringify(junk.body));
      assert.equal(junk.body.error.code, 'image_unsupported_format');
      const cut = await t.call('POST', '/v1/age/estimate?account=a', { token, ...png(face.subarray(0, Math.floor(face.length / 2))) });
      assert.equal(cut.status, 400, JSON.stringify(cut.body));
      const huge = new Uint8Array(await sharp({ create: { width: 9000, height: 9000, channels: 3, background: '#88aacc' } }).png({ compressionLevel: 9 }).toBuffer());
      const big = await t.call('POST', '/v1/age/estimate?account=a', { token, ...png(huge) });
      assert.equal(big.status, 413, JSON.stringify(big.body));
      assert.equal(big.body.error.code, 'image_too_large');
      // The service still estimates afterwards.
      assert.equal((await t.call('POST', '/v1/age/estimate?account=a', { token, ...png(face) })).status, 200);
    });

    test('the age scope alone is not enough', async () => {
      const other = await t.token('age');
      const res = await t.call('POST', '/v1/age/estimate?account=a', { token: other, ...png(face) });
      assert.equal(res.status, 403);
    });
  });
}
