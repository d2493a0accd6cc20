// A live stream's frames accumulating against a banked video. The hashes are real PDQ hashes of benign
// generated frames: ffmpeg's testsrc2 pattern (8 sampled frames, banked) and the same clip re-encoded at a
// lower quality (the stream), plus frames of ffmpeg's mandelbrot source (unrelated content).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { videoSourceTag } from '../banks/video-match.ts';
import type { Effect } from '../effects.ts';
import { platformEventSchema, type PlatformEvent } from '../events.ts';
import { hammingDistance } from '../pdq/hamming.ts';
import { PDQ_MATCH_THRESHOLD } from '../pdq/thresholds.ts';
import { defaultPolicy, policySchema, type Policy } from '../safety-policy/policy-schema.ts';
import { createGuardian } from './create-guardian.ts';
import { MAX_STREAM_VIDEOS, noteVideoFrame, onlyVideoFrames } from './stream-videos.ts';
import type { FrameMatcher, KnownMatch } from './types.ts';

const banked = [
  '60be28bdb8177c0a6eb1b3c311ea04f5f04f920bbb05f9468678da3c9d3c9c3c',
  'b8186ef011feee0037b984473a8115e7e2177ec0877fd80de768983cde3cb518',
  '319cee70884639de6631c4e739c79311e2672ee21999db3dce60785ebd18c638',
  '1898319e319c339c27d8b39967116711c631763fc67dce7c4e78780e4c6c8e7c',
  '639e01cad8277c524f39b38c13c644e3f06f8239f91e7d0e8ee85a34bd38ac3c',
  '30966e78119eec60379b8d6762991de7c2797c864f69d09e2e68183cec2cbf18',
  '738c4cf099263b0dc679ccc339878331f26d0cc3f99b7b34866cf85ebd188638',
  '35923192339a339a269b729b269b6659c7717449c669ce6c8668784efc6c8e7c',
];
const restreamed = [
  '60be28bd98177c0a6eb1b3c311eb04f7f04f920bbb07f9468668da3c993c9c3c',
  'b8106ef011ffee0037b984473a8117e7e2177ec0877fd80de768983cdc3cb518',
  '319cee70884639dc6631c4e739c79311e2672ee31999db3dce60785ebd18c638',
  '1898319e319c339c27d9339927116711c631763fc67dce7cce78780e4c6cce78',
  '639e01ce98677c524f39b38c13c644e3f06f8239f91e7d0e8ee05a34bd38ac3c',
  '30966e78119eec60379b8d6762991de7c27978864f69f09e2e68383cec2cbd18',
  '738c6cf099263b0dc679ccc339878331f26d0cc3d99b7b34866cf85ebd188638',
  '35923192339a339a269b729b269b6659c7717449c669ce6c8668784efc6c8e7c',
];
const unrelated = [
  '4b19f939c966271c329964c2c9f3db9933298c3684e47b4bb69c95246af46ad9',
  '491fb139a5e6b61c329964c3c9e74b99332cbc3694e66b4bf69894a42b546a59',
  'c92fb3b9b6e63656725948c3cda68919b32cb476d6c6e34ba258d4b429442b59',
];

/** A bank over (hash, id, sources) rows, matched by Hamming distance as the real index does. */
function bank(rows: { hash: string; id: string; sources?: string[] }[]): FrameMatcher {
  return (hex) =>
    rows.flatMap((r): KnownMatch[] => {
      const distance = hammingDistance(hex, r.hash);
      return distance <= PDQ_MATCH_THRESHOLD ? [{ id: r.id, distance, bank: 'videos', category: 'test', ...(r.sources ? { sources: r.sources } : {}) }] : [];
    });
}
const videoBank = bank(banked.map((hash, i) => ({ hash, id: `e${i + 1}`, sources: [videoSourceTag('clip-1', 8)] })));

function stream(policy: Policy, frameMatcher: FrameMatcher) {
  const g = createGuardian({ policy, frameMatcher });
  let n = 0;
  const ev = (o: Record<string, unknown>): PlatformEvent => platformEventSchema.parse({ id: `e${++n}`, ts: Date.UTC(2025, 2, 1, 17) + n * 1000, ...o });
  g.handle(ev({ type: 'stream.started', streamId: 's', streamer: { id: 'host', tier: 'adult' }, audience: 'public' }));
  return (pdq: string): Effect[] => g.handle(ev({ type: 'stream.frame', streamId: 's', pdq, quality: 100 }));
}
const kinds = (fx: Effect[]) => fx.map((f) => f.kind).sort();

test('the hashes: each re-encoded frame is near its banked frame, the unrelated frames near none', () => {
  restreamed.forEach((h, i) => assert.ok(hammingDistance(h, banked[i]!) <= 8, `frame ${i}`));
  for (const h of unrelated) assert.deepEqual(videoBank(h), []);
});

