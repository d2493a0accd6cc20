// The CyberTipline client against a local server that validates every XML with xmllint and fails on purpose:
// every failure ends in one finished report (or a retracted one), never a duplicate, and a restarted client
// resumes from its journal.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { cyberTiplineSkip } from '../../test/support/cybertipline-schema.ts';
import { startCyberTiplineServer } from '../../test/support/cybertipline-server.ts';
import { testDatabases } from '../../test/support/databases.ts';
import type { CaseEvent } from '../core/cases/case-event.ts';
import { reduceCase } from '../core/cases/reduce-case.ts';
import { buildCyberTiplineReport, type CyberTiplineDraft } from '../core/referral/cybertipline-report.ts';
import { defaultPolicy } from '../core/safety-policy/policy-schema.ts';
import type { Database } from '../store/database.ts';
import { createReferralJournal } from '../store/referral-journal-store.ts';
import { createCyberTiplineClient } from './cybertipline-client.ts';

const creds = { username: 'esp', password: 'secret' };
const skip = cyberTiplineSkip;
let server: Awaited<ReturnType<typeof startCyberTiplineServer>>;
let database: Database;
let cleanup: () => Promise<void>;

// Benign stand-in bytes (a generated pattern), sealed media in the real service.
const fileBytes = new Map(['c1', 'c2'].map((id, i) => [id, new Uint8Array(2048).map((_, j) => (j * (i + 3)) & 0xff)]));
const hashOf = (alg: string, b: Uint8Array) => createHash(alg).update(b).digest('hex');

function draft(caseId: string): CyberTiplineDraft {
  const t = Date.UTC(2026, 10, 1);
  const events = [
    { seq: 1, caseId, kind: 'opened', at: t, actor: 'system', data: { source: 'known_content', priority: 'known_content', trigger: { source: 'known_content', severity: 'critical', evidenceKinds: ['content'] }, subjects: [{ type: 'account', id: 'u1' }], evidence: [], reasons: ['bank match'], requiredRole: 'child_safety_reviewer' } },
    { seq: 2, caseId, kind: 'assessed', at: t + 1, actor: 'rev', data: { assessment: { ukCategory: 'A', ncmecClassification: 'A2' } } },
    { seq: 3, caseId, kind: 'actioned', at: t + 2, actor: 'rev', data: { actionId: 'x', action: { kind: 'mark_for_referral' }, target: { type: 'case', id: caseId }, status: 'done' } },
  ] as CaseEvent[];
  return buildCyberTiplineReport({
    reporter: { platform: 'Example Live', email: 'safety@example.org' },
    case: reduceCase(events, defaultPolicy().review)!,
    account: { id: 'u1', ips: [{ ip: '192.0.2.1', event: 'Upload' }] },
    files: [...fileBytes].map(([id, b]) => ({ contentId: id, sha256: hashOf('sha256', b), md5: hashOf('md5', b), uploadedAt: t - 10 })),
    audit: [],
  });
}

const client = (over: { readFile?: (id: string) => Promise<Uint8Array>; maxAttempts?: number } = {}) =>
  createCyberTiplineClient({
    baseUrl: server.url,
    ...creds,
    journal: createReferralJournal(database),
    readFile: over.readFile ?? (async (id) => fileBytes.get(id)!),
    timeoutMs: 300,
    maxAttempts: over.maxAttempts ?? 4,
    backoffMs: () => 5,
  });

/** The invariants every scenario must end in. */
function assertOneFinished(caseId: string, reportId: string, d: CyberTiplineDraft, knownIds: string[]) {
  const mine = [...server.reports.values()].filter((r) => r.xml.includes(`Lifeguard case ${caseId};`));
  const finished = mine.filter((r) => r.status === 'finished');
  assert.equal(finished.length, 1, 'exactly one finished report');
  assert.equal(finished[0]!.id, reportId);
  const md5s = finished[0]!.files.map((f) => f.md5).sort();
  assert.deepEqual(md5s, d.files.map((f) => f.hashes.find((h) => h.type === 'MD5')!.value).sort(), 'each file exactly once');
  assert.ok(finished[0]!.files.every((f) => f.details !== undefined), 'every file described');
  for (const r of mine) {
    if (r.status === 'open') {
      assert.ok(!knownIds.includes(r.id), `report ${r.id} the client knew is left open`);
      assert.equal(r.files.length, 0, 'an orphaned report never received files');
    }
  }
}

before(async () => {
  if (skip) return;
  server = await startCyberTiplineServer({ ...creds, lateMs: 600 });
  ({ database, cleanup } = await testDatabases()[0]!.open());
});
after(async () => {
  if (skip) return;
  await server.close();
  await cleanup();
});

