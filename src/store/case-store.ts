/**
 * Cases in the database, inside a caller's write transaction: the append-only `case_events` log, the `cases`
 * read table rebuilt from a case's events in the same transaction, and the open-subject index whose primary
 * key (scope, subject) makes two open cases on one subject impossible. Every case write first takes the
 * `cases` counter row (the case lock), so concurrent writers — pipeline workers, reviewers, several
 * processes — are serialised; lock order everywhere is cases → audit → effects.
 */
import { sql } from 'kysely';
import { priorityOf, priorityRank, targetMinutesOf } from '../core/cases/case-priority.ts';
import { evidenceKey, subjectKey, type CaseEvidence, type CaseSubject } from '../core/cases/case-sources.ts';
import type { CaseEvent, IntakeData, NewCaseEvent } from '../core/cases/case-event.ts';
import { requiredRoleFor } from '../core/cases/queue-routing.ts';
import { applyCaseEvents, caseEvidenceCap, reduceCase, type CaseState } from '../core/cases/reduce-case.ts';
import type { ReviewPolicy } from '../core/cases/review-policy.ts';
import { invalidInput, notFound } from '../core/lifeguard-error.ts';
import type { Trx } from '../queue/write-transaction.ts';
import type { CaseIntake, IntakeResult } from '../review/case-service.ts';
import type { Database } from './database.ts';

/** Takes the case lock (PostgreSQL: the counter row, held to commit; SQLite's write transaction is the lock). */
export async function lockCases(trx: Trx, kind: Database['kind']): Promise<void> {
  if (kind === 'postgres') await sql`select value from counters where name = 'cases' for update`.execute(trx);
}

/** A case's events in order (empty for an unknown id). */
export async function loadCaseEvents(db: Trx, caseId: string): Promise<CaseEvent[]> {
  const rows = await db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  return rows.map((r) => ({ seq: Number(r.seq), caseId: r.case_id, kind: r.kind, at: Number(r.at), actor: r.actor, data: JSON.parse(r.data) }) as CaseEvent);
}

/** Appends events (seqs from the `case_events` counter). Call with the case lock held. */
export async function appendCaseEvents(trx: Trx, events: readonly NewCaseEvent[]): Promise<CaseEvent[]> {
  if (events.length === 0) return [];
  const counter = await trx
    .updateTable('counters')
    .set({ value: sql<number>`value + ${events.length}` })
    .where('name', '=', 'case_events')
    .returning('value')
    .executeTakeFirstOrThrow();
  const first = Number(counter.value) - events.length + 1;
  const stored = events.map((e, i) => ({ ...e, seq: first + i }) as CaseEvent);
  await trx
    .insertInto('case_events')
    .values(stored.map((e) => ({ seq: e.seq, case_id: e.caseId, kind: e.kind, at: e.at, actor: e.actor, data: JSON.stringify(e.data) })))
    .execute();
  return stored;
}

/**
 * Rebuilds the case's read row and its open subjects from its full event list. Closed cases hold no subject
 * (new evidence then opens a new case); open ones claim theirs, first come first served.
 */
export async function saveCaseRow(trx: Trx, scope: string, events: readonly CaseEvent[], policy: ReviewPolicy): Promise<CaseState> {
  const state = reduceCase(events, policy);
  if (!state) throw invalidInput('case_history_invalid', `case ${events[0]?.caseId ?? '?'} has no opened event`);
  return saveCaseState(trx, scope, state, policy);
}

