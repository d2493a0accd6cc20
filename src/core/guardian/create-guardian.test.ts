import assert from 'node:assert/strict';
import { test } from 'node:test';
import { platformEventSchema, type PlatformEvent } from '../events.ts';
import { defaultPolicy, policySchema } from '../safety-policy/policy-schema.ts';
import { createSafetyChecks } from '../safety-policy/safety-checks.ts';
import { createGuardian } from './create-guardian.ts';

const T0 = Date.UTC(2025, 2, 1, 17);
function events() {
  let n = 0;
  return (o: Record<string, unknown>, dt = 5000): PlatformEvent => {
    n++;
    return platformEventSchema.parse({ id: `e${n}`, ts: T0 + n * dt, ...o });
  };
}
const kinds = (fx: { kind: string }[]) => fx.map((f) => f.kind);

test('a replayed event id produces nothing; the same effect from a new event is not repeated', () => {
  const g = createGuardian({ policy: defaultPolicy() });
  const ev = events();
  const start = ev({ type: 'stream.started', streamId: 's', streamer: { id: 'k', tier: 'child' } });
  const first = g.handle(start);
  assert.ok(kinds(first).includes('restrict_stream'));
  assert.deepEqual(g.handle(start), []);
  g.handle(ev({ type: 'stream.viewer_joined', streamId: 's', viewer: { id: 'v', tier: 'adult' } }));
  const a = g.handle(ev({ type: 'stream.comment', streamId: 's', author: { id: 'v' }, text: 'send me a picture of you' }));
  assert.ok(kinds(a).includes('hold_comments'));
  const b = g.handle(ev({ type: 'stream.comment', streamId: 's', author: { id: 'v' }, text: 'send me a picture of you' }));
  assert.ok(!kinds(b).includes('hold_comments'), 'held once');
});

test('streamAccess feeds the action checks with live restrictions', () => {
  const policy = defaultPolicy();
  const g = createGuardian({ policy });
  const checks = createSafetyChecks(policy);
  const ev = events();
  g.handle(ev({ type: 'stream.started', streamId: 's', streamer: { id: 'k', ageTier: '13-15' }, audience: 'public' }));
  g.handle(ev({ type: 'stream.viewer_joined', streamId: 's', viewer: { id: 'v', tier: 'adult' } }));
  g.handle(ev({ type: 'stream.comment', streamId: 's', author: { id: 'v' }, text: 'send me a picture of you' }));
  const access = g.streamAccess('s')!;
  assert.equal(access.connectionsOnly, true);
  assert.equal(checks.canComment({ id: 'v', tier: 'adult', relation: 'none' }, access).allow, false);
  assert.equal(checks.canComment({ id: 'f', tier: '13-15', relation: 'friend' }, access).allow, true);
  assert.equal(g.streamAccess('nope'), undefined);
});

test('risk read models explain themselves and risk is weighed by who the viewer is', () => {
  const g = createGuardian({ policy: policySchema.parse({ live: { publicMinAge: 13 } }) });
  const ev = events();
  g.handle(ev({ type: 'stream.started', streamId: 's', streamer: { id: 'k', ageTier: '13-15' } }));
  g.handle(ev({ type: 'stream.viewer_joined', streamId: 's', viewer: { id: 'stranger', tier: 'adult' } }));
  g.handle(ev({ type: 'stream.viewer_joined', streamId: 's', viewer: { id: 'aunt', tier: 'adult' }, connection: 'family' }));
  for (const who of ['stranger', 'aunt']) {
    g.handle(ev({ type: 'stream.comment', streamId: 's', author: { id: who }, text: 'are you alone right now?' }));
  }
  const stranger = g.viewerRisk('s', 'stranger')!;
  const aunt = g.viewerRisk('s', 'aunt')!;
  assert.deepEqual(stranger.categories, ['supervision_check']);
  assert.ok(stranger.risk > aunt.risk * 3, `${stranger.risk} vs ${aunt.risk}`);
  assert.equal(aunt.relation, 'family');
  const s = g.streamRisk('s')!;
  assert.equal(s.streamerTier, '13-15');
  assert.equal(s.topViewers[0]!.id, 'stranger');
  assert.ok(s.risk >= 0 && s.risk <= 1);
});

