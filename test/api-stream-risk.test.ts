/**
 * Live streams through the HTTP service and the real workers: a sextortion threat on a teen's stream ends it and
 * escalates; coordinated strangers add up to stream risk and are held or removed; and after `stream.ended`,
 * `GET /v1/streams/:id/risk` keeps the stream's last state and peak, marked ended with the end time.
 * SQLite and PostgreSQL. Texts are short synthetic examples.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../src/server/test-app.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

const t0 = Date.parse('2025-03-01T17:00:00Z');
const at = (s: number) => t0 + s * 1000;
const newAccount = { createdAt: new Date(t0 - 2 * 86_400_000).toISOString() };

/** A viewer claims to have recorded a 14-year-old's stream, then demands she comply or he posts it. */
const threatStream = [
  { id: 'sx-1', type: 'stream.started', streamId: 'sx', streamer: { id: 'ivy', ageTier: '13-15' }, audience: 'public', ts: at(0) },
  { id: 'sx-2', type: 'stream.viewer_joined', streamId: 'sx', viewer: { id: 'x1', tier: 'unknown' }, connection: 'none', ts: at(5) },
  { id: 'sx-3', type: 'stream.viewer_joined', streamId: 'sx', viewer: { id: 'pal', ageTier: '13-15' }, connection: 'friend', ts: at(6) },
  { id: 'sx-4', type: 'stream.comment', streamId: 'sx', author: { id: 'pal' }, text: 'hiii', ts: at(10) },
  { id: 'sx-5', type: 'stream.comment', streamId: 'sx', author: { id: 'x1' }, text: 'i recorded you', ts: at(20) },
  { id: 'sx-6', type: 'stream.comment', streamId: 'sx', author: { id: 'x1' }, text: 'do it or i post it', ts: at(30) },
];

/** Four new strangers each ask a 14-year-old one thing on her public stream. */
const pileStream = [
  { id: 'pl-1', type: 'stream.started', streamId: 'pl', streamer: { id: 'lily', ageTier: '13-15' }, audience: 'public', ts: at(0) },
  ...['p_age', 'p_school', 'p_where', 'p_alone'].map((id, i) => ({
    id: `pl-j${i}`,
    type: 'stream.viewer_joined',
    streamId: 'pl',
    viewer: { id, tier: 'adult', ...newAccount },
    connection: 'none',
    ts: at(5 + i),
  })),
  { id: 'pl-2', type: 'stream.comment', streamId: 'pl', author: { id: 'p_age' }, text: 'how old are you?', ts: at(20) },
  { id: 'pl-3', type: 'stream.comment', streamId: 'pl', author: { id: 'p_school' }, text: 'what school do you go to', ts: at(30) },
  { id: 'pl-4', type: 'stream.comment', streamId: 'pl', author: { id: 'p_where' }, text: 'where do you live', ts: at(40) },
  { id: 'pl-5', type: 'stream.comment', streamId: 'pl', author: { id: 'p_alone' }, text: 'are you alone rn?', ts: at(50) },
];

type EffectItem = { kind: string; target: { id: string }; scope?: { id: string }; reasons: string[] };

