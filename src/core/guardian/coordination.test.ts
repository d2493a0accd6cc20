import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Effect } from '../effects.ts';
import { platformEventSchema } from '../events.ts';
import { policySchema } from '../safety-policy/policy-schema.ts';
import { createGuardian } from './create-guardian.ts';

const T0 = Date.UTC(2025, 2, 1, 17);
const policy = policySchema.parse({ live: { publicMinAge: 13 } });
const asks = ['how old are you?', 'what school do you go to', 'where do you live', 'are you alone rn?'];

/** A 14-year-old's public stream; viewers join and each say one thing at the given seconds. */
function run(viewers: { id: string; text: string; at: number; tier?: string; connection?: string }[], streamerTier = '13-15') {
  const g = createGuardian({ policy });
  let n = 0;
  const ev = (o: Record<string, unknown>, s: number) => platformEventSchema.parse({ id: `e${++n}`, ts: T0 + s * 1000, ...o });
  const out: Effect[] = [];
  out.push(...g.handle(ev({ type: 'stream.started', streamId: 's', streamer: { id: 'k', ageTier: streamerTier }, audience: 'public' }, 0)));
  for (const v of viewers) {
    out.push(...g.handle(ev({ type: 'stream.viewer_joined', streamId: 's', viewer: { id: v.id, ageTier: v.tier ?? 'adult' }, connection: v.connection ?? 'none' }, v.at - 1)));
  }
  for (const v of [...viewers].sort((a, b) => a.at - b.at)) out.push(...g.handle(ev({ type: 'stream.comment', streamId: 's', author: { id: v.id }, text: v.text }, v.at)));
  return { g, out, end: (s: number) => g.handle(ev({ type: 'stream.ended', streamId: 's' }, s)) };
}
const acted = (out: Effect[], id: string) => out.filter((e) => e.target.id === id && (e.kind === 'hold_comments' || e.kind === 'remove_viewer')).map((e) => e.kind);

test('several strangers each asking one thing add up: all held or removed, the pattern and viewers named', () => {
  const { g, out } = run(asks.map((text, i) => ({ id: `v${i}`, text, at: 10 + i * 10 })));
  assert.deepEqual(acted(out, 'v0'), ['hold_comments']);
  assert.deepEqual(acted(out, 'v1'), ['hold_comments']);
  assert.deepEqual(acted(out, 'v2'), ['hold_comments']);
  assert.deepEqual(acted(out, 'v3'), ['remove_viewer'], '"are you alone" removes');
  const hold = out.find((e) => e.kind === 'hold_comments' && e.target.id === 'v0')!;
  assert.match(hold.reasons[0]!, /coordinated viewers .* 3 viewers with no connection .* v0 \(age\), v1 \(school\), v2 \(location\)/);
  assert.ok(hold.reasons.includes('a candidate for human review, not an accusation'));
  assert.deepEqual(hold.evidence.map((e) => e.summary.split(':')[0]), ['v0', 'v1', 'v2'], 'each contributor is evidence');
  const view = g.streamRisk('s')!;
  assert.ok(view.components.coordination >= 0.6, `${view.components.coordination}`);
  assert.deepEqual(view.coordinatedViewers.map((v) => v.id), ['v0', 'v1', 'v2', 'v3']);
});

test('alone, each of those viewers stays under every rung', () => {
  for (const text of asks.slice(0, 3)) {
    const { out } = run([{ id: 'v', text, at: 10 }]);
    assert.deepEqual(acted(out, 'v'), [], text);
  }
});

test('one viewer asking many things is not a pile; nor are asks spread beyond the window', () => {
  const one = run(asks.slice(0, 3).map((text, i) => ({ id: 'same', text, at: 10 + i * 10 })));
  assert.equal(one.g.streamRisk('s')!.components.coordination, 0);
  const spread = run(asks.slice(0, 3).map((text, i) => ({ id: `v${i}`, text, at: 10 + i * 700 })));
  assert.equal(spread.g.streamRisk('s')!.components.coordination, 0);
  assert.deepEqual(['v0', 'v1', 'v2'].flatMap((id) => acted(spread.out, id)), []);
});

