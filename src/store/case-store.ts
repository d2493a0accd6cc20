/**
 * Cases in the database, inside a caller's write transaction: the append-only `case_events` log, the `cases`
 * read table rebuilt from a case's events in the same transaction, and the open-subject index whose primary
 * key (scope, subject) makes two open cases on one subject impossible. Every case write first takes the
 * `cases` counter row (the case lock), so concurrent writers — pipeline workers, reviewers, several
 * processes — are serialised; lock order everywhere is cases → audit → effects.
 */
import { sql } from 'kysely';
import { subjectKey, type CaseSubject } from '../core/cases/case-sources.ts';
import type { CaseEvent, NewCaseEvent } from '../core/cases/case-event.ts';
import { reduceCase, type CaseState } from '../core/cases/reduce-case.ts';
import type { ReviewPolicy } from '../core/cases/review-policy.ts';
import { invalidInput, notFound } from '../core/lifeguard-error.ts';
import type { Trx } from '../queue/write-transaction.ts';
import type { CaseIntake, IntakeResult } from '../review/case-service.ts';
import type { Database } from './database.ts';
import { caseRow, intakeBatch, upsertCaseRows } from './case-intake.ts';

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
  await upsertCaseRows(trx, [caseRow(scope, state, policy)]);
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

/**
 * Opens a case for the intake, or adds its new subjects and evidence to the open case holding any of its
 * subjects (see case-intake.ts). Idempotent: evidence and subjects already held add nothing. Call inside a
 * write transaction; takes the case lock (unless the caller holds it: `locked`).
 */
export async function intakeIn(trx: Trx, kind: Database['kind'], input: CaseIntake, policy: ReviewPolicy, now: number, opts: { locked?: boolean } = {}): Promise<IntakeResult> {
  if (!opts.locked) await lockCases(trx, kind);
  return (await intakeBatch(trx, [input], policy, now))[0]!;
}
