// `lifeguard stats` over the service's database: cases made through the API are counted by the rules.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { testDatabases } from '../../../test/support/databases.ts';
import { runCli } from '../../../test/support/run-cli.ts';
import { createTestApp } from '../../server/test-app.ts';

const as = { 'x-lifeguard-reviewer': 'rae', 'x-lifeguard-reviewer-roles': 'reviewer,child_safety_reviewer' };

test('stats --year: json, csv and md from the database', async () => {
  const opened = await testDatabases()[0]!.open();
  const t = await createTestApp(opened.database, { env: { LIFEGUARD_API_REVIEWERS: 'vouched' } });
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-stats-cli-'));
  try {
    const content = await t.token('content');
    const write = await t.token('cases:write');
    const ids: string[] = [];
    for (const g of [40, 160]) {
      const img = await sharp({ create: { width: 40, height: 40, channels: 3, background: { r: g, g: 60, b: 60 } } }).png().toBuffer();
      ids.push((await t.call('POST', '/v1/content?reported=true', { token: content, body: img, headers: { 'content-type': 'image/png' } })).body.caseId);
    }
    await t.call('POST', `/v1/cases/${ids[0]}/claim`, { token: write, headers: as });
    await t.call('POST', `/v1/cases/${ids[0]}/assessments`, { token: write, headers: as, json: { ukCategory: 'C', selfGenerated: 'yes' } });
    assert.equal((await t.call('POST', `/v1/cases/${ids[0]}/actions`, { token: write, headers: as, json: { kind: 'remove_content' } })).status, 200);
    const year = new Date().getUTCFullYear();
    const db = ['--database-url', opened.url, '--data-dir', dir];
    const json = await runCli(['stats', '--year', String(year), '--format', 'json', ...db]);
    assert.equal(json.code, 0, json.err);
    const s = JSON.parse(json.out);
    assert.equal(s.reports, 2);
    assert.equal(s.confirmed, 1);
    assert.equal(s.actioned, 1);
    assert.deepEqual(s.bySource.user_report, { opened: 2, confirmed: 1 });
    assert.equal(s.byUkCategory.C, 1);
    assert.equal(s.selfGenerated.share, 1);
    assert.equal(s.confirmedImages, 1);
    const csv = await runCli(['stats', '--year', String(year), '--format', 'csv', ...db]);
    assert.match(csv.out, /\nreports,,2\n/);
    const md = await runCli(['stats', '--year', String(year), ...db]);
    assert.match(md.out, new RegExp(`# Child-safety transparency report ${year}`));
    assert.match(md.out, /\| user_report \| 2 \| 1 \|/);
    assert.match(md.out, /\| public_report \| 0 \| 0 \|/);
    assert.match(md.out, /referrals sent: \*\*0\*\*/);
    assert.match(md.out, /### By age band and sex as seen \(confirmed\)\n\n\| age band \| female \| male \| both \| unclear \|/);
    const none = await runCli(['stats', '--year', String(year - 5), '--format', 'json', ...db]);
    assert.equal(JSON.parse(none.out).reports, 0);
    assert.equal((await runCli(['stats', ...db])).code, 2, '--year is required');
    // The same figures over HTTP.
    const read = await t.token('cases:read');
    const http = await t.call('GET', `/v1/stats?year=${year}`, { token: read });
    assert.equal(http.status, 200);
    assert.deepEqual(http.body, s);
    const httpCsv = await t.call('GET', `/v1/stats?year=${year}&format=csv`, { token: read });
    assert.equal(httpCsv.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(httpCsv.body, csv.out);
    assert.equal((await t.call('GET', '/v1/stats?year=abc', { token: read })).status, 400);
  } finally {
    await t.close();
    await opened.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
