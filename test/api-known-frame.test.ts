/**
 * Issue 5 / issue 4 end to end through the HTTP app: a live frame sent as image bytes that matches a banked hash
 * ends the stream, and its bytes are kept — encrypted (AES-256-GCM) in the content store — so the
 * preserve_evidence effect can point at them. A frame that matches nothing leaves no stored content.
 * The "known content" is a generated benign pattern (rings and waves). SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { hammingDistance, PDQ_MATCH_THRESHOLD } from '../src/core/pdq/index.ts';
import { hashImage } from '../src/media/hash-image.ts';
import type { TestApp } from '../src/server/test-app.ts';
import { getEvent } from '../src/store/event-store.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

const SIZE = 256;

/** A grey 256×256 PNG: rings plus diagonal waves (`known`), or an unrelated product of sines (`other`). */
async function pattern(variant: 'known' | 'other'): Promise<Buffer> {
  const px = Buffer.alloc(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const v =
        variant === 'known'
          ? 128 + 60 * Math.sin(Math.hypot(x - SIZE / 2, y - SIZE / 2) / 6) + 50 * Math.sin((x + 2 * y) / 9)
          : 128 + 90 * Math.sin(x / 11) * Math.sin(y / 17) + 30 * Math.cos((x - y) / 7);
      px[y * SIZE + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return sharp(px, { raw: { width: SIZE, height: SIZE, channels: 1 } }).png().toBuffer();
}

const frame = (id: string, streamId: string, png: Buffer) => ({ id, type: 'stream.frame', streamId, imageBase64: png.toString('base64'), ts: 1_700_000_010_000 });

for (const target of testDatabases()) {
  describe(`${target.name}: a known-content frame is preserved encrypted`, () => {
    let t: TestApp;
    let events: string;
    let cleanup: () => Promise<void>;
    let known: Buffer;
    let other: Buffer;
    before(async () => {
      ({ t, cleanup } = await openTestApp(target));
      events = await t.token('events');
      const banks = await t.token('banks');
      known = await pattern('known');
      other = await pattern('other');
      const h = await hashImage(known);
      const o = await hashImage(other);
      assert.ok(hammingDistance(h.pdq, o.pdq) > PDQ_MATCH_THRESHOLD, 'the two patterns are far apart (precondition)');
      assert.equal((await t.call('POST', '/v1/banks', { token: banks, json: { name: 'known-patterns' } })).status, 201);
      const added = await t.call('POST', '/v1/banks/known-patterns/entries', {
        token: banks,
        json: { entries: [{ type: 'pdq', value: h.pdq, quality: h.quality, externalId: 'pattern-1', category: 'test-pattern' }] },
      });
      assert.ok(added.status < 300, JSON.stringify(added.body));
    });
    after(() => cleanup());

    const contentRows = async () => Number((await t.deps.database.db.selectFrom('content_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const mediaRows = async () => Number((await t.deps.database.db.selectFrom('content_media').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    test("a frame of a child's stream that matches the bank ends the stream and is kept encrypted; an unmatched frame is not kept", async () => {
      const batch = {
        events: [
          { id: 'kf-start', type: 'stream.started', streamId: 'kf-s1', streamer: { id: 'kid-1', ageTier: '13-15' }, audience: 'connections', ts: 1_700_000_000_000 },
          frame('kf-other', 'kf-s1', other),
          frame('kf-known', 'kf-s1', known),
        ],
      };
      const res = await t.call('POST', '/v1/events', { token: events, json: batch });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      assert.deepEqual(res.body.accepted.map((a: { id: string }) => a.id), ['kf-start', 'kf-other', 'kf-known']);

      const unmatched = await getEvent(t.deps.database, null, 'kf-other');
      assert.ok(unmatched && unmatched.event.type === 'stream.frame');
      assert.match(unmatched.event.pdq!, /^[0-9a-f]{64}$/);
      assert.equal(unmatched.event.imageBase64, undefined);
      assert.equal(unmatched.event.contentId, undefined, 'no content for a frame that matched nothing');

      const matched = await getEvent(t.deps.database, null, 'kf-known');
      assert.ok(matched && matched.event.type === 'stream.frame');
      assert.equal(matched.event.imageBase64, undefined, 'the log holds no image bytes');
      const contentId = matched.event.contentId;
      assert.match(contentId ?? '', /^cnt_[0-9a-f]{32}$/);
      assert.equal(await contentRows(), 1, 'exactly one content record: the matched frame');
      assert.equal(await mediaRows(), 1);

      // Sealed at rest: the stored blob is not the bytes, and opens back to them with the media key.
      const sealed = await t.deps.content.getSealedMedia(contentId!);
      assert.ok(sealed);
      assert.notDeepEqual(sealed, known);
      assert.equal(sealed.indexOf(known.subarray(0, 64)), -1, 'no plaintext run of the image in the stored blob');
      assert.deepEqual(t.deps.cipher.open(sealed, contentId!), known);
      assert.throws(() => t.deps.cipher.open(sealed, 'cnt_other'), /failed authentication/, 'bound to its content id');

      const review = await t.token('review');
      const record = await t.call('GET', `/v1/content/${contentId}`, { token: review });
      assert.equal(record.status, 200, JSON.stringify(record.body));
      assert.equal(record.body.retained, true);
      assert.equal(record.body.clientId, 'kf-known');
      assert.equal(record.body.mediaType, 'image/png');
      assert.equal(record.body.byteLength, known.length);
      assert.equal(record.body.decision, 'block');
      assert.equal(record.body.matches[0]?.bank, 'known-patterns');

      await t.drain();
      const fx = (await t.call('GET', '/v1/effects?limit=1000', { token: events })).body.items as { eventId: string; effect: { kind: string; target: { type: string; id: string }; evidence: { kind: string; id: string }[] } }[];
      const byFrame = fx.filter((e) => e.eventId === 'kf-known');
      const kinds = byFrame.map((e) => e.effect.kind);
      for (const k of ['end_stream', 'preserve_evidence', 'open_case']) assert.ok(kinds.includes(k), `${k} in ${kinds.join(', ')}`);
      const preserve = byFrame.find((e) => e.effect.kind === 'preserve_evidence')!;
      assert.deepEqual(preserve.effect.target, { type: 'frame', id: 'kf-known' });
      assert.ok(preserve.effect.evidence.some((e) => e.kind === 'content' && e.id === contentId), JSON.stringify(preserve.effect.evidence));
      assert.ok(preserve.effect.evidence.some((e) => e.kind === 'bank_match'));
      assert.equal(fx.filter((e) => e.eventId === 'kf-other').length, 0, 'the unmatched frame asks for nothing');

      // A replay of the batch is idempotent: same content id, same digest, nothing stored twice.
      const again = await t.call('POST', '/v1/events', { token: events, json: batch });
      assert.equal(again.status, 202, JSON.stringify(again.body));
      assert.deepEqual(again.body.duplicates.map((d: { id: string }) => d.id), ['kf-start', 'kf-other', 'kf-known']);
      assert.deepEqual(again.body.conflicts, []);
      assert.equal(await contentRows(), 1);
    });

    test('a frame on its own that matches nothing stores no content', async () => {
      const before = await contentRows();
      const res = await t.call('POST', '/v1/events', { token: events, json: { events: [frame('kf-other-2', 'kf-s2', other)] } });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      assert.equal(await contentRows(), before);
    });

    test('a client may not name a content id itself', async () => {
      const res = await t.call('POST', '/v1/events', {
        token: events,
        json: { events: [{ id: 'kf-spoof', type: 'stream.frame', streamId: 'kf-s1', pdq: 'a'.repeat(64), contentId: 'cnt_someone_elses' }] },
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'invalid_event');
      assert.match(res.body.error.message, /contentId/);
    });
  });
}
