import assert from 'node:assert/strict';
import { test } from 'node:test';
import { policySchema } from '../safety-policy/policy-schema.ts';
import { videoLevelMatches, videoSourceTag } from './video-match.ts';
import type { BankMatch } from './types.ts';

const tag = videoSourceTag('clip', 8);
const hit = (entryId: number): BankMatch => ({ bank: 'b', bankId: 1, entryId, externalId: null, category: 'c', signalType: 'pdq', value: '0'.repeat(64), distance: 4, sources: [tag] });

test('matching.video defaults and validation', () => {
  assert.deepEqual(policySchema.parse({}).matching.video, { minQueryShare: 0.5, minComparedShare: 0.5, minFrames: 2 });
  assert.equal(policySchema.parse({ matching: { video: { minFrames: 5 } } }).matching.video.minQueryShare, 0.5);
  for (const bad of [{ minQueryShare: 1.5 }, { minComparedShare: -0.1 }, { minFrames: 0 }, { minFrames: 2.5 }, { other: 1 }]) {
    assert.equal(policySchema.safeParse({ matching: { video: bad } }).success, false, JSON.stringify(bad));
  }
});

test('a changed policy changes the verdict on the same frames', () => {
  // 3 of the banked video's 8 hashes, found in 3 of 4 query frames: query share 0.75, compared share 0.375.
  const frames = [{ matches: [hit(1)] }, { matches: [hit(2)] }, { matches: [hit(3)] }, { matches: [] }];
  assert.equal(videoLevelMatches(frames, 4, policySchema.parse({}).matching.video)[0]!.matched, true);
  const strict = policySchema.parse({ matching: { video: { minQueryShare: 0.9, minComparedShare: 0.5 } } }).matching.video;
  assert.equal(videoLevelMatches(frames, 4, strict)[0]!.matched, false);
  const moreFrames = policySchema.parse({ matching: { video: { minFrames: 4 } } }).matching.video;
  assert.equal(videoLevelMatches(frames, 4, moreFrames)[0]!.matched, false);
});
