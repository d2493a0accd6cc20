// The case service on both databases: merge on subject and hash, priority order, claim exclusivity (two
// handles claiming at once), claim expiry, decisions needing a claim, confirmation by a second person,
// effects through the outbox, labels export, and the audit entries all of it writes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { defaultPolicy } from '../core/safety-policy/policy-schema.ts';
import { reviewPolicySchema } from '../core/cases/review-policy.ts';
import { openDatabase, type Database } from '../store/database.ts';
import { createAuditLog } from '../store/audit-log.ts';
import { listEffects } from '../store/effect-store.ts';
import type { CaseIntake, Reviewer } from './case-service.ts';
import { createCaseService } from './create-case-service.ts';
import { withWriteTransaction } from '../queue/write-transaction.ts';
import { intakeBatch } from '../store/case-intake.ts';
import { lockCases } from '../store/case-store.ts';

const alice: Reviewer = { id: 'alice', roles: ['reviewer', 'child_safety_reviewer'], via: 'test' };
const bob: Reviewer = { id: 'bob', roles: ['reviewer', 'child_safety_reviewer'], via: 'test' };
const carol: Reviewer = { id: 'carol', roles: ['reviewer'], via: 'test' };
const sup: Reviewer = { id: 'sam', roles: ['supervisor'], via: 'test' };

const report = (id: string, account: string, reason = 'harassment'): CaseIntake => ({
  source: 'report',
  severity: reason === 'imminent_danger' ? 'critical' : 'medium',
  reportReason: reason,
  subjects: [{ type: 'account', id: account }],
  evidence: [{ kind: 'report', id, summary: `report ${id}` }],
  reasons: [`user report: ${reason}`],
});

/**
 * A second handle on the same database. PostgreSQL: another pool, so the claims really race. SQLite: the same
 * handle (better-sqlite3 waits for a lock synchronously, so two handles in one thread would only time out);
 * across processes SQLite's BEGIN IMMEDIATE serialises the claims.
 */
async function second(target: ReturnType<typeof testDatabases>[number], opened: { database: Database; url: string; pgSchema?: string }): Promise<Database> {
  return target.name === 'sqlite' ? { ...opened.database, close: async () => undefined } : openDatabase({ url: opened.url, pgSchema: opened.pgSchema! });
}