const scenarios: { name: string; faults: [string, 'late' | '503' | 'cut', number?][]; retracted: number; orphans: number }[] = [
  { name: 'no fault', faults: [], retracted: 0, orphans: 0 },
  { name: 'submit answered too late (the report exists, its id never arrives)', faults: [['/submit', 'late']], retracted: 0, orphans: 1 },
  { name: 'submit 503 then ok', faults: [['/submit', '503']], retracted: 0, orphans: 1 },
  { name: 'upload done but the connection cut', faults: [['/upload', 'cut']], retracted: 1, orphans: 0 },
  { name: 'upload 503', faults: [['/upload', '503']], retracted: 1, orphans: 0 },
  { name: 'second upload too late', faults: [['/upload', 'late', 2]], retracted: 1, orphans: 0 },
  { name: 'fileinfo too late, then cut', faults: [['/fileinfo', 'late'], ['/fileinfo', 'cut']], retracted: 0, orphans: 0 },
  { name: 'finish done but cut, then 503', faults: [['/finish', 'cut'], ['/finish', '503']], retracted: 0, orphans: 0 },
  { name: 'retract itself cut once', faults: [['/upload', 'cut'], ['/retract', 'cut']], retracted: 1, orphans: 0 },
];

for (const s of scenarios) {
  test(`CyberTipline: ${s.name} → one finished report, nothing twice`, { skip }, async () => {
    const caseId = `case-${s.name.replace(/\W+/g, '-')}`;
    const d = draft(caseId);
    server.calls.length = 0;
    for (const [p, f, nth] of s.faults) server.fail(p, f, nth);
    const r = await client().submit(`ref-${caseId}`, d);
    assert.equal(server.pendingFaults(), 0, 'every fault fired');
    assert.equal(r.retracted.length, s.retracted, 'reports retracted');
    assert.equal(r.orphans, s.orphans, 'submits without an answer');
    const journal = await createReferralJournal(database).records(`ref-${caseId}`);
    assert.ok(journal.some((x) => x.step === 'submit' && x.phase === 'sent' && x.request.includes('<report>')), 'the submitted XML is kept');
    assert.ok(journal.every((x) => x.step !== 'upload' || x.phase !== 'sent' || !/[^\x20-\x7e]/.test(x.request)), 'uploads journal hashes, never bytes');
    assertOneFinished(caseId, r.reportId, d, journal.map((x) => x.reportId).filter((x): x is string => !!x));
    // Running it again does nothing: the journal says it is done.
    const before = server.calls.length;
    assert.equal((await client().submit(`ref-${caseId}`, d)).reportId, r.reportId);
    assert.equal(server.calls.length, before, 'no request once finished');
  });
}

test('a client killed half way (report submitted, one file up) is resumed by a new one: same report, no retract', { skip }, async () => {
  const caseId = 'case-killed';
  const d = draft(caseId);
  let reads = 0;
  const dying = client({
    readFile: async (id) => {
      if (++reads === 2) throw new Error('process killed');
      return fileBytes.get(id)!;
    },
  });
  await assert.rejects(dying.submit('ref-killed', d), /process killed/);
  const half = [...server.reports.values()].find((r) => r.xml.includes(`Lifeguard case ${caseId};`))!;
  assert.equal(half.status, 'open');
  assert.equal(half.files.length, 1, 'half-finished: one file of two');
  const r = await client().submit('ref-killed', d);
  assert.equal(r.reportId, half.id, 'the same report is resumed');
  assert.equal(r.retracted.length, 0);
  assertOneFinished(caseId, r.reportId, d, [half.id]);
});

test('finish failing every time: the client gives up and retracts, leaving nothing open', { skip }, async () => {
  const caseId = 'case-giveup';
  const d = draft(caseId);
  for (let i = 0; i < 4; i++) server.fail('/finish', '503');
  await assert.rejects(client().submit('ref-giveup', d), { code: 'referral_failed' });
  const mine = [...server.reports.values()].filter((r) => r.xml.includes(`Lifeguard case ${caseId};`));
  assert.equal(mine.length, 1);
  assert.equal(mine[0]!.status, 'retracted');
});

test('a report the server refuses as invalid is not retried and leaves nothing open', { skip }, async () => {
  const d = draft('case-invalid');
  const bad = { ...d, reportXml: d.reportXml.replace('<incidentType>', '<incidentType>X') };
  const before = server.reports.size;
  await assert.rejects(client().submit('ref-invalid', bad), { code: 'cybertipline_refused' });
  assert.equal(server.reports.size, before);
  assert.equal(server.calls.filter((c) => c === '/submit').length >= 1, true);
});
