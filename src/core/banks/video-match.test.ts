// Whole-video matching: source tags, frame deduplication and the query/compared shares with thresholds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BankMatch } from './types.ts';
import { dedupeFrameHashes, parseVideoTag, videoLevelMatches, videoSourceTag } from './video-match.ts';

const hash = (nibble: string, flips = 0): string => {
  const h = nibble.repeat(64).split('');
  for (let i = 0; i < flips; i++) h[i] = h[i] === 'f' ? '0' : 'f';
  return h.join('');
};

const match = (entryId: number, sources: string[], bankId = 1): BankMatch => ({
  bank: `bank-${bankId}`,
  bankId,
  entryId,
  externalId: null,
  category: 'A',
  signalType: 'pdq',
  value: hash('a'),
  distance: 4,
  sources,
});

test('video source tags round-trip and other sources are ignored', () => {
  assert.deepEqual(parseVideoTag(videoSourceTag('0123abcd', 12)), { id: '0123abcd', frames: 12 });
  assert.equal(parseVideoTag('ncmec'), undefined);
  assert.equal(parseVideoTag('video:bad id:3'), undefined);
});

test('a still scene is banked once; low-quality frames are not banked', () => {
  const frames = [
    { pdq: hash('a'), quality: 90 },
    { pdq: hash('a', 1), quality: 90 }, // 4 bits away: the same scene
    { pdq: hash('5'), quality: 90 },
    { pdq: hash('3'), quality: 20 },
    { pdq: hash('a'), quality: 90 },
  ];
  assert.deepEqual(dedupeFrameHashes(frames).map((f) => f.pdq), [hash('a'), hash('5')]);
});

test('query and compared shares decide a whole-video match', () => {
  const tagA = videoSourceTag('videoa', 4);
  const tagB = videoSourceTag('videob', 10);
  // Ten query frames: eight match video A (entries 1..4 found), one matches video B, one matches nothing.
  const frames = [1, 2, 3, 4, 1, 2, 3, 4].map((id) => ({ matches: [match(id, ['list', tagA])] }));
  frames.push({ matches: [match(20, [tagB])] }, { matches: [] });
  const out = videoLevelMatches(frames, 10);
  assert.equal(out.length, 2);
  assert.deepEqual(
    { ...out[0], bank: undefined },
    { bank: undefined, bankId: 1, videoId: 'videoa', category: 'A', bankedFrames: 4, foundFrames: 4, matchedQueryFrames: 8, queryShare: 0.8, comparedShare: 1, matched: true },
  );
  assert.equal(out[1]!.videoId, 'videob');
  assert.equal(out[1]!.matched, false, 'one frame of ten, one hash of ten: not a whole-video match');
  assert.equal(out[1]!.comparedShare, 0.1);
});

test('a short banked clip inside a long query matches by its compared share', () => {
  const tag = videoSourceTag('clip', 3);
  const frames = Array.from({ length: 100 }, (_, i) => ({ matches: i >= 40 && i < 43 ? [match(100 + i, [tag])] : [] }));
  const [v] = videoLevelMatches(frames, 100);
  assert.equal(v!.queryShare, 0.03);
  assert.equal(v!.comparedShare, 1);
  assert.equal(v!.matched, true);
  assert.equal(videoLevelMatches(frames, 100, { minQueryShare: 0.5, minComparedShare: 1.01, minFrames: 2 })[0]!.matched, false);
});

test('one matching frame is not enough for a video of many hashes, and videos in two banks stay apart', () => {
  const tag = videoSourceTag('same', 2);
  const out = videoLevelMatches([{ matches: [match(1, [tag], 1), match(2, [tag], 2)] }], 1);
  assert.equal(out.length, 2);
  assert.ok(out.every((v) => v.foundFrames === 1 && !v.matched), 'one of two hashes found, fewer than minFrames');
});
