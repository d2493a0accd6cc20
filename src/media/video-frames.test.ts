// Video frame sampling through ffmpeg, on benign generated test patterns.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { hashImage } from './hash-image.ts';
import { hashVideo, videoFrames } from './video-frames.ts';

const ffmpeg = process.env.LIFEGUARD_FFMPEG || 'ffmpeg';
const hasFfmpeg = spawnSync(ffmpeg, ['-version']).status === 0;
const skip = hasFfmpeg ? false : 'ffmpeg is not installed';
let dir = '';

const make = (name: string, ...args: string[]) => {
  const r = spawnSync(ffmpeg, ['-v', 'error', '-y', ...args, join(dir, name)]);
  assert.equal(r.status, 0, r.stderr?.toString());
  return join(dir, name);
};
const code = (c: string) => (e: unknown) => isLifeguardError(e) && e.code === c;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'lifeguard-video-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('samples one frame per second with timestamps, or at another rate', { skip }, async () => {
  const video = make('pattern.mp4', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10', '-t', '3', '-pix_fmt', 'yuv420p');
  const frames = [];
  for await (const f of videoFrames(video, { ffmpegPath: ffmpeg })) frames.push({ t: f.t, w: f.width, h: f.height, n: f.pixels.length });
  assert.deepEqual(frames, [0, 1, 2].map((t) => ({ t, w: 160, h: 120, n: 160 * 120 * 3 })));

  const twice = await hashVideo(video, { ffmpegPath: ffmpeg, fps: 2 });
  assert.deepEqual(twice.frames.map((f) => f.t), [0, 0.5, 1, 1.5, 2, 2.5]);
  assert.equal(new Set(twice.frames.map((f) => f.pdq)).size, 6, 'the moving pattern gives a different hash per frame');
  assert.ok(twice.frames.every((f) => /^[0-9a-f]{64}$/.test(f.pdq) && f.quality >= 50));
  assert.equal(twice.md5, createHash('md5').update(readFileSync(video)).digest('hex'));
  assert.equal(twice.sha256, createHash('sha256').update(readFileSync(video)).digest('hex'));
});

test('a still image hashes the same as a one-frame video', { skip }, async () => {
  const png = join(dir, 'still.png');
  const w = 96;
  const h = 64;
  const px = Buffer.alloc(w * h * 3);
  for (let i = 0; i < w * h; i++) px[i * 3] = (i % w) * 2, px[i * 3 + 1] = Math.floor(i / w) * 3, px[i * 3 + 2] = (i * 7) & 255;
  await sharp(px, { raw: { width: w, height: h, channels: 3 } }).png().toFile(png);
  const v = await hashVideo(png, { ffmpegPath: ffmpeg });
  assert.equal(v.frames.length, 1);
  assert.equal(v.frames[0]!.pdq, (await hashImage(png)).pdq);
});

test('limits and bad input give clear error codes', { skip }, async () => {
  const video = make('long.mp4', '-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=5', '-t', '4', '-pix_fmt', 'yuv420p');
  await assert.rejects(hashVideo(video, { ffmpegPath: ffmpeg, maxFrames: 2 }), code('video_too_long'));
  await assert.rejects(hashVideo(video, { ffmpegPath: ffmpeg, maxFramePixels: 1000 }), code('video_frame_too_large'));
  await assert.rejects(hashVideo(video, { ffmpegPath: ffmpeg, fps: 0 }), code('invalid_fps'));

  const truncated = join(dir, 'truncated.mp4');
  writeFileSync(truncated, readFileSync(video).subarray(0, 2000));
  await assert.rejects(hashVideo(truncated, { ffmpegPath: ffmpeg }), (e) => code('invalid_video')(e) && !String((e as Error).message).includes(dir));
  const empty = join(dir, 'empty.mp4');
  writeFileSync(empty, '');
  await assert.rejects(hashVideo(empty, { ffmpegPath: ffmpeg }), code('invalid_video'));
  const text = join(dir, 'notes.mp4');
  writeFileSync(text, 'just some text, not a video at all\n'.repeat(20));
  await assert.rejects(hashVideo(text, { ffmpegPath: ffmpeg }), code('invalid_video'));
  const audio = make('tone.wav', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1');
  await assert.rejects(hashVideo(audio, { ffmpegPath: ffmpeg }), code('no_video_stream'));
  await assert.rejects(hashVideo(join(dir, 'missing.mp4'), { ffmpegPath: ffmpeg }), code('file_not_found'));
  await assert.rejects(hashVideo(video, { ffmpegPath: join(dir, 'no-such-ffmpeg') }), code('ffmpeg_not_found'));
});

test('stopping early stops ffmpeg', { skip }, async () => {
  const video = make('stop.mp4', '-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=5', '-t', '20', '-pix_fmt', 'yuv420p');
  let n = 0;
  for await (const f of videoFrames(video, { ffmpegPath: ffmpeg, fps: 5 })) {
    assert.equal(f.index, n);
    if (++n === 2) break;
  }
  assert.equal(n, 2);
});
