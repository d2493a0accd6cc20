/**
 * Evidence arriving for review, in batches: each intake opens a case or joins the open case holding one of its
 * subjects (the oldest when several do). A whole pipeline batch costs a fixed handful of statements — one
 * lookup of every subject, one counter take each for case numbers and event seqs, one insert of the events,
 * one upsert of the touched read rows, one insert of newly held subjects — however many reports it carries.
 * The read row's state is the reduction of every event so far, so new events are folded into it rather than
 * re-reading a case's history (a stream reported by thousands stays cheap). Call under the case lock.
 */
import { sql } from 'kysely';
import { priorityOf, priorityRank, targetMinutesOf } from '../core/cases/case-priority.ts';
import type { CaseEvent, IntakeData } from '../core/cases/case-event.ts';
import { evidenceKey, subjectKey, type CaseEvidence, type CaseSubject } from '../core/cases/case-sources.ts';
import { requiredRoleFor } from '../core/cases/queue-routing.ts';
import { applyCaseEvents, caseEvidenceCap, reduceCase, type CaseState } from '../core/cases/reduce-case.ts';
import type { ReviewPolicy } from '../core/cases/review-policy.ts';
import { invalidInput } from '../core/lifeguard-error.ts';
import type { Trx } from '../queue/write-transaction.ts';
import type { CaseIntake, IntakeResult } from '../review/case-service.ts';

const limits = { subjects: 50, evidence: 200, reasons: 20 };

/** The intake's event data (priority from the policy's rules), deduplicated and bounded. */
export function intakeData(input: CaseIntake, policy: ReviewPolicy): IntakeData {
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
  return {
    source: input.source,
    priority: priorityOf(trigger, policy).id,
    trigger,
    subjects,
    evidence,
    reasons: input.reasons.slice(0, limits.reasons),
    requiredRole: requiredRoleFor(input.source, policy),
    ...(input.language !== undefined ? { language: input.language } : {}),
    ...(input.reading !== undefined ? { reading: input.reading } : {}),
  };
}

interface Touched {
  /** Real id, or a placeholder `new:<n>` until case numbers are taken. */
  id: string;
  scope: string;
  state: CaseState | undefined;
  /** Evidence keys and subject keys held, including this batch's additions. */
  evidence: Set<string>;
  subjects: Set<string>;
  priority: string;
  events: { kind: 'opened' | 'evidence_added'; actor: string; data: IntakeData }[];
  /** Subjects this batch claims for the case in the open-subject index. */
  claim: CaseSubject[];
}

