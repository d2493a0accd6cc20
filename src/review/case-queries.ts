/** Reads over the cases read table: the queue, queue counts, the next claimable case, the label export. */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { CaseEvent } from '../core/cases/case-event.ts';
import { targetMinutesOf } from '../core/cases/case-priority.ts';
import { canWork, queuesOf } from '../core/cases/queue-routing.ts';
import { reduceCase, waiting, type CaseState, type CaseStatus } from '../core/cases/reduce-case.ts';
import type { QueueRule, ReviewPolicy } from '../core/cases/review-policy.ts';
import { invalidInput, notFound } from '../core/lifeguard-error.ts';
import type { Role } from '../core/people/roles.ts';
import type { Trx } from '../queue/write-transaction.ts';
import type { Database } from '../store/database.ts';
import type { Schema } from '../store/schema.ts';
import type { CaseDetail, CaseSummary, LabelRow, QueueQuery, QueueView, Reviewer } from './case-service.ts';

/** A queue row from a case state. */
export function summaryOf(s: CaseState, policy: ReviewPolicy, now: number): CaseSummary {
  const w = waiting(s, now, targetMinutesOf(s.priority, policy));
  const claimed = s.assignee !== undefined && s.assignee.until > now;
  return {
    id: s.id,
    status: s.status,
    source: s.source,
    priority: s.priority,
    priorityLabel: policy.priorities.find((p) => p.id === s.priority)?.label ?? s.priority,
    requiredRole: s.requiredRole,
    language: s.language ?? null,
    openedAt: s.openedAt,
    updatedAt: s.updatedAt,
    waitedMs: w.waitedMs,
    targetMs: w.targetMs,
    dueAt: w.dueAt,
    overdue: w.overdue,
    assignee: claimed ? s.assignee!.id : null,
    claimUntil: claimed ? s.assignee!.until : null,
    queues: queuesOf(s, policy),
    subjects: s.subjects,
    reasons: s.reasons,
    evidenceCount: s.evidence.length,
  };
}

/** A case in full from its events. */
export function caseDetail(events: CaseEvent[], policy: ReviewPolicy, now: number): CaseDetail {
  const state = reduceCase(events, policy);
  if (!state) throw notFound('case_not_found', `no case '${events[0]?.caseId ?? '?'}'`);
  return { summary: summaryOf(state, policy, now), state, events };
}

type CasesQuery = SelectQueryBuilder<Schema, 'cases', object>;

/** Narrows a query to a queue's routing rule (the same rule inQueue applies in memory). */
function whereQueue<Q extends CasesQuery>(q: Q, rule: QueueRule): Q {
  let out = q as CasesQuery;
  if (rule.sources) out = out.where('source', 'in', rule.sources);
  if (rule.priorities) out = out.where('priority', 'in', rule.priorities);
  if (rule.languages) out = out.where('language', 'in', rule.languages);
  if (rule.requiredRoles) out = out.where('required_role', 'in', rule.requiredRoles);
  return out as Q;
}

function queueRule(policy: ReviewPolicy, id: string): QueueRule {
  const rule = policy.queues.find((q) => q.id === id);
  if (!rule) throw notFound('queue_not_found', `no queue '${id}' (queues: ${policy.queues.map((q) => q.id).join(', ')})`);
  return rule;
}

const openStatuses: CaseStatus[] = ['open', 'in_review', 'awaiting_confirmation', 'escalated'];

