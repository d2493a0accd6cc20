// `lifeguard referral draft|export` over the service's database: a grooming case confirmed through the API.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cyberTiplineSkip, validateCyberTiplineXml } from '../../../test/support/cybertipline-schema.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { runCli } from '../../../test/support/run-cli.ts';
import sharp from 'sharp';
import { createTestApp } from '../../server/test-app.ts';

const as = (id: string) => ({ 'x-lifeguard-reviewer': id, 'x-lifeguard-reviewer-roles': 'reviewer,child_safety_reviewer' });

test('referral draft (valid CyberTipline XML) and export (manifest + key file), both audited', { skip: cyberTiplineSkip }, async () => {
  const opened = await testDatabases()[0]!.open();
  const t = await createTestApp(opened.database, { env: { LIFEGUARD_API_REVIEWERS: 'vouched' } });
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-referral-cli-'));
  try {
    const write = await t.token('cases:write');
    const opened1 = await t.call('POST', '/v1/cases', { token: write, headers: as('gail'), json: { subjects: [{ type: 'account', id: 'adult-7' }], reasons: ['conversation reported'], evidence: [{ kind: 'message', id: 'm-1', summary: 'asked to keep a secret' }] } });
    assert.equal(opened1.status, 201, JSON.stringify(opened1.body));
    const caseId = opened1.body.caseId as string;
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/claim`, { token: write, headers: as('gail') })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/assessments`, { token: write, headers: as('gail'), json: { groomingCaseType: 'online_enticement' } })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/actions`, { token: write, headers: as('gail'), json: { kind: 'mark_for_referral' } })).status, 200);
    const common = ['--as', 'gail', '--platform', 'Example Live', '--email', 'safety@example.org', '--database-url', opened.url, '--data-dir', dir];

    const draft = await runCli(['referral', 'draft', caseId, ...common]);
    assert.equal(draft.code, 0, draft.err);
    const v = validateCyberTiplineXml(draft.out);
    assert.ok(v.ok, v.errors);
    assert.match(draft.out, /Online Enticement of Children for Sexual Acts/);
    assert.match(draft.out, /<espIdentifier>adult-7<\/espIdentifier>/);

    const out = join(dir, 'pkg');
    const keyOut = join(dir, 'package.key');
    const exp = await runCli(['referral', 'export', caseId, ...common, '--out', out, '--key-out', keyOut]);
    assert.equal(exp.code, 0, exp.err);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    assert.equal(manifest.destination, 'uk_nca');
    assert.equal(manifest.case.kind, 'grooming');
    assert.equal(manifest.accounts[0].id, 'adult-7');
    assert.match(readFileSync(keyOut, 'utf8'), /^[0-9a-f]{64}\n$/);
    assert.equal(statSync(keyOut).mode & 0o777, 0o600);
    assert.ok(!existsSync(join(out, 'package.key')), 'the key is not in the package');
    const held = await runCli(['evidence', 'list', '--json', '--database-url', opened.url, '--data-dir', dir]);
    assert.equal(held.rows[0]!.caseId, caseId, 'an exported case is held');
    assert.equal(held.rows[0]!.decision, 'keep_until');

    const log = await t.call('GET', `/v1/audit?action=case_viewed&limit=100`, { token: await t.token('audit') });
    const mine = (log.body.entries ?? log.body.items).filter((e: { actor: string }) => e.actor === 'gail').map((e: { detail: Record<string, unknown> }) => e.detail.referralDraft ?? e.detail.referralExport);
    assert.deepEqual(mine.filter(Boolean), ['ncmec_cybertipline', 'uk_nca']);

    const bad = await runCli(['referral', 'export', caseId, ...common, '--destination', 'ncmec_cybertipline', '--out', join(dir, 'x'), '--key-out', join(dir, 'k')]);
    assert.equal(bad.code, 2, 'the CyberTipline takes no package');
    const unknown = await runCli(['referral', 'draft', 'case_424242', ...common]);
    assert.equal(unknown.code, 3);
  } finally {
    await t.close();
    await opened.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('referral export of a kept upload: the package carries it sealed, and the chain of custody records the export', async () => {
  const opened = await testDatabases()[0]!.open();
  const key = 'ab'.repeat(32);
  const t = await createTestApp(opened.database, { env: { LIFEGUARD_API_REVIEWERS: 'vouched', LIFEGUARD_MEDIA_KEY: key } });
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-referral-cli-'));
  try {
    const img = await sharp({ create: { width: 40, height: 40, channels: 3, background: { r: 40, g: 170, b: 120 } } }).png().toBuffer();
    const up = (await t.call('POST', '/v1/content?reported=true', { token: await t.token('content'), body: img, headers: { 'content-type': 'image/png' } })).body;
    const write = await t.token('cases:write');
    assert.equal((await t.call('POST', `/v1/cases/${up.caseId}/claim`, { token: write, headers: as('gail') })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${up.caseId}/actions`, { token: write, headers: as('gail'), json: { kind: 'mark_for_referral' } })).status, 200);
    const env = { env: { LIFEGUARD_MEDIA_KEY: key } };
    const db = ['--database-url', opened.url, '--data-dir', dir];
    const out = join(dir, 'pkg');
    const exp = await runCli(['referral', 'export', up.caseId, '--as', 'gail', '--platform', 'Example Live', '--email', 'safety@example.org', '--out', out, '--key-out', join(dir, 'k'), ...db], env);
    assert.equal(exp.code, 0, exp.err);
    assert.ok(existsSync(join(out, 'media', `${up.id}.sealed`)));
    const custody = await runCli(['evidence', 'custody', up.id, '--as', 'gail', '--json', ...db], env);
    assert.equal(custody.code, 0, custody.err);
    const c = JSON.parse(custody.out);
    assert.deepEqual(c.links.map((l: { action: string }) => l.action), ['evidence_kept', 'evidence_held', 'evidence_exported']);
    const exported = c.links[2];
    assert.deepEqual([exported.actor, exported.detail.destination, exported.detail.sealedMedia, exported.detail.sha256], ['gail', 'uk_nca', true, up.hashes.sha256]);
    assert.equal(c.verified, true);
  } finally {
    await t.close();
    await opened.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