test('connections, peers with harmless asks and adult streamers do not pile', () => {
  const friends = run(asks.slice(0, 3).map((text, i) => ({ id: `f${i}`, text, at: 10 + i * 10, connection: 'friend' })));
  assert.equal(friends.g.streamRisk('s')!.components.coordination, 0);
  const peers = run(asks.slice(0, 3).map((text, i) => ({ id: `p${i}`, text, at: 10 + i * 10, tier: '13-15' })));
  assert.equal(peers.g.streamRisk('s')!.components.coordination, 0);
  const adult = run(asks.map((text, i) => ({ id: `a${i}`, text, at: 10 + i * 10 })), 'adult');
  assert.equal(adult.out.filter((e) => e.kind !== 'nudge_user').length, 0);
  assert.equal(adult.g.streamRisk('s')!.components.coordination, 0);
});

test('minors pile only with serious asks (a peer asking a child to lock the door still counts)', () => {
  const doors = ['lock your door', 'is your door locked?', 'show us your room'];
  const { g } = run(doors.map((text, i) => ({ id: `m${i}`, text, at: 10 + i * 10, tier: '13-15' })));
  assert.ok(g.streamRisk('s')!.components.coordination > 0);
});

test('a dare for likes holds a stranger on a child stream; from a friend it does not', () => {
  const stranger = run([{ id: 'd', text: 'do a dance for 100 likes', at: 10 }]);
  const hold = stranger.out.find((e) => e.kind === 'hold_comments' && e.target.id === 'd');
  assert.ok(hold);
  assert.match(hold.reasons.join(' '), /dare for likes or gifts/);
  const friend = run([{ id: 'd', text: 'do a dance for 100 likes', at: 10, connection: 'friend' }]);
  assert.deepEqual(acted(friend.out, 'd'), []);
});

test('a weak threat phrase presses; a sextortion threat ends the stream and escalates', () => {
  const weak = run([{ id: 'w', text: 'or else', at: 10 }]);
  assert.ok(!weak.out.some((e) => e.kind === 'end_stream'));
  assert.deepEqual(weak.g.viewerRisk('s', 'w')!.categories, ['stream_pressure']);
  const strong = run([{ id: 'x', text: 'i recorded you. do what i say or i post it', at: 10 }]);
  assert.ok(strong.out.some((e) => e.kind === 'end_stream'));
  assert.ok(strong.out.some((e) => e.kind === 'escalate'));
  assert.ok(strong.out.some((e) => e.kind === 'remove_viewer' && e.target.id === 'x'));
});

test("a sextortion threat from a friend account still ends a teen stream; on an adult's stream it does not", () => {
  const friend = run([{ id: 'f', text: 'send it or i post the video', at: 10, connection: 'friend', tier: '13-15' }]);
  assert.ok(friend.out.some((e) => e.kind === 'end_stream'));
  assert.ok(friend.out.some((e) => e.kind === 'escalate'));
  const adult = run([{ id: 'x', text: 'send it or i post the video', at: 10, connection: 'friend' }], 'adult');
  assert.ok(!adult.out.some((e) => e.kind === 'end_stream'));
});

test('an ended stream keeps its last state and peak, marked ended; a restart of the id is ignored', () => {
  const { g, end } = run(asks.map((text, i) => ({ id: `v${i}`, text, at: 10 + i * 10 })));
  const live = g.streamRisk('s')!;
  assert.equal(live.ended, false);
  end(120);
  const ended = g.streamRisk('s')!;
  assert.equal(ended.ended, true);
  assert.equal(ended.endedAt, T0 + 120_000);
  assert.equal(ended.risk, live.risk);
  assert.equal(ended.peak, live.peak);
  assert.deepEqual(ended.signals, live.signals);
  assert.deepEqual(ended.heldViewers, ['v0', 'v1', 'v2']);
  assert.deepEqual(ended.removedViewers, ['v3']);
  assert.equal(ended.restrictions.ended, true);
  assert.equal(g.streamAccess('s')!.ended, true);
  assert.equal(g.liveStreams(), 0);
});
