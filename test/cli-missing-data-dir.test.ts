/** Read-only CLI commands pointed at a missing --data-dir (a typo) refuse clearly and create nothing. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import sharp from 'sharp';
import { runCli } from './support/run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'lifeguard-missing-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('read-only commands refuse a data directory without a database (exit 3) and leave nothing behind', async () => {
  const typo = join(root, 'dta');
  const image = join(root, 'p.png');
  await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 10, g: 200, b: 90 } } }).png().toFile(image);
  const commands = [
    ['keys', 'list', '--data-dir', typo],
    ['keys', 'revoke', 'key_0123abcd', '--data-dir', typo],
    ['bank', 'list', '--data-dir', typo],
    ['bank', 'stats', '--data-dir', typo],
    ['bank', 'export', 'hotline', '--data-dir', typo],
    ['bank', 'remove', 'hotline', '--data-dir', typo],
    ['bank', 'import', 'hotline', image, '--data-dir', typo],
    ['match', '--data-dir', typo, image],
    // Added with the review, referral and statistics commands: an empty audit log would verify as intact.
    ['audit', 'verify', '--data-dir', typo],
    ['cases', 'list', '--data-dir', typo],
    ['stats', '--year', '2026', '--data-dir', typo],
    ['evidence', 'list', '--data-dir', typo],
  ];
  for (const argv of commands) {
    const r = await runCli(argv);
    assert.equal(r.code, 3, `${argv.join(' ')}: ${r.out}${r.err}`);
    assert.match(r.err + r.out, /no Lifeguard database at .*dta.*check --data-dir/, argv.join(' '));
    assert.equal(existsSync(typo), false, `${argv.join(' ')} created nothing`);
  }
});

test('commands that create things still create the database', async () => {
  const fresh = join(root, 'fresh');
  const created = await runCli(['bank', 'create', 'hotline', '--data-dir', fresh]);
  assert.equal(created.code, 0, created.err);
  const listed = await runCli(['bank', 'list', '--data-dir', fresh]);
  assert.equal(listed.code, 0, listed.err);
  assert.match(listed.out, /hotline/);
  const other = join(root, 'other');
  assert.equal((await runCli(['keys', 'create', '--name', 'x', '--scope', 'events', '--data-dir', other])).code, 0);
  assert.equal((await runCli(['keys', 'list', '--data-dir', other])).code, 0);
});
