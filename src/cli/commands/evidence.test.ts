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
import { createPeopleStore } from '../../store/people-store.ts';

test('evidence hold, legal-hold, list, purge --dry-run, two-person destroy, custody', async () => {
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
    // Destruction: two different enabled supervisors of the people store.
    const unknown = await runCli(['evidence', 'destroy-request', up.caseId, '--as', 'kim', '--ref', 'LE-7', ...db]);
    assert.equal(unknown.code, 3, 'a name not in the people store');
    assert.match(unknown.err, /not an enabled person/);
    for (const [email, role] of [['kim@example.org', 'supervisor'], ['lee@example.org', 'supervisor'], ['pat@example.org', 'reviewer']]) {
      const added = await runCli(['people', 'add', email!, '--role', role!, '--no-password', ...db]);
      assert.equal(added.code, 0, added.err);
    }
    const reviewer = await runCli(['evidence', 'destroy-request', up.caseId, '--as', 'pat@example.org', '--ref', 'LE-7', ...db]);
    assert.equal(reviewer.code, 3, 'a reviewer cannot ask');
    assert.match(reviewer.err, /supervisor/);
    assert.equal((await runCli(['evidence', 'destroy-request', up.caseId, '--as', 'kim@example.org', '--ref', 'LE-7', ...db])).code, 0);
    assert.notEqual((await runCli(['evidence', 'destroy-confirm', up.caseId, '--as', 'kim@example.org', ...db])).code, 0, 'the requester cannot confirm');
    assert.ok((await t.deps.content.getSealedMedia(up.id)) !== undefined);
    const ok = await runCli(['evidence', 'destroy-confirm', up.caseId, '--as', 'lee@example.org', '--json', ...db]);
    assert.equal(ok.code, 0, ok.err);
    assert.equal(ok.rows[0]!.removed, 1);
    assert.equal(await t.deps.content.getSealedMedia(up.id), undefined);
    assert.equal((await runCli(['evidence', 'purge', ...db])).code, 2, '--as is required');

    // The item's chain of custody, verified against the audit log.
    const people = createPeopleStore(opened.database);
    const custody = await runCli(['evidence', 'custody', up.id, '--as', 'kim', ...db]);
    assert.equal(custody.code, 0, custody.err);
    const links = [...custody.out.matchAll(/#\d+ {2}\S+ {2}(\S+) {2}(\S+)/g)].map((m) => [m[1]!.startsWith('api:') ? 'api' : m[1], m[2]]);
    assert.deepEqual(links, [
      ['api', 'evidence_kept'],
      ['kim', 'evidence_held'],
      ['kim', 'evidence_legal_hold_set'],
      [(await people.byEmail('kim@example.org'))!.id, 'evidence_destruction_requested'],
      [(await people.byEmail('lee@example.org'))!.id, 'evidence_destroyed'],
    ]);
    assert.match(custody.out, new RegExp(`sha256 ${up.hashes.sha256}`));
    assert.match(custody.out, /chain verified/);
    assert.match(custody.out, /media removed/);

  } finally {
    await t.close();
    await opened.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