for (const target of testDatabases()) {
  test(`${target.name}: duplicates merge into the open case; priority orders the queue`, async () => {
    const { database, cleanup } = await target.open();
    try {
      let t = 1_000_000;
      const cases = createCaseService({ database, policy: defaultPolicy().review, now: () => t });
      const a = await cases.intake(report('r1', 'acct-1'));
      assert.equal(a.opened, true);
      const again = await cases.intake(report('r1', 'acct-1'));
      assert.deepEqual(again, { caseId: a.caseId, opened: false, changed: false }, 'the same report twice adds nothing');
      t += 1000;
      const b = await cases.intake(report('r2', 'acct-1'));
      assert.deepEqual(b, { caseId: a.caseId, opened: false, changed: true }, 'a second report on the account joins the case');
      // Same matched hash (bank entry) from an upload and a stream frame: one case.
      const up = await cases.intake({ source: 'known_content', severity: 'high', subjects: [{ type: 'content', id: 'cnt_1' }, { type: 'hash', id: 'entry:7' }], evidence: [{ kind: 'bank_match', id: '7', summary: 'm' }], reasons: ['match'] });
      const fr = await cases.intake({ source: 'live_stream', severity: 'critical', effectKind: 'open_case', subjects: [{ type: 'stream', id: 's1' }, { type: 'hash', id: 'entry:7' }], evidence: [{ kind: 'frame', id: 'f1', summary: 'f' }], reasons: ['frame match'] });
      assert.equal(fr.caseId, up.caseId);
      assert.equal(fr.opened, false);
      const merged = (await cases.get(up.caseId))!;
      assert.equal(merged.state.priority, 'child_in_danger', 'the stream ended for known content raises the case to the top');
      assert.deepEqual(merged.state.sources, ['known_content', 'live_stream']);
      assert.equal(merged.events.filter((e) => e.kind === 'evidence_added').length, 1);
      const rows = await database.db.selectFrom('cases').select('id').execute();
      assert.equal(rows.length, 2, 'two cases, not four');

      t += 1000;
      const appeal = await cases.intake({ source: 'age_appeal', severity: 'low', subjects: [{ type: 'account', id: 'acct-9' }], evidence: [{ kind: 'age_signal', id: 'ap1', summary: 'a' }], reasons: ['appeal'] });
      const urgent = await cases.intake(report('r3', 'acct-2', 'imminent_danger'));
      const grooming = await cases.intake({ source: 'conversation', severity: 'high', effectKind: 'enqueue_review', subjects: [{ type: 'conversation', id: 'c1' }], evidence: [], reasons: ['grooming'] });
      const known = await cases.intake({ source: 'known_content', severity: 'high', subjects: [{ type: 'content', id: 'cnt_2' }], evidence: [{ kind: 'bank_match', id: '8', summary: 'm' }], reasons: ['match'] });
      const q = await cases.listQueue({ limit: 10 });
      assert.deepEqual(
        q.cases.map((c) => [c.id, c.priority]),
        [
          [up.caseId, 'child_in_danger'],
          [urgent.caseId, 'child_in_danger'],
          [known.caseId, 'known_content'],
          [grooming.caseId, 'high_risk'],
          [appeal.caseId, 'age_appeal'],
          [a.caseId, 'other'],
        ],
      );
      t += 20 * 60_000;
      const late = (await cases.listQueue({ limit: 10 })).cases[0]!;
      assert.equal(late.targetMs, 15 * 60_000);
      assert.equal(late.overdue, true);
      assert.ok(late.waitedMs > late.targetMs);
      const urgentQueue = await cases.listQueue({ queue: 'urgent', limit: 10 });
      assert.deepEqual(urgentQueue.cases.map((c) => c.id), [up.caseId, urgent.caseId]);
      const views = await cases.queues(carol);
      assert.equal(views.find((v) => v.id === 'urgent')!.waiting, 2);
      assert.equal(views.find((v) => v.id === 'child-safety')!.workable, false, 'a plain reviewer cannot work child-safety media');
    } finally {
      await cleanup();
    }
  });

  test(`${target.name}: a detector reading withdrawn by later messages lowers its case in the queue; holding again raises it`, async () => {
    const { database, cleanup } = await target.open();
    try {
      let t = 1_000_000;
      const cases = createCaseService({ database, policy: defaultPolicy().review, now: () => t });
      const reading = (severity: 'high' | 'info', id: string): CaseIntake => ({ source: 'conversation', severity, effectKind: 'enqueue_review', reading: 'grooming:c7', subjects: [{ type: 'conversation', id: 'c7' }], evidence: [{ kind: 'event', id, summary: id }], reasons: [severity === 'info' ? 'withdrawn' : 'warning'] });
      const flag = await cases.intake(reading('high', 'e1'));
      const other = await cases.intake(report('r1', 'acct-1'));
      const order = async () => (await cases.listQueue({ limit: 10 })).cases.map((c) => [c.id, c.priority]);
      assert.deepEqual(await order(), [[flag.caseId, 'high_risk'], [other.caseId, 'other']]);
      t += 1000;
      const lowered = await cases.intake(reading('info', 'e2'));
      assert.deepEqual(lowered, { caseId: flag.caseId, opened: false, changed: true });
      assert.deepEqual(await order(), [[other.caseId, 'other'], [flag.caseId, 'informational']], 'below every other case');
      const detail = (await cases.get(flag.caseId))!;
      assert.deepEqual(detail.state.reasons, ['warning', 'withdrawn'], 'the case keeps why it was opened and why it was lowered');
      assert.equal(detail.state.status, 'open', 'still open for the record: a person can look');
      t += 1000;
      await cases.intake(reading('high', 'e3'));
      assert.deepEqual(await order(), [[flag.caseId, 'high_risk'], [other.caseId, 'other']]);
    } finally {
      await cleanup();
    }
  });

  test(`${target.name}: two reviewers claiming at once never get the same case; claims expire`, async () => {
    const opened = await target.open();
    const other = await second(target, opened);
    try {
      let t = 5_000_000;
      const policy = defaultPolicy().review;
      const one = createCaseService({ database: opened.database, policy, now: () => t });
      const two = createCaseService({ database: other, policy, now: () => t });
      for (let i = 0; i < 6; i++) await one.intake(report(`r${i}`, `acct-${i}`));
      const claims = await Promise.all([
        ...[0, 1, 2].map(() => one.claimNext(alice)),
        ...[0, 1, 2].map(() => two.claimNext(bob)),
      ]);
      const ids = claims.map((c) => c!.state.id);
      assert.equal(new Set(ids).size, 6, `six distinct cases: ${ids.join(', ')}`);
      assert.equal(await one.claimNext(carol), null, 'nothing left');
      await assert.rejects(two.claim(ids[0]!, bob), (e: { code?: string }) => e.code === 'case_claimed');
      // The claim lapses after claimMinutes without activity; then another reviewer can take it.
      t += (policy.claimMinutes + 1) * 60_000;
      const taken = await two.claim(ids[0]!, bob);
      assert.equal(taken.state.assignee?.id, 'bob');
      assert.deepEqual(taken.events.slice(-2).map((e) => e.kind), ['claim_expired', 'assigned']);
    } finally {
      await other.close();
      await opened.cleanup();
    }
  });

  test(`${target.name}: concurrent intakes on one subject from two handles open exactly one case`, async () => {
    const opened = await target.open();
    const other = await second(target, opened);
    try {
      const policy = defaultPolicy().review;
      const one = createCaseService({ database: opened.database, policy });
      const two = createCaseService({ database: other, policy });
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? one : two).intake(report(`race-${i}`, 'acct-race'))));
      assert.equal(new Set(results.map((r) => r.caseId)).size, 1, 'one case');
      assert.equal(results.filter((r) => r.opened).length, 1, 'opened once');
      const c = (await one.get(results[0]!.caseId))!;
      assert.equal(c.state.evidence.length, 12, 'every report kept as evidence');
      const open = await opened.database.db.selectFrom('case_open_subjects').selectAll().execute();
      assert.deepEqual(open.map((r) => [r.subject_key, r.case_id]), [['account:acct-race', c.state.id]]);
    } finally {
      await other.close();
      await opened.cleanup();
    }
  });

  test(`${target.name}: one pipeline batch: intakes merge with cases opened earlier in the same batch and with open ones`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const policy = defaultPolicy().review;
      const cases = createCaseService({ database, policy });
      const existing = await cases.intake(report('e1', 'acct-old'));
      const results = await withWriteTransaction(database, async (trx) => {
        await lockCases(trx, database.kind);
        return intakeBatch(trx, [report('b1', 'acct-new'), report('b2', 'acct-new'), report('b3', 'acct-old'), report('b1', 'acct-new'), { ...report('b4', 'acct-new'), subjects: [{ type: 'account', id: 'acct-new' }, { type: 'stream', id: 's-9' }] }], policy, 1);
      });
      assert.deepEqual(results.map((r) => [r.opened, r.changed]), [[true, true], [false, true], [false, true], [false, false], [false, true]]);
      assert.equal(results[1]!.caseId, results[0]!.caseId);
      assert.equal(results[2]!.caseId, existing.caseId);
      const made = (await cases.get(results[0]!.caseId))!;
      assert.deepEqual(made.events.map((e) => e.kind), ['opened', 'evidence_added', 'evidence_added']);
      assert.equal(made.state.evidence.length, 3);
      assert.deepEqual(made.state.subjects, [{ type: 'account', id: 'acct-new' }, { type: 'stream', id: 's-9' }]);
      assert.equal((await cases.intake({ ...report('x', 'other'), subjects: [{ type: 'stream', id: 's-9' }] })).caseId, made.state.id, 'the subject added in the batch is held');
      const seqs = (await database.db.selectFrom('case_events').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
      assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'event seqs without gaps');
    } finally {
      await cleanup();
    }
  });

  test(`${target.name}: decisions need a claim; actions go out through the outbox; dismiss frees the subject; labels export`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const t = 9_000_000;
      const policy = reviewPolicySchema.parse({ confirmActions: ['ban_account'] });
      const cases = createCaseService({ database, policy, now: () => t });
      const audit = createAuditLog(database);
      const c = await cases.intake(report('r1', 'acct-1'));
      await assert.rejects(cases.assess(c.caseId, alice, { ukCategory: 'not_illegal' }), (e: { code?: string }) => e.code === 'claim_required');
      await cases.claim(c.caseId, alice);
      await cases.recordView(c.caseId, alice);
      await cases.assess(c.caseId, alice, { ukCategory: 'not_illegal', notes: 'private words' });
      await assert.rejects(cases.assess(c.caseId, alice, { ukCategory: 'Z' } as never), (e: { code?: string }) => e.code === 'invalid_assessment');
      const ban = await cases.act(c.caseId, alice, { kind: 'ban_account' });
      assert.equal(ban.status, 'pending');
      assert.equal(ban.case.state.status, 'awaiting_confirmation');
      assert.equal((await listEffects(database, { limit: 10 })).effects.length, 0, 'nothing sent before confirmation');
      await assert.rejects(cases.confirmAction(c.caseId, alice, ban.actionId, { approve: true }), (e: { status?: number }) => e.status === 403);
      const done = await cases.confirmAction(c.caseId, bob, ban.actionId, { approve: true });
      assert.equal(done.status, 'done');
      const fx = (await listEffects(database, { limit: 10 })).effects;
      assert.equal(fx.length, 1);
      assert.equal(fx[0]!.effect.kind, 'ban_account');
      assert.deepEqual(fx[0]!.effect.target, { type: 'account', id: 'acct-1' });
      assert.equal(fx[0]!.effect.decision?.reviewer, 'alice');
      assert.equal(fx[0]!.effect.decision?.confirmedBy, 'bob');
      assert.equal(fx[0]!.delivery?.status, 'pending', 'queued for the webhook');
      const closed = await cases.close(c.caseId, alice, {});
      assert.equal(closed.state.status, 'closed');
      assert.equal(closed.state.outcome, 'actioned');

      // A new report on the closed case's account opens a new case.
      const d = await cases.intake(report('r2', 'acct-1'));
      assert.equal(d.opened, true);
      assert.notEqual(d.caseId, c.caseId);
      await cases.claim(d.caseId, carol);
      await assert.rejects(cases.act(d.caseId, carol, { kind: 'dismiss' } as never), (e: { code?: string }) => e.code === 'invalid_action');
      const dis = await cases.act(d.caseId, carol, { kind: 'dismiss', reason: 'not_violating' });
      assert.equal(dis.case.state.status, 'closed');
      assert.equal(dis.case.state.outcome, 'dismissed');
      await assert.rejects(cases.reopen(d.caseId, carol, 'second look'), (e: { status?: number }) => e.status === 403);
      const re = await cases.reopen(d.caseId, sup, 'second look');
      assert.equal(re.state.status, 'open');

      await assert.rejects(cases.exportLabels(carol), (e: { status?: number }) => e.status === 403);
      const labels = await cases.exportLabels(sup);
      assert.deepEqual(labels.map((l) => [l.caseId, l.label, l.reason]), [[c.caseId, 'true_positive', null], [d.caseId, 'false_positive', 'not_violating']]);
      assert.ok(!JSON.stringify(labels).includes('private words'), 'ids and labels only');

      const entries = (await audit.list({ limit: 100 })).entries;
      assert.deepEqual(entries.map((e) => e.action), [
        // the confirmed action holds the case's evidence (policy `evidence`), in the same transaction; the dismissal does not
        'case_claimed', 'case_viewed', 'case_assessed', 'case_actioned', 'action_confirmed', 'evidence_held', 'case_closed',
        'case_claimed', 'case_actioned', 'case_reopened', 'labels_exported',
      ]);
      assert.equal(entries[2]!.detail.hasNotes, true);
      assert.ok(!JSON.stringify(entries).includes('private words'), 'notes stay out of the audit log');
      assert.deepEqual(await audit.verify(), { ok: true, checked: entries.length });
    } finally {
      await cleanup();
    }
  });

  test(`${target.name}: reveals need a live claim and the case's role; refusals are audited`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const cases = createCaseService({ database, policy: defaultPolicy().review });
      const c = await cases.intake({ source: 'known_content', severity: 'high', subjects: [{ type: 'content', id: 'cnt_9' }], evidence: [{ kind: 'content', id: 'cnt_9', summary: 'upload' }], reasons: ['match'] });
      await assert.rejects(cases.claim(c.caseId, carol), (e: { status?: number }) => e.status === 403, 'a plain reviewer cannot take child-safety cases');
      await assert.rejects(cases.recordReveal(c.caseId, alice, { contentId: 'cnt_9', fullView: false }), (e: { status?: number }) => e.status === 403);
      await cases.claim(c.caseId, alice);
      await assert.rejects(cases.recordReveal(c.caseId, alice, { contentId: 'cnt_other', fullView: false }), (e: { status?: number }) => e.status === 404);
      await cases.recordReveal(c.caseId, alice, { contentId: 'cnt_9', fullView: true });
      const s = (await cases.get(c.caseId))!.state;
      assert.equal(s.reveals, 1);
      assert.equal(s.fullViews, 1);
      const entries = (await createAuditLog(database).list({ limit: 10 })).entries;
      assert.deepEqual(entries.map((e) => e.action), ['media_reveal_denied', 'case_claimed', 'media_revealed']);
      assert.equal(entries[2]!.detail.fullView, true);
    } finally {
      await cleanup();
    }
  });
}
