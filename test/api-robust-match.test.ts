/**
 * Issue 13 through the HTTP app: a bordered, cropped or mirrored copy of a banked picture matches its bank entry when
 * uploaded (POST /v1/content) or sent as a live frame, with the variant and a reviewer's note named;
 * `robust=false` turns it off; an unrelated picture matches nothing. Pictures are generated benign patterns.
 * SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { hammingDistance, PDQ_MATCH_THRESHOLD } from '../src/core/pdq/index.ts';
import { renderTestPattern } from '../src/matching/test-patterns.ts';
import { hashImage } from '../src/media/hash-image.ts';
import type { TestApp } from '../src/server/test-app.ts';
import { getEvent } from '../src/store/event-store.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

interface Match {
  bank: string;
  externalId: string | null;
  distance: number;
  variant?: string;
  note?: string;
}

for (const target of testDatabases()) {
  describe(`${target.name}: robust matching survives borders and mirroring`, () => {
    let t: TestApp;
    let content: string;
    let events: string;
    let cleanup: () => Promise<void>;
    const img: Record<string, Buffer> = {};
    before(async () => {
      ({ t, cleanup } = await openTestApp(target));
      [content, events] = [await t.token('content'), await t.token('events')];
      const banks = await t.token('banks');
      img.original = await renderTestPattern('hills', 21, 480, 360);
      img.bordered = await sharp(img.original).extend({ top: 36, bottom: 36, left: 0, right: 0, background: '#000' }).jpeg({ quality: 85 }).toBuffer();
      img.framed = await sharp(img.original).extend({ top: 40, bottom: 40, left: 40, right: 40, background: '#3a7bd5' }).png().toBuffer();
      img.mirrored = await sharp(img.original).flop().png().toBuffer();
      img.unrelated = await renderTestPattern('rings', 22, 480, 360);
      // The bottom 5% cut away (an interface bar removed), re-encoded.
      img.cropped = await sharp(img.original).extract({ left: 0, top: 0, width: 480, height: 342 }).jpeg({ quality: 85 }).toBuffer();
      const h = await hashImage(img.original);
      for (const k of ['bordered', 'framed', 'mirrored', 'cropped', 'unrelated']) {
        const d = hammingDistance(h.pdq, (await hashImage(img[k]!)).pdq);
        assert.ok(d > PDQ_MATCH_THRESHOLD, `precondition: the plain hash of the ${k} copy misses (distance ${d})`);
      }
      assert.equal((await t.call('POST', '/v1/banks', { token: banks, json: { name: 'robust-known' } })).status, 201);
      const added = await t.call('POST', '/v1/banks/robust-known/entries', {
        token: banks,
        json: { entries: [{ type: 'pdq', value: h.pdq, quality: h.quality, externalId: 'hills-21', category: 'test-pattern' }] },
      });
      assert.ok(added.status < 300, JSON.stringify(added.body));
    });
    after(() => cleanup());

    const upload = (bytes: Buffer, query = '') =>
      t.call('POST', `/v1/content${query}`, { token: content, body: bytes, headers: { 'content-type': 'image/png' } });

    test('a copy with black bars matches its bank entry "after trimming a border"', async () => {
      const res = await upload(img.bordered!);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.notEqual(res.body.decision, 'allow');
      const m = res.body.matches as Match[];
      assert.equal(m.length, 1);
      assert.equal(m[0]!.externalId, 'hills-21');
      assert.equal(m[0]!.variant, 'trimmed');
      assert.ok(m[0]!.distance <= PDQ_MATCH_THRESHOLD);
      assert.equal(m[0]!.note, `matched after trimming a border, distance ${m[0]!.distance}`);
      assert.ok((res.body.reasons as string[]).some((r) => r.includes('after trimming a border')), JSON.stringify(res.body.reasons));
      assert.equal(res.body.retained, true);
    });

    test('a coloured frame on all sides and a mirror image match too, each naming its variant', async () => {
      const framed = await upload(img.framed!);
      assert.deepEqual((framed.body.matches as Match[]).map((m) => [m.externalId, m.variant]), [['hills-21', 'trimmed']]);
      const mirrored = await upload(img.mirrored!);
      assert.deepEqual((mirrored.body.matches as Match[]).map((m) => [m.externalId, m.variant]), [['hills-21', 'flipy']]);
      assert.match((mirrored.body.matches as Match[])[0]!.note!, /^matched as a mirror image, distance \d+$/);
    });

    test('a copy with its bottom 5% cut away matches "as if its bottom had been cropped"', async () => {
      const res = await upload(img.cropped!);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const m = res.body.matches as Match[];
      assert.deepEqual(m.map((x) => x.externalId), ['hills-21']);
      assert.match(m[0]!.variant!, /^uncrop-bottom-9[56]-(edge|fade)$/);
      assert.ok(m[0]!.distance <= PDQ_MATCH_THRESHOLD);
      assert.match(m[0]!.note!, /^matched as if its bottom had been cropped \(9[56]% kept\), distance \d+$/);
    });

    test('robust=false matches the plain hash only: the same copies pass', async () => {
      for (const k of ['bordered', 'framed', 'mirrored', 'cropped']) {
        const res = await upload(img[k]!, '?robust=false');
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.equal(res.body.decision, 'allow', k);
        assert.deepEqual(res.body.matches, []);
      }
      const bad = await upload(img.bordered!, '?robust=maybe');
      assert.equal(bad.status, 400);
    });

    test('an unrelated picture matches nothing, robust or not', async () => {
      const res = await upload(img.unrelated!);
      assert.equal(res.body.decision, 'allow');
      assert.deepEqual(res.body.matches, []);
    });

    test('a live frame with black bars matches at intake; the guardian ends the stream on the trimmed variant', async () => {
      const batch = {
        events: [
          { id: 'rb-start', type: 'stream.started', streamId: 'rb-s1', streamer: { id: 'rb-kid', ageTier: '13-15' }, audience: 'connections', ts: 1_700_000_000_000 },
          { id: 'rb-frame', type: 'stream.frame', streamId: 'rb-s1', imageBase64: img.bordered!.toString('base64'), ts: 1_700_000_010_000 },
        ],
      };
      const res = await t.call('POST', '/v1/events', { token: events, json: batch });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const stored = await getEvent(t.deps.database, null, 'rb-frame');
      assert.ok(stored && stored.event.type === 'stream.frame');
      assert.match(stored.event.contentId ?? '', /^cnt_/, 'kept because it matched');
      assert.deepEqual(stored.event.pdqVariants?.map((v) => v.name), ['trimmed']);
      await t.drain();
      const fx = (await t.call('GET', '/v1/effects?limit=1000', { token: events })).body.items as { eventId: string; effect: { kind: string; evidence: { kind: string; summary: string }[] } }[];
      const end = fx.find((e) => e.eventId === 'rb-frame' && e.effect.kind === 'end_stream');
      assert.ok(end, JSON.stringify(fx.map((e) => [e.eventId, e.effect.kind])));
      assert.ok(end.effect.evidence.some((e) => e.kind === 'bank_match' && e.summary.includes('matched after trimming a border')), JSON.stringify(end.effect.evidence));
    });
  });
}