/** Cases in queue order (most pressing priority first, then longest waiting). */
export async function listQueue(database: Database, policy: ReviewPolicy, q: QueueQuery, now: number): Promise<{ cases: CaseSummary[]; cursor: string | null }> {
  const limit = Math.max(1, Math.min(500, Math.floor(q.limit)));
  const offset = q.cursor === undefined ? 0 : Number.parseInt(q.cursor, 10);
  if (!Number.isSafeInteger(offset) || offset < 0) throw invalidInput('invalid_cursor', 'cursor must be the value returned by the previous page');
  let s = database.db.selectFrom('cases').select(['state']).where('status', 'in', q.status ?? openStatuses);
  if (q.queue !== undefined) s = whereQueue(s, queueRule(policy, q.queue));
  if (q.priority !== undefined) s = s.where('priority', '=', q.priority);
  if (q.source !== undefined) s = s.where('source', '=', q.source);
  if (q.assignee !== undefined) s = s.where('assignee', '=', q.assignee).where('claim_until', '>', now);
  const rows = await s.orderBy('priority_rank').orderBy('opened_at').orderBy('id').limit(limit + 1).offset(offset).execute();
  const page = rows.slice(0, limit).map((r) => summaryOf(JSON.parse(r.state) as CaseState, policy, now));
  return { cases: page, cursor: rows.length > limit ? String(offset + limit) : null };
}

/** Every queue with its waiting cases (open, unclaimed or lapsed claim) and how many are overdue. */
export async function queueViews(database: Database, policy: ReviewPolicy, now: number, viewer?: Reviewer): Promise<QueueView[]> {
  const out: QueueView[] = [];
  for (const rule of policy.queues) {
    const r = await waitingQuery(database.db, rule, now)
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('opened_at').as('oldest')])
      .select(sql<number | string>`sum(case when due_at < ${now} then 1 else 0 end)`.as('overdue'))
      .executeTakeFirst();
    const n = Number(r?.n ?? 0);
    const view: QueueView = { id: rule.id, label: rule.label, waiting: n, overdue: Number(r?.overdue ?? 0), oldestWaitMs: n > 0 && r?.oldest != null ? now - Number(r.oldest) : null };
    if (viewer) {
      const needed: Role[] = rule.requiredRoles ?? ['reviewer', 'child_safety_reviewer', 'supervisor'];
      view.workable = needed.some((role) => canWork(viewer.roles, role));
    }
    out.push(view);
  }
  return out;
}

function waitingQuery(db: Database['db'] | Trx, rule: QueueRule | undefined, now: number) {
  let q = db
    .selectFrom('cases')
    .where('status', 'in', ['open', 'in_review', 'escalated'])
    .where((eb) => eb.or([eb('assignee', 'is', null), eb('claim_until', '<=', now)]));
  if (rule) q = whereQueue(q, rule);
  return q;
}

/** The most pressing case a person holding `roles` may claim now (call under the case lock). */
export async function nextClaimable(trx: Trx, policy: ReviewPolicy, opts: { roles: Role[]; now: number; queue?: string }): Promise<string | undefined> {
  const q = waitingQuery(trx, opts.queue !== undefined ? queueRule(policy, opts.queue) : undefined, opts.now).where('required_role', 'in', opts.roles);
  const r = await q.select('id').orderBy('priority_rank').orderBy('opened_at').orderBy('id').limit(1).executeTakeFirst();
  return r?.id;
}

/** Cases with a reviewer's true/false-positive decision, oldest decision first. */
export async function labelRows(database: Database, opts: { since?: number; until?: number; limit?: number }): Promise<LabelRow[]> {
  let q = database.db.selectFrom('cases').select(['state']).where('label', 'is not', null);
  if (opts.since !== undefined) q = q.where('updated_at', '>=', opts.since);
  if (opts.until !== undefined) q = q.where('updated_at', '<', opts.until);
  const rows = await q.orderBy('updated_at').orderBy('id').limit(Math.max(1, Math.min(100_000, opts.limit ?? 10_000))).execute();
  return rows.map((r) => {
    const s = JSON.parse(r.state) as CaseState;
    const decided = [...s.actions].reverse().find((a) => a.status === 'done');
    const assessed = [...s.assessments].reverse().find((a) => a.assessment.ukCategory !== undefined);
    return {
      caseId: s.id,
      source: s.source,
      label: s.label!,
      reason: s.dismissReason ?? null,
      decidedAt: decided?.at ?? s.updatedAt,
      subjects: s.subjects,
      evidence: s.evidence.map((e) => ({ kind: e.kind, id: e.id })),
      ukCategory: assessed?.assessment.ukCategory ?? null,
    };
  });
}