/** Writes a reduced state as the case's read row and open subjects (see saveCaseRow); `claim`: subjects to (re)claim. */
export async function saveCaseState(trx: Trx, scope: string, state: CaseState, policy: ReviewPolicy, claim: readonly CaseSubject[] = state.subjects): Promise<CaseState> {
  const row = {
    scope,
    status: state.status,
    source: state.source,
    priority: state.priority,
    priority_rank: priorityRank(state.priority, policy),
    required_role: state.requiredRole,
    language: state.language ?? null,
    opened_at: state.openedAt,
    due_at: state.openedAt + targetMinutesOf(state.priority, policy) * 60_000,
    updated_at: state.updatedAt,
    assignee: state.assignee?.id ?? null,
    claim_until: state.assignee?.until ?? 0,
    label: state.label ?? null,
    state: JSON.stringify(state),
    last_seq: state.lastSeq,
  };
  await trx
    .insertInto('cases')
    .values({ id: state.id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  if (state.status === 'closed') {
    await trx.deleteFrom('case_open_subjects').where('case_id', '=', state.id).execute();
  } else if (claim.length > 0) {
    await trx
      .insertInto('case_open_subjects')
      .values(claim.map((s) => ({ scope, subject_key: subjectKey(s), case_id: state.id })))
      .onConflict((oc) => oc.columns(['scope', 'subject_key']).doNothing())
      .execute();
  }
  return state;
}

/** The scope a case was opened in. */
export async function caseScope(db: Trx, caseId: string): Promise<string | undefined> {
  const r = await db.selectFrom('cases').select('scope').where('id', '=', caseId).executeTakeFirst();
  return r?.scope;
}

/** Loads a case under the lock: its events, state and scope; 404 `case_not_found` when unknown. */
export async function loadCase(trx: Trx, caseId: string, policy: ReviewPolicy): Promise<{ events: CaseEvent[]; state: CaseState; scope: string }> {
  const events = await loadCaseEvents(trx, caseId);
  const state = reduceCase(events, policy);
  const scope = await caseScope(trx, caseId);
  if (!state || scope === undefined) throw notFound('case_not_found', `no case '${caseId}'`);
  return { events, state, scope };
}

const limits = { subjects: 50, evidence: 200, reasons: 20 };

/**
 * Opens a case for the intake, or adds its new subjects and evidence to the open case holding any of its
 * subjects (the oldest, when several do). Idempotent: evidence and subjects already held add nothing.
 * Call inside a write transaction; takes the case lock (unless the caller holds it: `locked`).
 */
export async function intakeIn(trx: Trx, kind: Database['kind'], input: CaseIntake, policy: ReviewPolicy, now: number, opts: { locked?: boolean } = {}): Promise<IntakeResult> {
  if (input.subjects.length === 0) throw invalidInput('case_needs_subject', 'a case needs at least one subject');
  const scope = input.scope ?? '';
  const subjects = dedupeBy(input.subjects.slice(0, limits.subjects), subjectKey);
  const evidence: CaseEvidence[] = dedupeBy(
    input.evidence.slice(0, limits.evidence).map((e) => ({ ...e, key: evidenceKey(e) })),
    (e) => e.key,
  );
  const trigger = {
    source: input.source,
    severity: input.severity,
    ...(input.effectKind !== undefined ? { effectKind: input.effectKind } : {}),
    ...(input.reportReason !== undefined ? { reportReason: input.reportReason } : {}),
    evidenceKinds: [...new Set(evidence.map((e) => e.kind))],
  };
  const data: IntakeData = {
    source: input.source,
    priority: priorityOf(trigger, policy).id,
    trigger,
    subjects,
    evidence,
    reasons: input.reasons.slice(0, limits.reasons),
    requiredRole: requiredRoleFor(input.source, policy),
    ...(input.language !== undefined ? { language: input.language } : {}),
  };
  const actor = input.actor ?? 'system';

  if (!opts.locked) await lockCases(trx, kind);
  const keys = subjects.map(subjectKey);
  // The open case holding any subject (the oldest when several do), with its reduced state, in one query.
  const held = await trx
    .selectFrom('case_open_subjects as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['c.id', 'c.state'])
    .where('s.scope', '=', scope)
    .where('s.subject_key', 'in', keys)
    .execute();
  if (held.length > 0) {
    const first = held.reduce((a, b) => (byCaseNumber(b.id, a.id) < 0 ? b : a));
    const caseId = first.id;
    // The read row holds the state reduced from every event so far: fold the new one into it (a hot subject —
    // a stream reported by thousands — must not cost a read of its whole history per report).
    const state = JSON.parse(first.state) as CaseState;
    const newSubjects = subjects.filter((s) => !state.subjects.some((x) => x.type === s.type && x.id === s.id));
    const have = new Set(state.evidence.map((x) => x.key));
    const newEvidence = evidence.filter((e) => !have.has(e.key)).slice(0, Math.max(0, caseEvidenceCap - state.evidence.length));
    const raises = priorityRank(data.priority, policy) < priorityRank(state.priority, policy);
    if (newSubjects.length === 0 && newEvidence.length === 0 && !raises) return { caseId, opened: false, changed: false };
    const added = await appendCaseEvents(trx, [{ caseId, kind: 'evidence_added', at: now, actor, data: { ...data, subjects: newSubjects, evidence: newEvidence } }]);
    await saveCaseState(trx, scope, applyCaseEvents(state, added, policy), policy, newSubjects);
    return { caseId, opened: false, changed: true };
  }
  const counter = await trx.updateTable('counters').set({ value: sql<number>`value + 1` }).where('name', '=', 'cases').returning('value').executeTakeFirstOrThrow();
  const caseId = `case_${Number(counter.value)}`;
  const added = await appendCaseEvents(trx, [{ caseId, kind: 'opened', at: now, actor, data }]);
  await saveCaseRow(trx, scope, added, policy);
  return { caseId, opened: true, changed: true };
}

/** Orders `case_12` before `case_100`. */
const byCaseNumber = (a: string, b: string) => Number(a.slice(5)) - Number(b.slice(5)) || a.localeCompare(b);

function dedupeBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
