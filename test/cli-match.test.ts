// `lifeguard match` end to end: a bank built with `hash` + `bank import`, then modified copies, unrelated
// pictures, a failing file, bank filters, thresholds, dihedral matching, videos and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { renderTestPattern, testVariants } from '../src/matching/test-patterns.ts';
import { runCli } from './support/run-cli.ts';

let dir = '';
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const f = (name: string) => join(dir, name);

const cli = (...argv: string[]) => runCli(argv, { env: { LIFEGUARD_DATA_DIR: f('data') } });

interface Match {
  bank: string;
  entryId: number;
  externalId: string | null;
  category: string | null;
  signalType: string;
  distance: number;
  variant?: string;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifeguard-cli-match-'));
  const known = { sunset: await renderTestPattern('sunset', 3), rings: await renderTestPattern('rings', 3), flat: await renderTestPattern('flat') };
  for (const [name, img] of Object.entries(known)) writeFileSync(f(`${name}.png`), img);
  writeFileSync(f('sunset-small.png'), await testVariants.resized.apply(known.sunset));
  writeFileSync(f('sunset-turned.png'), await testVariants.rotated.apply(known.sunset));
  writeFileSync(f('rings.jpg'), await testVariants.jpeg.apply(known.rings));
  writeFileSync(f('flat.jpg'), await testVariants.jpeg.apply(known.flat));
  writeFileSync(f('other.png'), await renderTestPattern('hills', 9));
  writeFileSync(f('broken.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));

  // Build two banks the way an operator would: hash, write a list, import.
  const hashed = await cli('hash', '--json', f('sunset.png'), f('rings.png'), f('flat.png'));
  assert.equal(hashed.code, 0);
  const [sunset, rings, flat] = hashed.rows as { pdq: string; quality: number; md5: string }[];
  writeFileSync(
    f('main.csv'),
    ['type,hash,id,category,quality', `pdq,${sunset!.pdq},s-1,A,${sunset!.quality}`, `md5,${sunset!.md5},s-1-file,A,`, `pdq,${flat!.pdq},flat-1,C,${flat!.quality}`].join('\n'),
  );
  writeFileSync(f('second.csv'), `type,hash,id,category,quality\npdq,${rings!.pdq},r-1,B,${rings!.quality}\n`);
  assert.equal((await cli('bank', 'import', 'main', f('main.csv'), '--create')).code, 0);
  assert.equal((await cli('bank', 'import', 'second', f('second.csv'), '--create')).code, 0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('match --json: modified copies match with their distance, unrelated pictures do not; exit 1', async () => {
  const r = await cli('match', '--json', f('sunset.png'), f('sunset-small.png'), f('rings.jpg'), f('other.png'));
  assert.equal(r.code, 1);
  const [exact, small, rings, other] = r.rows;
  assert.deepEqual(Object.keys(exact!), ['file', 'pdq', 'quality', 'md5', 'sha256', 'lowQuality', 'matches']);
  assert.deepEqual(
    (exact!.matches as Match[]).map((m) => [m.bank, m.externalId, m.category, m.signalType, m.distance]),
    [
      ['main', 's-1-file', 'A', 'md5', 0],
      ['main', 's-1', 'A', 'pdq', 0],
    ],
  );
  const s = small!.matches as Match[];
  assert.equal(s.length, 1);
  assert.equal(s[0]!.externalId, 's-1');
  assert.ok(s[0]!.distance > 0 && s[0]!.distance <= 31, `distance ${s[0]!.distance}`);
  assert.ok(Number.isInteger(s[0]!.entryId));
  assert.deepEqual((rings!.matches as Match[]).map((m) => [m.bank, m.externalId]), [['second', 'r-1']]);
  assert.deepEqual(other!.matches, []);
  assert.equal(other!.lowQuality, false);

  const none = await cli('match', '--json', f('other.png'));
  assert.equal(none.code, 0);
});

test('--bank limits the banks; --threshold tightens PDQ matching', async () => {
  const onlySecond = await cli('match', '--json', '--bank', 'second', f('sunset.png'), f('rings.jpg'));
  assert.equal(onlySecond.code, 1);
  assert.deepEqual(onlySecond.rows.map((r) => (r.matches as Match[]).map((m) => m.externalId)), [[], ['r-1']]);
  const strict = await cli('match', '--json', '--threshold', '0', f('sunset-small.png'));
  assert.equal(strict.code, 0);
  assert.deepEqual(strict.rows[0]!.matches, []);
  const unknown = await cli('match', '--bank', 'nope', f('sunset.png'));
  assert.equal(unknown.code, 3);
  assert.match(unknown.err, /bank_not_found/);
});

test('--dihedral matches a rotated copy and names the variant', async () => {
  const plain = await cli('match', '--json', f('sunset-turned.png'));
  assert.equal(plain.code, 0, 'a rotation is not a match without --dihedral');
  const r = await cli('match', '--json', '--dihedral', f('sunset-turned.png'));
  assert.equal(r.code, 1);
  const [m] = r.rows[0]!.matches as Match[];
  assert.equal(m!.externalId, 's-1');
  assert.match(m!.variant ?? '', /^rotate(90|270)$/);
  assert.equal((r.rows[0]!.dihedral as string[]).length, 8);
});

test('a flagged low-quality bank entry is never matched; a low-quality query is marked', async () => {
  const r = await cli('match', '--json', f('flat.png'), f('flat.jpg'));
  assert.equal(r.rows[0]!.lowQuality, true);
  assert.deepEqual((r.rows[0]!.matches as Match[]).map((m) => m.signalType), [], 'the flat entry is flagged');
  assert.deepEqual(r.rows[1]!.matches, []);
  assert.equal(r.code, 0);
});

test('a failing file in a batch gives an error line, the rest completes, exit 3', async () => {
  const r = await cli('match', '--json', f('broken.png'), f('sunset.png'), f('missing.png'));
  assert.equal(r.code, 3);
  assert.equal(r.rows.length, 3);
  assert.deepEqual(Object.keys(r.rows[0]!), ['file', 'error']);
  assert.match(r.rows[0]!.error.code, /^image_/);
  assert.equal((r.rows[1]!.matches as Match[]).length, 2);
  assert.equal(r.rows[2]!.error.code, 'file_not_found');
  const text = await cli('match', f('sunset.png'), f('broken.png'));
  assert.equal(text.code, 3);
  assert.match(text.out, /sunset\.png: MATCH\n  bank 'main' entry \d+ \(s-1-file\) category A: md5 exact/);
  assert.match(text.err, /broken\.png: error: /);
});

test('removing an entry takes effect at the next match (snapshot + delta)', async () => {
  assert.ok(existsSync(f('data/pdq-index.bin')));
  const before = await cli('match', '--json', '--hash', `md5:${(await cli('hash', '--json', f('rings.jpg'))).rows[0]!.md5}`, f('rings.jpg'));
  const [m] = before.rows[1]!.matches as Match[];
  assert.equal(m!.externalId, 'r-1');
  assert.deepEqual(before.rows[0]!.matches, [], 'a hash with no entry');
  assert.equal((await cli('bank', 'remove', 'second', '--entry', String(m!.entryId))).code, 0);
  const after = await cli('match', '--json', f('rings.jpg'));
  assert.equal(after.code, 0);
  assert.deepEqual(after.rows[0]!.matches, []);
  // Put it back for the other tests.
  assert.equal((await cli('bank', 'import', 'second', f('second.csv'))).code, 0);
  assert.equal((await cli('match', f('rings.jpg'))).code, 1);
});

test('match --video reports the matching frames and the fraction matched', { skip: hasFfmpeg ? false : 'ffmpeg is not installed' }, async () => {
  const video = f('slides.mp4');
  const made = spawnSync('ffmpeg', [
    '-v', 'error', '-y', '-loop', '1', '-t', '2', '-i', f('other.png'), '-loop', '1', '-t', '1', '-i', f('rings.png'),
    '-filter_complex', '[0:v][1:v]concat=n=2:v=1[v]', '-map', '[v]', '-r', '10', '-t', '3', '-pix_fmt', 'yuv420p', video,
  ]);
  assert.equal(made.status, 0, made.stderr.toString());
  const r = await cli('match', '--json', '--video', video);
  assert.equal(r.code, 1);
  const v = r.rows[0]!;
  assert.equal(v.frameCount, 3);
  assert.equal(v.matchedFrames, 1);
  assert.equal(v.matchedFraction, 0.3333);
  assert.deepEqual(v.frames.map((x: { t: number }) => x.t), [2]);
  assert.equal(v.frames[0].matches[0].externalId, 'r-1');
  assert.deepEqual(v.matches.map((m: Match & { t: number }) => [m.externalId, m.t]), [['r-1', 2]]);
  const text = await cli('match', '--video', video);
  assert.match(text.out, /MATCH — 1\/3 frames matched \(33\.3 %\)/);
});

test('--hash matches given hashes; usage errors exit 2', async () => {
  const sunset = (await cli('hash', '--json', f('sunset.png'))).rows[0]!;
  const r = await cli('match', '--json', '--hash', `pdq:${sunset.pdq}`, '--hash', `sha256:${sunset.sha256}`);
  assert.equal(r.code, 1);
  assert.deepEqual(r.rows.map((x) => (x.matches as Match[]).length), [1, 0]);
  assert.equal((await cli('match')).code, 2);
  assert.equal((await cli('match', '--threshold', '300', f('sunset.png'))).code, 2);
  assert.equal((await cli('match', '--threshold', 'x', f('sunset.png'))).code, 2);
  assert.equal((await cli('match', '--hash', 'pdq:abc')).code, 2);
  assert.equal((await cli('match', '--hash', 'crc:00')).code, 2);
});