test('a streamer who says she is 12 makes the guardian treat the stream as a child’s', () => {
  const g = createGuardian({ policy: defaultPolicy(), country: 'US' });
  const ev = events();
  g.handle(ev({ type: 'stream.started', streamId: 's', streamer: { id: 'k', tier: 'adult' } }));
  g.handle(ev({ type: 'stream.viewer_joined', streamId: 's', viewer: { id: 'v', tier: 'adult' } }));
  const before = g.handle(ev({ type: 'stream.comment', streamId: 's', author: { id: 'v' }, text: 'are you alone right now?' }));
  assert.deepEqual(before, [], 'adult streamer: quiet');
  const riskBefore = g.viewerRisk('s', 'v')!;
  const fx = g.handle(ev({ type: 'stream.comment', streamId: 's', author: { id: 'k' }, text: "i'm 12" }));
  for (const k of ['enqueue_review', 'nudge_user', 'restrict_stream']) assert.ok(kinds(fx).includes(k), `${k} in ${kinds(fx)}`);
  assert.equal(g.ageDecision('k')!.tier, 'under13');
  assert.equal(g.streamRisk('s')!.streamerTier, 'under13');
  const nudge = fx.find((f) => f.kind === 'nudge_user')!;
  assert.ok(nudge.support!.resources.some((r) => r.name === 'NCMEC CyberTipline'), 'US resources from the country option');
  const riskAfter = g.viewerRisk('s', 'v')!;
  assert.ok(riskAfter.contextFactor > riskBefore.contextFactor, 'the earlier probing now weighs fully');
  assert.ok(riskAfter.risk > riskBefore.risk);
});

test('known-content frames end the stream, preserve the frame and open a case; a classifier hit pauses', () => {
  const known = 'ab'.repeat(32);
  const g = createGuardian({
    policy: defaultPolicy(),
    frameMatcher: (hex) => (hex === known ? [{ id: 'entry-7', distance: 0, bank: 'test' }] : []),
    frameClassifier: (f) => (f.pdq === 'cd'.repeat(32) ? [{ label: 'test-label', score: 0.95 }] : []),
  });
  const ev = events();
  g.handle(ev({ type: 'stream.started', streamId: 'a', streamer: { id: 'x', tier: 'adult' } }));
  assert.deepEqual(g.handle(ev({ type: 'stream.frame', streamId: 'a', pdq: 'ef'.repeat(32) })), []);
  const fx = g.handle(ev({ type: 'stream.frame', streamId: 'a', pdq: known.toUpperCase() }));
  assert.deepEqual(kinds(fx), ['end_stream', 'preserve_evidence', 'open_case']);
  assert.ok(fx.every((f) => f.severity === 'critical'));
  assert.equal(fx[1]!.target.type, 'frame');
  assert.ok(fx[0]!.evidence.some((e) => e.kind === 'bank_match' && e.id === 'entry-7'));
  assert.deepEqual(g.handle(ev({ type: 'stream.frame', streamId: 'a', pdq: known })), [], 'an ended stream asks for nothing more');
  g.handle(ev({ type: 'stream.started', streamId: 'b', streamer: { id: 'y', tier: 'adult' } }));
  assert.deepEqual(kinds(g.handle(ev({ type: 'stream.frame', streamId: 'b', pdq: 'cd'.repeat(32) }))), ['preserve_evidence', 'pause_stream', 'enqueue_review', 'nudge_user']);
});

test('a viewer who joins a connections-only stream without a connection is removed, without accusation', () => {
  const g = createGuardian({ policy: defaultPolicy() });
  const ev = events();
  g.handle(ev({ type: 'stream.started', streamId: 's', streamer: { id: 'k', tier: 'child' }, audience: 'supervised' }));
  const fx = g.handle(ev({ type: 'stream.viewer_joined', streamId: 's', viewer: { id: 'v', tier: 'adult' }, connection: 'follower' }));
  assert.deepEqual(kinds(fx), ['remove_viewer']);
  assert.equal(fx[0]!.severity, 'low');
  assert.match(fx[0]!.reasons[0]!, /^policy: /);
  assert.deepEqual(g.handle(ev({ type: 'stream.viewer_joined', streamId: 's', viewer: { id: 'f', tier: 'child' }, connection: 'friend' })), []);
});

test('memory is bounded: viewers per stream, remembered events, ended streams', () => {
  const policy = policySchema.parse({ guardian: { maxViewersPerStream: 10 } });
  const g = createGuardian({ policy, maxSeenEvents: 50, maxEndedStreams: 3 });
  const ev = events();
  g.handle(ev({ type: 'stream.started', streamId: 's', streamer: { id: 'k', tier: 'adult' } }));
  for (let i = 0; i < 100; i++) g.handle(ev({ type: 'stream.viewer_joined', streamId: 's', viewer: { id: `v${i}`, tier: 'adult' } }, 10));
  assert.equal(g.streamRisk('s')!.viewers, 10);
  assert.ok(g.viewerRisk('s', 'v99'), 'the newest viewer is kept');
  assert.equal(g.viewerRisk('s', 'v0'), undefined, 'the oldest quiet viewer is forgotten');
  for (let i = 0; i < 5; i++) {
    g.handle(ev({ type: 'stream.started', streamId: `t${i}`, streamer: { id: `x${i}`, tier: 'adult' } }));
    g.handle(ev({ type: 'stream.ended', streamId: `t${i}` }));
  }
  assert.equal(g.liveStreams(), 1);
});

