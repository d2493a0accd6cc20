// `lifeguard demo` (npm start): builds its bank through the import path and every result is as expected.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { test } from 'node:test';
import { main } from '../src/cli/main.ts';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

async function cli(...argv: string[]) {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  const code = await main(argv, { stdin: Readable.from([]), stdout, stderr: new PassThrough(), env: {}, isTTY: false });
  return { code, out };
}

test('the demo matches every modified copy, no unrelated picture, and keeps its data only when asked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-cli-demo-'));
  try {
    const r = await cli('demo', '--data-dir', join(dir, 'd'));
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /1 duplicate merged, 1 bad line \(line \d+: bad_hex\)/);
    assert.match(r.out, /1 PDQ hash flagged low-quality/);
    const rows = r.out.split('\n').filter((l) => /\[(ok|UNEXPECTED)\]$/.test(l));
    assert.ok(rows.length >= 20);
    assert.ok(rows.every((l) => l.endsWith('[ok]')), r.out);
    assert.equal(rows.filter((l) => /MATCH {5}/.test(l)).length, 18);
    assert.match(r.out, /Result: (\d+)\/\1 pictures as expected\./);
    if (hasFfmpeg) assert.match(r.out, /2\/4 frames matched \(50 %\)/);
    assert.ok(existsSync(join(dir, 'd', 'lifeguard.sqlite')));
    assert.ok(existsSync(join(dir, 'd', 'images', 'sunset-rotated.png')));
    // Running it again on the same directory recreates the bank.
    assert.equal((await cli('demo', '--data-dir', join(dir, 'd'), '--no-video')).code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
