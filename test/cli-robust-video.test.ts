// `lifeguard match` with robust matching (on by default, --no-robust), and whole-video matching: a clip banked
// with `bank add-video`, then the same clip, trimmed, re-encoded, with a border, and a different clip.
// Everything is generated: test patterns (sharp) and ffmpeg's test sources.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { renderTestPattern } from '../src/matching/test-patterns.ts';
import { runCli } from './support/run-cli.ts';

let dir = '';
const f = (name: string) => join(dir, name);
const cli = (...argv: string[]) => runCli(argv, { env: { LIFEGUARD_DATA_DIR: f('data') } });
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const ffmpeg = (...args: string[]) => {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
  assert.equal(r.status, 0, r.stderr?.toString());
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifeguard-cli-robust-'));
  const original = await renderTestPattern('sunset', 31, 480, 360);
  writeFileSync(f('original.png'), original);
  writeFileSync(f('letterboxed.jpg'), await sharp(original).extend({ left: 60, right: 60, background: '#000' }).jpeg({ quality: 80 }).toBuffer());
  writeFileSync(f('other.png'), await renderTestPattern('tiles', 32, 480, 360));
  const hashed = await cli('hash', '--json', f('original.png'));
  writeFileSync(f('list.csv'), `type,hash,id,category\npdq,${hashed.rows[0]!.pdq},sunset-31,A\n`);
  assert.equal((await cli('bank', 'import', 'known', f('list.csv'), '--create')).code, 0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('match names the variant of a letterboxed copy; --no-robust misses it; an unrelated picture never matches', async () => {
  const r = await cli('match', '--json', f('letterboxed.jpg'), f('other.png'));
  assert.equal(r.code, 1);
  const [boxed, other] = r.rows as { matches: { externalId: string; variant?: string; note?: string }[] }[];
  assert.deepEqual(boxed!.matches.map((m) => [m.externalId, m.variant]), [['sunset-31', 'trimmed']]);
  assert.match(boxed!.matches[0]!.note!, /^matched after trimming a border, distance \d+$/);
  assert.deepEqual(other!.matches, []);
  const text = await cli('match', f('letterboxed.jpg'));
  assert.match(text.out, /MATCH\n {2}bank 'known' entry \d+ \(sunset-31\) category A: pdq distance \d+ \(matched after trimming a border, distance \d+\)/);
  const plain = await cli('match', '--no-robust', f('letterboxed.jpg'));
  assert.equal(plain.code, 0, plain.out);
  assert.match(plain.out, /no match/);
});

test('whole videos: a banked clip is found trimmed, re-encoded and bordered; a different clip is not', { skip: hasFfmpeg ? false : 'ffmpeg is not installed' }, async () => {
  ffmpeg('-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=10', '-t', '8', '-c:v', 'mpeg4', '-q:v', '3', f('clip.mp4'));
  ffmpeg('-ss', '2', '-i', f('clip.mp4'), '-t', '4', '-c:v', 'mpeg4', '-q:v', '3', f('trimmed.mp4'));
  ffmpeg('-i', f('clip.mp4'), '-c:v', 'mpeg4', '-q:v', '12', f('reencoded.mp4'));
  ffmpeg('-i', f('clip.mp4'), '-vf', 'pad=iw+64:ih+48:32:24:black', '-c:v', 'mpeg4', '-q:v', '3', f('bordered.mp4'));
  ffmpeg('-f', 'lavfi', '-i', 'mandelbrot=size=320x240:rate=10', '-t', '8', '-c:v', 'mpeg4', '-q:v', '3', f('different.mp4'));

  const banked = await cli('bank', 'add-video', '--json', 'videos', f('clip.mp4'), '--id', 'clip-1', '--category', 'test', '--create');
  assert.equal(banked.code, 0, banked.err);
  const b = banked.rows[0]!;
  assert.equal(b.sampled, 8);
  assert.ok(b.frames >= 2 && b.frames <= 8, `distinct hashes ${b.frames}`);
  assert.match(b.videoId, /^[0-9a-f]{16}$/);

  type V = { videos: { videoId: string; matched: boolean; queryShare: number; comparedShare: number; foundFrames: number }[] };
  const video = async (name: string, ...flags: string[]) => (await cli('match', '--json', '--video', '--bank', 'videos', ...flags, f(name))).rows[0] as V;
  for (const [name, compared] of [['clip.mp4', 1], ['trimmed.mp4', 0.3], ['reencoded.mp4', 0.8], ['bordered.mp4', 0.8]] as const) {
    const v = await video(name);
    assert.equal(v.videos.length, 1, name);
    assert.equal(v.videos[0]!.videoId, b.videoId);
    assert.equal(v.videos[0]!.matched, true, `${name}: ${JSON.stringify(v.videos[0])}`);
    assert.ok(v.videos[0]!.comparedShare >= compared && v.videos[0]!.queryShare >= 0.8, `${name}: ${JSON.stringify(v.videos[0])}`);
  }
  assert.deepEqual((await video('bordered.mp4', '--no-robust')).videos, [], 'the bordered clip needs robust frame matching');
  assert.deepEqual((await video('different.mp4')).videos, []);
  const text = await cli('match', '--video', '--bank', 'videos', f('trimmed.mp4'));
  assert.match(text.out, /VIDEO MATCH: bank 'videos' video [0-9a-f]{16} category test — \d+\/\d+ of its frames found/);

  // The thresholds come from the policy: one that needs every banked frame turns the trimmed copy into a
  // partial match, while the whole clip still matches; an invalid policy is a clear error.
  writeFileSync(f('strict-policy.json'), JSON.stringify({ matching: { video: { minFrames: 10_000 } } }));
  const strict = (await video('trimmed.mp4', '--policy', f('strict-policy.json'))).videos[0]!;
  assert.equal(strict.matched, false, JSON.stringify(strict));
  assert.ok(strict.foundFrames < b.frames, JSON.stringify(strict));
  assert.equal((await video('clip.mp4', '--policy', f('strict-policy.json'))).videos[0]!.matched, true);
  const partial = await cli('match', '--video', '--bank', 'videos', '--policy', f('strict-policy.json'), f('trimmed.mp4'));
  assert.match(partial.out, /partial video: bank 'videos' video [0-9a-f]{16}/);
  writeFileSync(f('bad-policy.json'), JSON.stringify({ matching: { video: { minQueryShare: 2 } } }));
  const bad = await cli('match', '--video', '--bank', 'videos', '--policy', f('bad-policy.json'), f('trimmed.mp4'));
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /matching\.video\.minQueryShare/);
});
