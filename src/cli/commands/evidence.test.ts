// `lifeguard evidence …` over the service's database.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { testDatabases } from '../../../test/support/databases.ts';
import { runCli } from '../../../test/support/run-cli.ts';
import { createTestApp } from '../../server/test-app.ts';

test('evidence hold, legal-hold, list, purge --dry-run, two-person destroy', async () => {
  const opened = await testDatabases()[0]!.open();
  const t = await createTestApp(opened.database);
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-evidence-cli-'));
  try {
    const img = await sharp({ create: { width: 48, height: 48, channels: 3, background: { r: 10, g: 200, b: 90 } } }).png().toBuffer();
    const up = (await t.call('POST', '/v1/content?reported=true', { token: await t.token('content'), body: img, headers: { 'content-type': 'image/png' } })).body;
    const db = ['--database-url', opened.url, '--data-dir', dir];
    const short = await runCli(['evidence', 'hold', up.caseId, '--as', 'kim', '--days', '30', ...db]);
    assert.equal(short.code, 3, 'shorter than a year');
    assert.match(short.err, /at least 365 days/);
    assert.equal((await runCli(['evidence', 'hold', up.caseId, '--as', 'kim', ...db])).code, 0);
    assert.equal((await runCli(['evidence', 'legal-hold', up.caseId, '--as', 'kim', '--reason', 'preservation letter', ...db])).code, 0);
    const list = await runCli(['evidence', 'list', '--json', ...db]);
    assert.equal(list.rows.length, 1);
    assert.equal(list.rows[0]!.legalHold, true);
    assert.equal(list.rows[0]!.decision, 'keep_legal_hold');
    const dry = await runCli(['evidence', 'purge', '--as', 'system', '--dry-run', '--json', ...db]);
    assert.equal(dry.rows[0]!.removed, 0);
    assert.equal((await runCli(['evidence', 'destroy-request', up.caseId, '--as', 'kim', '--ref', 'LE-7', ...db])).code, 0);
    assert.notEqual((await runCli(['evidence', 'destroy-confirm', up.caseId, '--as', 'kim', ...db])).code, 0, 'the requester cannot confirm');
    const ok = await runCli(['evidence', 'destroy-confirm', up.caseId, '--as', 'lee', '--json', ...db]);
    assert.equal(ok.code, 0, ok.err);
    assert.equal(ok.rows[0]!.removed, 1);
    assert.equal(await t.deps.content.getSealedMedia(up.id), undefined);
    assert.equal((await runCli(['evidence', 'purge', ...db])).code, 2, '--as is required');
  } finally {
    await t.close();
    await opened.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
