// POST /v1/content judges whole videos by the policy's `matching.video` thresholds: the same trimmed copy of a
// banked clip (ffmpeg's benign testsrc2 pattern) is a video match under the default policy and only a partial
// one under a policy that asks for every banked frame.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dedupeFrameHashes, videoSourceTag } from '../src/core/banks/video-match.ts';
import { hashVideo } from '../src/media/video-frames.ts';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { testDatabases } from './support/databases.ts';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const ffmpeg = (...args: string[]) => {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
  assert.equal(r.status, 0, r.stderr?.toString());
};

for (const target of testDatabases()) describe(`${target.name}: whole-video thresholds from the policy`, { skip: hasFfmpeg ? false : 'ffmpeg is not installed' }, () => {
  let dir = '';
  let apps: TestApp[] = [];
  let cleanup: () => Promise<void> = async () => {};
  let banked = 0;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lg-video-policy-'));
    ffmpeg('-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=10', '-t', '8', '-c:v', 'mpeg4', '-q:v', '3', join(dir, 'clip.mp4'));
    ffmpeg('-ss', '2', '-i', join(dir, 'clip.mp4'), '-t', '4', '-c:v', 'mpeg4', '-q:v', '3', join(dir, 'trimmed.mp4'));
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ matching: { video: { minFrames: 10_000 } } }));
    const opened = await target.open();
    const t = await createTestApp(opened.database);
    apps = [t];
    cleanup = async () => {
      for (const a of apps) await a.close();
      await opened.cleanup();
    };
    const banks = await t.token('banks');
    assert.equal((await t.call('POST', '/v1/banks', { token: banks, json: { name: 'videos', description: 'generated test videos' } })).status, 201);
    const frames = dedupeFrameHashes((await hashVideo(join(dir, 'clip.mp4'))).frames);
    banked = frames.length;
    const tag = videoSourceTag('clip-1', banked);
    const added = await t.call('POST', '/v1/banks/videos/entries', { token: banks, json: { entries: frames.map((f) => ({ type: 'pdq', value: f.pdq, quality: f.quality, sources: [tag] })) } });
    assert.ok(added.status < 300, JSON.stringify(added.body));
    // Opened after the banking, so its index holds the entries.
    apps.push(await createTestApp(opened.database, { env: { LIFEGUARD_POLICY_FILE: join(dir, 'strict.json') } }));
  });
  after(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the default policy calls the trimmed copy a video match; the strict one a partial match', async () => {
    const bytes = readFileSync(join(dir, 'trimmed.mp4'));
    const verdicts = [];
    for (const app of apps) {
      const r = await app.call('POST', '/v1/content', { token: await app.token('content'), body: bytes, headers: { 'content-type': 'video/mp4' } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const [v] = r.body.video.videos;
      assert.equal(v.videoId, 'clip-1');
      assert.ok(v.foundFrames >= 2 && v.foundFrames < banked, JSON.stringify(v));
      verdicts.push(v.matched);
    }
    assert.deepEqual(verdicts, [true, false]);
  });

  test('a live stream showing the recording: its first frame is reviewed, the second ends the stream naming the video', async () => {
    const t = apps[0]!;
    await t.deps.services.matching?.matchHashes({ pdq: '0'.repeat(64) }); // the index (and its video frames) caught up
    const events = await t.token('events');
    const frames = (await hashVideo(join(dir, 'trimmed.mp4'))).frames.slice(0, 3);
    const batch = {
      events: [
        { id: 'vp-start', type: 'stream.started', streamId: 'vp-s1', streamer: { id: 'vp-host', tier: 'adult' }, audience: 'public', ts: 1_700_000_000_000 },
        ...frames.map((f, i) => ({ id: `vp-frame-${i}`, type: 'stream.frame', streamId: 'vp-s1', pdq: f.pdq, quality: f.quality, ts: 1_700_000_001_000 + i * 1000 })),
      ],
    };
    const res = await t.call('POST', '/v1/events', { token: events, json: batch });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    await t.drain();
    const fx = (await t.call('GET', '/v1/effects?limit=1000', { token: events })).body.items as { eventId: string; effect: { kind: string; reasons: string[] } }[];
    const mine = fx.filter((e) => e.eventId.startsWith('vp-frame-')).map((e) => `${e.eventId}:${e.effect.kind}`).sort();
    assert.deepEqual(mine, ['vp-frame-0:enqueue_review', 'vp-frame-0:preserve_evidence', 'vp-frame-1:end_stream', 'vp-frame-1:open_case', 'vp-frame-1:preserve_evidence']);
    const end = fx.find((e) => e.eventId === 'vp-frame-1' && e.effect.kind === 'end_stream')!;
    assert.match(end.effect.reasons[0]!, new RegExp(`^re-streamed recording of banked video clip-1 \\(videos\\): 2 of ${banked} of its frames seen`));
  });
});