test('age signals and appeals flow through the guardian as effects', () => {
  const g = createGuardian({ policy: defaultPolicy() });
  const ev = events();
  const fx = g.handle(ev({ type: 'age.signal', account: { id: 'a' }, method: 'estimation', age: 22, confidence: 0.9, provider: 'vendor' }));
  assert.deepEqual(kinds(fx), ['require_age_check']);
  const appeal = g.handle(ev({ type: 'age.appeal', account: { id: 'a' }, claimedAge: 30 }));
  assert.deepEqual(kinds(appeal), ['enqueue_review', 'require_age_check'], 'an appeal goes to a reviewer, and a stronger check may settle it');
  assert.notEqual(appeal[0]!.dedupeKey, fx[0]!.dedupeKey);
  assert.deepEqual(g.handle(ev({ type: 'age.signal', account: { id: 'a' }, method: 'credit_card' })), []);
  assert.equal(g.ageDecision('a')!.tier, 'adult');
  assert.equal(g.ageDecision('a')!.appealPending, false);
});

test('reports: a review at the first, a restriction at three, imminent reasons end and escalate', () => {
  const g = createGuardian({ policy: defaultPolicy() });
  const ev = events();
  g.handle(ev({ type: 'stream.started', streamId: 's', streamer: { id: 'k', tier: 'teen' }, audience: 'connections' }));
  const one = g.handle(ev({ type: 'report.filed', reporter: { id: 'r1' }, subject: { type: 'stream', id: 's' }, reason: 'other' }));
  assert.deepEqual(kinds(one), ['enqueue_review']);
  const again = g.handle(ev({ type: 'report.filed', reporter: { id: 'r1' }, subject: { type: 'stream', id: 's' }, reason: 'other' }));
  assert.deepEqual(again, [], 'the same reporter counts once');
  const urgent = g.handle(ev({ type: 'report.filed', reporter: { id: 'r2' }, subject: { type: 'stream', id: 's' }, reason: 'imminent_danger' }));
  assert.ok(kinds(urgent).includes('end_stream') && kinds(urgent).includes('escalate'));
});

test('a frame kept at intake (contentId) is named in the evidence of its effects', () => {
  const known = 'ab'.repeat(32);
  const g = createGuardian({ policy: defaultPolicy(), frameMatcher: (hex) => (hex === known ? [{ id: 'entry-7', distance: 2 }] : []) });
  const ev = events();
  g.handle(ev({ type: 'stream.started', streamId: 'a', streamer: { id: 'x', ageTier: '13-15' }, audience: 'connections' }));
  const fx = g.handle(ev({ type: 'stream.frame', streamId: 'a', pdq: known, contentId: 'cnt_kept' }));
  assert.deepEqual(kinds(fx), ['end_stream', 'preserve_evidence', 'open_case']);
  for (const f of fx) assert.ok(f.evidence.some((e) => e.kind === 'content' && e.id === 'cnt_kept'), f.kind);
});

test('every age stated in text is reported to onAgeDisclosure, even when it changes nothing here', () => {
  const seen: [string, string, number | undefined, string][] = [];
  const g = createGuardian({ policy: defaultPolicy(), onAgeDisclosure: (account, entry) => seen.push([account, entry.id, entry.age, entry.method]) });
  const ev = events();
  g.handle(ev({ type: 'chat.message', conversationId: 'c', author: { id: 'kid', tier: 'child' }, text: "i'm 12" }));
  g.handle(ev({ type: 'chat.message', conversationId: 'c', author: { id: 'other' }, text: 'see you tomorrow' }));
  g.handle(ev({ type: 'stream.started', streamId: 's', streamer: { id: 'teen', ageTier: '13-15' }, audience: 'connections' }));
  g.handle(ev({ type: 'stream.comment', streamId: 's', author: { id: 'teen' }, text: "i'm 14" }));
  assert.deepEqual(seen, [
    ['kid', 'e1#age', 12, 'chat_disclosure'],
    ['teen', 'e4#age', 14, 'chat_disclosure'],
  ]);
  assert.equal(g.ageDecision('kid'), undefined, 'the platform already said child: no new age record here');
});