for (const target of testDatabases()) {
  describe(`${target.name}: live-stream risk through the service`, () => {
    let t: TestApp;
    let token: string;
    let cleanup: () => Promise<void>;
    const post = async (events: unknown[]) => {
      const res = await t.call('POST', '/v1/events', { token, json: { events } });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      await t.drain();
    };
    const effects = async (): Promise<EffectItem[]> => ((await t.call('GET', '/v1/effects?limit=1000', { token })).body.items as { effect: EffectItem }[]).map((i) => i.effect);
    const risk = async (id: string) => {
      const res = await t.call('GET', `/v1/streams/${id}/risk`, { token });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    before(async () => {
      ({ t, cleanup } = await openTestApp(target));
      token = await t.token('events');
    });
    after(() => cleanup());

    test('a sextortion threat on a teen stream ends it and escalates; the ended stream keeps its read-out', async () => {
      await post(threatStream);
      const fx = await effects();
      const on = (kind: string, id: string) => fx.find((e) => e.kind === kind && e.target.id === id);
      assert.ok(on('end_stream', 'sx'), `end_stream: ${fx.map((e) => `${e.kind}→${e.target.id}`).join(', ')}`);
      assert.ok(on('escalate', 'sx')!.reasons.some((r) => r.includes('imminent')));
      assert.ok(on('remove_viewer', 'x1'));
      assert.equal(fx.filter((e) => e.target.id === 'pal').length, 0, 'the friend is left alone');
      const live = await risk('sx');
      assert.equal(live.ended, undefined, 'the platform has not ended it yet');
      assert.equal(live.detail.restrictions.ended, true, 'the guardian asked for the end');

      await post([{ id: 'sx-7', type: 'stream.ended', streamId: 'sx', ts: at(45) }]);
      const ended = await risk('sx');
      assert.equal(ended.ended, true);
      assert.equal(ended.endedAt, at(45));
      assert.equal(ended.flagged, true);
      assert.ok(ended.detail.peak >= 0.9, `peak ${ended.detail.peak}`);
      assert.deepEqual(ended.detail.removedViewers, ['x1']);
      assert.ok(ended.signals.some((s: { category: string }) => s.category === 'threat'));
    });

    test('coordinated strangers are one pattern: held or removed with reasons naming them; the read-out survives the end', async () => {
      await post(pileStream);
      const fx = (await effects()).filter((e) => e.scope?.id === 'pl' || e.target.id === 'pl');
      const on = (kind: string, id: string) => fx.find((e) => e.kind === kind && e.target.id === id);
      for (const id of ['p_age', 'p_school', 'p_where']) {
        const hold = on('hold_comments', id);
        assert.ok(hold, `${id} held: ${fx.map((e) => `${e.kind}→${e.target.id}`).join(', ')}`);
        assert.match(hold.reasons[0]!, /coordinated viewers/);
        assert.match(hold.reasons[0]!, /p_age \(age\), p_school \(school\), p_where \(location\)/);
      }
      assert.ok(on('remove_viewer', 'p_alone'), 'asking whether she is alone removes that viewer');
      // (Under the default policy a 14-year-old's public stream was limited to connections when it started.)
      assert.ok(on('restrict_stream', 'pl'));

      const live = await risk('pl');
      assert.equal(live.flagged, true);
      assert.ok(live.risk >= 0.6, `risk ${live.risk}`);
      assert.ok(live.detail.components.coordination >= 0.5, 'the pile is a component of the stream risk');
      await post([{ id: 'pl-end', type: 'stream.ended', streamId: 'pl', ts: at(90) }]);
      const ended = await risk('pl');
      assert.equal(ended.ended, true);
      assert.equal(ended.endedAt, at(90));
      for (const k of ['risk', 'flagged', 'signals'] as const) assert.deepEqual(ended[k], live[k], `${k} is the last state`);
      assert.equal(ended.detail.peak, live.detail.peak);
      assert.deepEqual(ended.detail.heldViewers.sort(), ['p_age', 'p_school', 'p_where']);
      assert.deepEqual(ended.detail.removedViewers, ['p_alone']);
      assert.deepEqual(
        ended.detail.coordinatedViewers.map((v: { id: string }) => v.id),
        ['p_age', 'p_school', 'p_where', 'p_alone'],
      );
      assert.equal(ended.detail.restrictions.ended, true);

      // The checks see the end, and a late event for the ended stream changes nothing.
      const check = await t.call('POST', '/v1/checks/comment', { token, json: { viewer: { id: 'new', tier: 'adult' }, relation: 'none', stream: { id: 'pl' } } });
      assert.equal(check.body.code, 'stream_ended');
      await post([{ id: 'pl-late', type: 'stream.comment', streamId: 'pl', author: { id: 'p_age' }, text: 'hello?', ts: at(95) }]);
      const later = await risk('pl');
      assert.equal(later.risk, ended.risk);
      assert.equal(later.ended, true);
    });
  });
}
