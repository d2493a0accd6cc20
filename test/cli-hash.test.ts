// `lifeguard hash` end to end through main(argv, io): JSON lines, dihedral, video, a failing file in a batch.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { renderTestPattern, testVariants } from '../src/matching/test-patterns.ts';
import { runCli } from './support/run-cli.ts';

let dir = '';
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

/** Runs the CLI on the test's data directory. */
const cli = (argv: string[], env: Record<string, string> = {}) => runCli(argv, { env: { LIFEGUARD_DATA_DIR: join(dir, 'data'), ...env } });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifeguard-cli-hash-'));
  writeFileSync(join(dir, 'a.png'), await renderTestPattern('rings', 5));
  writeFileSync(join(dir, 'b.jpg'), await testVariants.jpeg.apply(await renderTestPattern('tiles', 5)));
  writeFileSync(join(dir, 'empty.png'), '');
  writeFileSync(join(dir, 'text.png'), 'this is not an image\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('hash --json prints one object per file; a failing file does not stop the batch and exits 3', async () => {
  const files = ['a.png', 'text.png', 'b.jpg', 'missing.png', 'empty.png'].map((f) => join(dir, f));
  const r = await cli(['hash', '--json', ...files]);
  assert.equal(r.code, 3);
  const rows = r.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(rows.map((x) => x.file), files);
  for (const i of [0, 2]) {
    const row = rows[i]!;
    assert.deepEqual(Object.keys(row), ['file', 'pdq', 'quality', 'md5', 'sha256']);
    assert.match(row.pdq as string, /^[0-9a-f]{64}$/);
    assert.ok((row.quality as number) >= 50 && (row.quality as number) <= 100);
    const bytes = readFileSync(files[i]!);
    assert.equal(row.md5, createHash('md5').update(bytes).digest('hex'));
    assert.equal(row.sha256, createHash('sha256').update(bytes).digest('hex'));
  }
  for (const i of [1, 3, 4]) {
    const e = rows[i]!.error as { code: string; message: string };
    assert.deepEqual(Object.keys(rows[i]!), ['file', 'error']);
    assert.match(e.code, /^[a-z_]+$/);
    assert.ok(e.message.length > 0);
  }
  assert.equal((rows[3]!.error as { code: string }).code, 'file_not_found');
  assert.notEqual(rows[0]!.pdq, rows[2]!.pdq);
});

test('hash --dihedral adds the 8 variants, original first; text mode prints a line per file', async () => {
  const r = await cli(['hash', '--json', '--dihedral', join(dir, 'a.png')]);
  assert.equal(r.code, 0);
  const row = JSON.parse(r.lines[0]!) as { pdq: string; dihedral: string[] };
  assert.equal(row.dihedral.length, 8);
  assert.equal(row.dihedral[0], row.pdq);
  assert.equal(new Set(row.dihedral).size, 8);

  const text = await cli(['hash', join(dir, 'a.png'), join(dir, 'b.jpg')]);
  assert.equal(text.code, 0);
  assert.equal(text.lines.length, 2);
  assert.ok(text.lines[0]!.includes(row.pdq));
  const bad = await cli(['hash', join(dir, 'text.png')]);
  assert.equal(bad.code, 3);
  assert.match(bad.err, /text\.png: error: .*\[[a-z_]+\]/);
});

test('hash --video gives frames with timestamps plus the file digests', { skip: hasFfmpeg ? false : 'ffmpeg is not installed' }, async () => {
  const video = join(dir, 'clip.mp4');
  const made = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=128x96:rate=10', '-t', '2', '-pix_fmt', 'yuv420p', video]);
  assert.equal(made.status, 0);
  const r = await cli(['hash', '--json', '--video', '--fps', '2', video, join(dir, 'text.png')]);
  assert.equal(r.code, 3);
  const row = JSON.parse(r.lines[0]!) as { file: string; md5: string; sha256: string; frames: { t: number; pdq: string; quality: number }[] };
  assert.equal(row.file, video);
  assert.equal(row.md5, createHash('md5').update(readFileSync(video)).digest('hex'));
  assert.deepEqual(row.frames.map((f) => f.t), [0, 0.5, 1, 1.5]);
  assert.ok(row.frames.every((f) => /^[0-9a-f]{64}$/.test(f.pdq) && Number.isInteger(f.quality)));
  assert.equal((JSON.parse(r.lines[1]!) as { error: { code: string } }).error.code, 'invalid_video');

  const noFfmpeg = await cli(['hash', '--json', '--video', video], { LIFEGUARD_FFMPEG: join(dir, 'no-ffmpeg') });
  assert.equal(noFfmpeg.code, 3);
  assert.equal((JSON.parse(noFfmpeg.lines[0]!) as { error: { code: string } }).error.code, 'ffmpeg_not_found');
});

test('usage errors exit 2', async () => {
  assert.equal((await cli(['hash'])).code, 2);
  assert.equal((await cli(['hash', '--fps', 'fast', '--video', 'x.mp4'])).code, 2);
  assert.equal((await cli(['hash', '--fps', '0', '--video', 'x.mp4'])).code, 2);
  assert.equal((await cli(['hash', '--bogus', 'x.png'])).code, 2);
  const help = await cli(['hash', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /lifeguard hash \[--json\]/);
});