test('default policy: the first frame of a banked video is preserved and reviewed, the second ends the stream naming the video', () => {
  const frame = stream(defaultPolicy(), videoBank);
  for (const h of unrelated) assert.deepEqual(frame(h), []);
  const first = frame(restreamed[0]!);
  assert.deepEqual(kinds(first), ['enqueue_review', 'preserve_evidence']);
  assert.match(first[0]!.reasons[0]!, /matches a frame of banked video clip-1 \(videos, test\): 1 of 8 of its frames seen/);
  const second = frame(restreamed[1]!);
  assert.deepEqual(kinds(second), ['end_stream', 'open_case', 'preserve_evidence']);
  const end = second.find((e) => e.kind === 'end_stream')!;
  assert.equal(end.severity, 'critical');
  assert.match(end.reasons[0]!, /^re-streamed recording of banked video clip-1 \(videos, test\): 2 of 8 of its frames seen, 2 of 2 stream frames since it appeared match it/);
  assert.deepEqual(end.evidence.map((x) => `${x.kind}:${x.id}`).slice(0, 1), ['frame:e6']);
  assert.ok(end.evidence.some((x) => x.kind === 'bank_match' && x.id === 'e1') && end.evidence.some((x) => x.kind === 'bank_match' && x.id === 'e2'));
  assert.deepEqual(frame(restreamed[2]!), [], 'the stream has ended');
});

test('a changed policy changes the verdict: with minFrames 6 the stream ends at 6 of 8 frames, not before', () => {
  const frame = stream(policySchema.parse({ matching: { video: { minFrames: 6 } } }), videoBank);
  const ends: number[] = [];
  restreamed.forEach((h, i) => {
    if (frame(h).some((e) => e.kind === 'end_stream')) ends.push(i + 1);
  });
  assert.deepEqual(ends, [6]);
  // minFrames 1: the first frame is a whole-video match (1 of 1 stream frames since it appeared).
  const single = stream(policySchema.parse({ matching: { video: { minFrames: 1 } } }), videoBank);
  assert.ok(single(restreamed[0]!).some((e) => e.kind === 'end_stream'));
  const shares = stream(policySchema.parse({ matching: { video: { minQueryShare: 0.9, minComparedShare: 0.75, minFrames: 2 } } }), videoBank);
  const order: string[] = [];
  for (const h of [restreamed[0]!, unrelated[0]!, restreamed[1]!, unrelated[1]!, restreamed[2]!, restreamed[3]!, restreamed[4]!, restreamed[5]!]) {
    const fx = shares(h);
    order.push(fx.some((e) => e.kind === 'end_stream') ? 'END' : fx.length > 0 ? 'r' : '-');
  }
  // Query share stays below 0.9 (unrelated frames in between); the compared share reaches 6/8 = 0.75 at the last.
  assert.deepEqual(order, ['r', '-', 'r', '-', 'r', 'r', 'r', 'END']);
});

test('a frame matching a bank entry that is not only a video frame still ends the stream at once', () => {
  const mixed = bank([
    { hash: banked[0]!, id: 'plain' },
    { hash: banked[1]!, id: 'both', sources: [videoSourceTag('clip-1', 8), 'hotline-list'] },
  ]);
  for (const h of [restreamed[0]!, restreamed[1]!]) {
    const fx = stream(defaultPolicy(), mixed)(h);
    assert.deepEqual(kinds(fx), ['end_stream', 'open_case', 'preserve_evidence']);
    assert.match(fx[0]!.reasons[0]!, /^a frame of this stream matches known content/);
  }
});

test('bounds: a stream follows at most MAX_STREAM_VIDEOS banked videos; only video-only matches accumulate', () => {
  const videos = new Map();
  for (let i = 0; i < MAX_STREAM_VIDEOS + 10; i++) {
    noteVideoFrame(videos, i + 1, { kind: 'frame', id: `f${i}`, summary: '' }, [{ id: `x${i}`, distance: 1, sources: [videoSourceTag(`v${i}`, 4)] }]);
  }
  assert.equal(videos.size, MAX_STREAM_VIDEOS);
  assert.equal(onlyVideoFrames([]), false);
  assert.equal(onlyVideoFrames([{ id: 'a', distance: 0 }]), false);
  assert.equal(onlyVideoFrames([{ id: 'a', distance: 0, sources: ['video:v:3'] }]), true);
  assert.equal(onlyVideoFrames([{ id: 'a', distance: 0, sources: ['video:v:3'] }, { id: 'b', distance: 0, sources: ['list'] }]), false);
});
