// `lifeguard cases list|export-labels` over a real SQLite file: the queue in priority order, labels as JSON
// lines (ids and labels only), and the export audited.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../test/support/run-cli.ts';
import { defaultPolicy } from '../../core/safety-policy/policy-schema.ts';
import { createCaseService } from '../../review/create-case-service.ts';
import { createAuditLog } from '../../store/audit-log.ts';
import { openDatabase } from '../../store/database.ts';

test('cases list shows the queue; export-labels writes labels and is audited', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-cases-cli-'));
  try {
    const database = await openDatabase({ url: join(dir, 'lifeguard.sqlite') });
    const cases = createCaseService({ database, policy: defaultPolicy().review });
    const a = await cases.intake({ source: 'report', severity: 'medium', reportReason: 'spam', subjects: [{ type: 'account', id: 'acc-1' }], evidence: [{ kind: 'report', id: 'r1', summary: 'secret words' }], reasons: ['spam'] });
    const b = await cases.intake({ source: 'report', severity: 'critical', reportReason: 'imminent_danger', subjects: [{ type: 'account', id: 'acc-2' }], evidence: [], reasons: ['danger'] });
    const rev = { id: 'rae', roles: ['reviewer'] as const, via: 'test' };
    await cases.claim(a.caseId, { ...rev, roles: [...rev.roles] });
    await cases.act(a.caseId, { ...rev, roles: [...rev.roles] }, { kind: 'dismiss', reason: 'not_violating' });
    await database.close();

    const env = { LIFEGUARD_DATA_DIR: dir };
    const list = await runCli(['cases', 'list', '--data-dir', dir], { env });
    assert.equal(list.code, 0, list.err);
    assert.equal(list.lines.length, 1, 'the dismissed case is closed');
    assert.match(list.lines[0]!, new RegExp(`^${b.caseId}\\s+child_in_danger`));
    assert.equal((await runCli(['cases', 'export-labels', '--data-dir', dir], { env })).code, 2, '--as is required');
    const out = await runCli(['cases', 'export-labels', '--as', 'sue', '--data-dir', dir], { env });
    assert.equal(out.code, 0, out.err);
    assert.deepEqual(out.rows.map((r) => [r.caseId, r.label, r.reason]), [[a.caseId, 'false_positive', 'not_violating']]);
    assert.ok(!out.out.includes('secret words'), 'ids and labels only');
    const again = await openDatabase({ url: join(dir, 'lifeguard.sqlite') });
    const entries = (await createAuditLog(again).list({ limit: 10 })).entries;
    assert.equal(entries.at(-1)!.action, 'labels_exported');
    assert.equal(entries.at(-1)!.actor, 'sue');
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