/** Opens or merges every intake, in order; returns one result per intake. */
export async function intakeBatch(trx: Trx, inputs: readonly CaseIntake[], policy: ReviewPolicy, now: number): Promise<IntakeResult[]> {
  if (inputs.length === 0) return [];
  for (const i of inputs) if (i.subjects.length === 0) throw invalidInput('case_needs_subject', 'a case needs at least one subject');
  const datas = inputs.map((i) => intakeData(i, policy));
  const scopeOf = (i: number) => inputs[i]!.scope ?? '';

  // Every open case holding any subject of the batch, with its state.
  const keyOwner = new Map<string, Touched>();
  const touched = new Map<string, Touched>();
  const byScope = new Map<string, Set<string>>();
  datas.forEach((d, i) => {
    const set = byScope.get(scopeOf(i)) ?? new Set<string>();
    for (const s of d.subjects) set.add(subjectKey(s));
    byScope.set(scopeOf(i), set);
  });
  for (const [scope, keys] of byScope) {
    const rows = await trx
      .selectFrom('case_open_subjects as s')
      .innerJoin('cases as c', 'c.id', 's.case_id')
      .select(['s.subject_key', 'c.id', 'c.state'])
      .where('s.scope', '=', scope)
      .where('s.subject_key', 'in', [...keys])
      .execute();
    for (const r of rows) {
      let t = touched.get(r.id);
      if (!t) {
        const state = JSON.parse(r.state) as CaseState;
        t = { id: r.id, scope, state, evidence: new Set(state.evidence.map((e) => e.key)), subjects: new Set(state.subjects.map(subjectKey)), priority: state.priority, events: [], claim: [] };
        touched.set(r.id, t);
      }
      keyOwner.set(`${scope}\u0000${r.subject_key}`, t);
    }
  }

  const results: { target: Touched; opened: boolean; changed: boolean }[] = [];
  let fresh = 0;
  datas.forEach((d, i) => {
    const scope = scopeOf(i);
    const actor = inputs[i]!.actor ?? 'system';
    const owners = d.subjects.map((s) => keyOwner.get(`${scope}\u0000${subjectKey(s)}`)).filter((t): t is Touched => t !== undefined);
    if (owners.length === 0) {
      const t: Touched = { id: `new:${fresh++}`, scope, state: undefined, evidence: new Set(d.evidence.map((e) => e.key)), subjects: new Set(d.subjects.map(subjectKey)), priority: d.priority, events: [{ kind: 'opened', actor, data: d }], claim: d.subjects };
      touched.set(t.id, t);
      for (const s of d.subjects) keyOwner.set(`${scope}\u0000${subjectKey(s)}`, t);
      results.push({ target: t, opened: true, changed: true });
      return;
    }
    const t = owners.reduce((a, b) => (caseOrder(b.id, a.id) < 0 ? b : a));
    const newSubjects = d.subjects.filter((s) => !t.subjects.has(subjectKey(s)));
    const room = Math.max(0, caseEvidenceCap - t.evidence.size);
    const newEvidence = d.evidence.filter((e) => !t.evidence.has(e.key)).slice(0, room);
    const raises = priorityRank(d.priority, policy) < priorityRank(t.priority, policy);
    // A reading's new intake can lower the case (its earlier say is replaced): always recorded.
    if (newSubjects.length === 0 && newEvidence.length === 0 && !raises && d.reading === undefined) {
      results.push({ target: t, opened: false, changed: false });
      return;
    }
    for (const s of newSubjects) {
      t.subjects.add(subjectKey(s));
      const k = `${scope}\u0000${subjectKey(s)}`;
      // First come first served: a subject another open case holds stays with it.
      if (!keyOwner.has(k)) {
        keyOwner.set(k, t);
        t.claim.push(s);
      }
    }
    for (const e of newEvidence) t.evidence.add(e.key);
    if (raises) t.priority = d.priority;
    t.events.push({ kind: 'evidence_added', actor, data: { ...d, subjects: newSubjects, evidence: newEvidence } });
    results.push({ target: t, opened: false, changed: true });
  });

  // Case numbers for new cases, then seqs for every event, each from its counter in one statement.
  const writes = [...touched.values()].filter((t) => t.events.length > 0);
  if (fresh > 0) {
    const c = await trx.updateTable('counters').set({ value: sql<number>`value + ${fresh}` }).where('name', '=', 'cases').returning('value').executeTakeFirstOrThrow();
    const firstNumber = Number(c.value) - fresh + 1;
    for (const t of writes) if (t.id.startsWith('new:')) t.id = `case_${firstNumber + Number(t.id.slice(4))}`;
  }
  const eventCount = writes.reduce((n, t) => n + t.events.length, 0);
  if (eventCount === 0) return results.map((r) => ({ caseId: r.target.id, opened: false, changed: false }));
  const ec = await trx.updateTable('counters').set({ value: sql<number>`value + ${eventCount}` }).where('name', '=', 'case_events').returning('value').executeTakeFirstOrThrow();
  let seq = Number(ec.value) - eventCount + 1;
  const stored: CaseEvent[] = [];
  const rows = [];
  const claims: { scope: string; subject_key: string; case_id: string }[] = [];
  for (const t of writes) {
    const events = t.events.map((e) => ({ seq: seq++, caseId: t.id, kind: e.kind, at: now, actor: e.actor, data: e.data }) as CaseEvent);
    stored.push(...events);
    const state = t.state ? applyCaseEvents(t.state, events, policy) : reduceCase(events, policy)!;
    rows.push(caseRow(t.scope, state, policy));
    for (const s of t.claim) claims.push({ scope: t.scope, subject_key: subjectKey(s), case_id: t.id });
  }
  for (let i = 0; i < stored.length; i += 500) {
    await trx
      .insertInto('case_events')
      .values(stored.slice(i, i + 500).map((e) => ({ seq: e.seq, case_id: e.caseId, kind: e.kind, at: e.at, actor: e.actor, data: JSON.stringify(e.data) })))
      .execute();
  }
  await upsertCaseRows(trx, rows);
  if (claims.length > 0) {
    await trx.insertInto('case_open_subjects').values(claims).onConflict((oc) => oc.columns(['scope', 'subject_key']).doNothing()).execute();
  }
  return results.map((r) => ({ caseId: r.target.id, opened: r.opened, changed: r.changed }));
}

/** The read row of a reduced state. */
export function caseRow(scope: string, state: CaseState, policy: ReviewPolicy) {
  return {
    id: state.id,
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
}

/** Inserts or replaces read rows (one statement per 200). */
export async function upsertCaseRows(trx: Trx, rows: ReturnType<typeof caseRow>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('cases')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          source: eb.ref('excluded.source'),
          priority: eb.ref('excluded.priority'),
          priority_rank: eb.ref('excluded.priority_rank'),
          required_role: eb.ref('excluded.required_role'),
          language: eb.ref('excluded.language'),
          due_at: eb.ref('excluded.due_at'),
          updated_at: eb.ref('excluded.updated_at'),
          assignee: eb.ref('excluded.assignee'),
          claim_until: eb.ref('excluded.claim_until'),
          label: eb.ref('excluded.label'),
          state: eb.ref('excluded.state'),
          last_seq: eb.ref('excluded.last_seq'),
        })),
      )
      .execute();
  }
}

/** Orders `case_12` before `case_100` (placeholders of this batch after every existing case). */
function caseOrder(a: string, b: string): number {
  const n = (id: string) => (id.startsWith('new:') ? Number.MAX_SAFE_INTEGER - 1e6 + Number(id.slice(4)) : Number(id.slice(5)));
  return n(a) - n(b) || a.localeCompare(b);
}

function dedupeBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
