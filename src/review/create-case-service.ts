/**
 * The case service over the database (see case-service.ts for the contract). Every write runs in one write
 * transaction: case lock → case events → read row → audit entry → effects (with their webhook deliveries), so
 * a decision, its audit entry and its webhook commit together or not at all.
 */
import { ageAppealResolutionSchema, resolutionSignal } from '../core/age/age-appeal.ts';
import { caseActionSchema, caseActionSpecs, type CaseAction } from '../core/cases/case-actions.ts';
import { assessmentSchema, type Assessment } from '../core/cases/assessment.ts';
import type { NewCaseEvent } from '../core/cases/case-event.ts';
import { canWork, mayReveal } from '../core/cases/queue-routing.ts';
import { claimActive } from '../core/cases/reduce-case.ts';
import type { CaseState } from '../core/cases/reduce-case.ts';
import type { ReviewPolicy } from '../core/cases/review-policy.ts';
import type { NewAuditEntry } from '../core/audit/audit-entry.ts';
import { effectTargetTypes, type Effect, type EffectTargetType } from '../core/effects.ts';
import { conflict, forbidden, invalidInput, notFound } from '../core/lifeguard-error.ts';
import { roles as allRoles, type Role } from '../core/people/roles.ts';
import { withWriteTransaction, type Trx } from '../queue/write-transaction.ts';
import { appendAudit } from '../store/audit-log.ts';
import { autoHoldIn } from '../store/evidence-hold-store.ts';
import { defaultRetentionDays } from '../core/evidence/preservation.ts';
import type { EvidencePolicy } from '../core/evidence/evidence-policy.ts';
import type { BankStore } from '../store/bank-store.ts';
import { appendCaseEvents, intakeIn, loadCase, loadCaseEvents, lockCases, saveCaseRow } from '../store/case-store.ts';
import type { ContentStore } from '../store/content-store.ts';
import type { Database } from '../store/database.ts';
import { insertEffects } from '../store/effect-store.ts';
import { appendAgeSignalIn } from './append-age-signal.ts';
import type { ActResult, CaseDetail, CaseService, Reviewer } from './case-service.ts';
import { caseDetail, listQueue, queueViews, nextClaimable, labelRows } from './case-queries.ts';

export interface CaseServiceDeps {
  database: Database;
  policy: ReviewPolicy;
  /** Needed for add_to_bank (and then `content`, for the content's hashes). */
  banks?: { store: BankStore; changed(): void };
  content?: ContentStore;
  /** The policy's `evidence` section: the automatic preservation hold (default: on, 365 days). */
  evidence?: EvidencePolicy;
  now?: () => number;
  /** Told after a resolution committed, so caches of the account's age decision can drop it. */
  onAgeChanged?: (accountId: string) => void;
}

interface Change {
  events: Omit<NewCaseEvent, 'caseId' | 'at' | 'actor'>[];
  audit?: Omit<NewAuditEntry, 'actor' | 'at'>[];
  effects?: Effect[];
  /** Preserve the case's media (policy `evidence`): abuse confirmed, or a referral sent. */
  hold?: { reason: string };
}

const reviewingRoles: Role[] = allRoles.filter((r) => r === 'reviewer' || r === 'child_safety_reviewer' || r === 'supervisor');

/** The case service on `deps.database`. */
export function createCaseService(deps: CaseServiceDeps): CaseService {
  const { database, policy } = deps;
  const now = deps.now ?? Date.now;
  const evidence = deps.evidence ?? { retentionDays: defaultRetentionDays, autoHold: true };

  /** Runs `decide` on the locked case and commits what it returns. */
  async function change<T>(caseId: string, reviewer: Reviewer | string, decide: (state: CaseState, t: number, trx: Trx, scope: string) => Promise<Change & { result?: T }> | (Change & { result?: T })): Promise<{ detail: CaseDetail; result: T | undefined }> {
    const actor = typeof reviewer === 'string' ? reviewer : reviewer.id;
    return withWriteTransaction(database, async (trx) => {
      await lockCases(trx, database.kind);
      const t = now();
      const { events, state, scope } = await loadCase(trx, caseId, policy);
      const c = await decide(state, t, trx, scope);
      const added = await appendCaseEvents(trx, c.events.map((e) => ({ ...e, caseId, at: t, actor }) as NewCaseEvent));
      const all = [...events, ...added];
      await saveCaseRow(trx, scope, all, policy);
      for (const a of c.audit ?? []) {
        await appendAudit(trx, database.kind, { ...a, actor, at: t, detail: { ...a.detail, ...(typeof reviewer === 'string' ? {} : { via: reviewer.via }) } }, now);
      }
      if (c.hold && evidence.autoHold) {
        await autoHoldIn(trx, database.kind, caseId, actor, t, evidence.retentionDays, c.hold.reason, typeof reviewer === 'string' ? {} : { via: reviewer.via });
      }
      if (c.effects && c.effects.length > 0) {
        await insertEffects(trx, c.effects.map((effect) => ({ scope, eventSeq: 0, eventId: caseId, effect })), t);
      }
      return { detail: caseDetail(all, policy, t), result: c.result };
    });
  }

  const subject = (caseId: string) => ({ type: 'case', id: caseId });

  function requireWorker(s: CaseState, r: Reviewer): void {
    if (!canWork(r.roles, s.requiredRole)) throw forbidden(`case ${s.id} needs the ${s.requiredRole} role`, { requiredRole: s.requiredRole });
  }
  function requireClaim(s: CaseState, r: Reviewer, t: number): void {
    requireWorker(s, r);
    if (s.status === 'closed') throw conflict('case_closed', `case ${s.id} is closed`);
    if (!claimActive(s, t) || s.assignee!.id !== r.id) throw conflict('claim_required', `claim case ${s.id} before deciding on it`);
  }
  function claimEvents(s: CaseState, r: Reviewer, t: number): Change['events'] {
    if (s.status === 'closed') throw conflict('case_closed', `case ${s.id} is closed`);
    requireWorker(s, r);
    const out: Change['events'] = [];
    if (s.assignee && s.assignee.id !== r.id) {
      if (s.assignee.until > t) throw conflict('case_claimed', `case ${s.id} is being reviewed by someone else`, { until: s.assignee.until });
      out.push({ kind: 'claim_expired', data: { assignee: s.assignee.id } });
    }
    out.push({ kind: 'assigned', data: { assignee: r.id, claimMs: policy.claimMinutes * 60_000 } });
    return out;
  }

  /** The target an action applies to, and (for add_to_bank) the hashes to bank. */
  async function resolveAction(s: CaseState, action: CaseAction): Promise<{ target: { type: string; id: string } }> {
    const spec = caseActionSpecs[action.kind];
    if (spec.target === 'case') return { target: subject(s.id) };
    const target = action.target ?? s.subjects.find((x) => x.type === spec.target);
    if (!target) throw invalidInput('action_target_missing', `${action.kind} needs a ${spec.target}; case ${s.id} has none (give target)`);
    if (target.type !== spec.target) throw invalidInput('action_target_invalid', `${action.kind} acts on a ${spec.target}, not a ${target.type}`);
    if (!s.subjects.some((x) => x.type === target.type && x.id === target.id)) throw invalidInput('action_target_invalid', `${target.type} ${target.id} is not a subject of case ${s.id}`);
    return { target: { type: target.type, id: target.id } };
  }

  /** Adds the content's hashes to the bank (before the case transaction: the bank store writes on its own). */
  async function bankContent(action: CaseAction, target: { type: string; id: string }): Promise<ActResult['bank']> {
    if (!deps.banks || !deps.content) throw invalidInput('feature_unavailable', 'this service has no bank store for add_to_bank');
    const rec = await deps.content.get(target.id);
    if (!rec) throw notFound('content_not_found', `no content record '${target.id}' to take hashes from`);
    const bank = await deps.banks.store.getBank(action.bank!);
    if (!bank) throw notFound('bank_not_found', `no bank '${action.bank}'`);
    const source = 'lifeguard-review';
    const entries = [
      { signalType: 'sha256' as const, value: rec.sha256 },
      { signalType: 'md5' as const, value: rec.md5 },
      ...(rec.pdq !== null ? [{ signalType: 'pdq' as const, value: rec.pdq, quality: rec.pdqQuality }] : []),
    ].map((e) => ({ ...e, externalId: target.id, sources: [source], category: action.category ?? null }));
    const r = await deps.banks.store.addEntries(bank.id, entries);
    deps.banks.changed();
    return { name: bank.name, added: r.added, merged: r.merged };
  }

  function effectOf(s: CaseState, actionId: string, action: CaseAction, target: { type: string; id: string }, by: string, confirmedBy?: string): Effect {
    const spec = caseActionSpecs[action.kind];
    const type = (effectTargetTypes as readonly string[]).includes(target.type) ? (target.type as EffectTargetType) : 'case';
    const params: Record<string, unknown> = {};
    for (const k of ['bank', 'category', 'durationHours', 'features', 'reason'] as const) if (action[k] !== undefined) params[k] = action[k];
    return {
      kind: spec.effect,
      target: { type, id: target.id },
      severity: 'high',
      reasons: [`reviewer decision on ${s.id}: ${action.kind.replace(/_/g, ' ')}`],
      evidence: [{ kind: 'case', id: s.id, summary: `case ${s.id} (${s.priority})` }],
      dedupeKey: `case:${s.id}:${actionId}`,
      decision: { caseId: s.id, actionId, reviewer: by, ...(confirmedBy !== undefined ? { confirmedBy } : {}), params },
    };
  }

  /** Events, audit and effect of carrying out an action now. */
  function doneChange(s: CaseState, actionId: string, action: CaseAction, target: { type: string; id: string }, requester: string, confirmer: string | undefined, bank: ActResult['bank']): Change {
    const effect = effectOf(s, actionId, action, target, requester, confirmer);
    const events: Change['events'] = confirmer === undefined
      ? [{ kind: 'actioned', data: { actionId, action, target, status: 'done', effectKey: effect.dedupeKey } }]
      : [{ kind: 'action_confirmed', data: { actionId, effectKey: effect.dedupeKey } }];
    if (action.kind === 'escalate') events.push({ kind: 'escalated', data: { reason: action.note ?? 'escalated by reviewer' } });
    if (action.kind === 'dismiss') events.push({ kind: 'closed', data: { outcome: 'dismissed', dismissReason: action.reason!, ...(action.note ? { note: action.note } : {}) } });
    const detail = { actionId, kind: action.kind, target, effectKey: effect.dedupeKey, ...(bank ? { bank: bank.name, added: bank.added } : {}), ...(action.reason ? { reason: action.reason } : {}) };
    // A confirmed abuse decision starts (or extends) the preservation hold of the case's evidence.
    const hold = caseActionSpecs[action.kind].label === 'true_positive' ? { hold: { reason: `abuse confirmed (${action.kind})` } } : {};
    return { events, effects: [effect], audit: [{ action: confirmer === undefined ? 'case_actioned' : 'action_confirmed', subject: subject(s.id), detail }], ...hold };
  }

  const service: CaseService = {
    policy,

    intake: (input) => withWriteTransaction(database, (trx) => intakeIn(trx, database.kind, input, policy, now())),

    listQueue: (q) => listQueue(database, policy, q, now()),

    queues: (viewer) => queueViews(database, policy, now(), viewer),

    async get(caseId) {
      const events = await loadCaseEvents(database.db, caseId);
      return events.length === 0 ? undefined : caseDetail(events, policy, now());
    },

    async claimNext(reviewer, opts = {}) {
      if (opts.queue !== undefined && !policy.queues.some((q) => q.id === opts.queue)) throw notFound('queue_not_found', `no queue '${opts.queue}'`);
      const workable = reviewingRoles.filter((r) => canWork(reviewer.roles, r));
      if (workable.length === 0) throw forbidden('claiming cases needs a reviewing role (reviewer, child_safety_reviewer or supervisor)');
      return withWriteTransaction(database, async (trx) => {
        await lockCases(trx, database.kind);
        const t = now();
        const id = await nextClaimable(trx, policy, { roles: workable, now: t, ...(opts.queue !== undefined ? { queue: opts.queue } : {}) });
        if (id === undefined) return null;
        const { events, state, scope } = await loadCase(trx, id, policy);
        const added = await appendCaseEvents(trx, claimEvents(state, reviewer, t).map((e) => ({ ...e, caseId: id, at: t, actor: reviewer.id }) as NewCaseEvent));
        const all = [...events, ...added];
        await saveCaseRow(trx, scope, all, policy);
        await appendAudit(trx, database.kind, { actor: reviewer.id, at: t, action: 'case_claimed', subject: subject(id), detail: { via: reviewer.via, next: true } }, now);
        return caseDetail(all, policy, t);
      });
    },

    async claim(caseId, reviewer) {
      const r = await change(caseId, reviewer, (s, t) => ({ events: claimEvents(s, reviewer, t), audit: [{ action: 'case_claimed', subject: subject(caseId) }] }));
      return r.detail;
    },

    async release(caseId, reviewer) {
      const r = await change(caseId, reviewer, (s) => {
        if (!s.assignee) throw conflict('not_claimed', `case ${caseId} is not claimed`);
        if (s.assignee.id !== reviewer.id && !reviewer.roles.includes('supervisor')) throw forbidden('only the claim holder or a supervisor can release a claim');
        return { events: [{ kind: 'claim_released', data: { assignee: s.assignee.id } }], audit: [{ action: 'case_released', subject: subject(caseId), detail: { assignee: s.assignee.id } }] };
      });
      return r.detail;
    },

    async recordView(caseId, reviewer, opts = {}) {
      await change(caseId, reviewer, (s) => {
        if (!canWork(reviewer.roles, s.requiredRole) && !reviewer.roles.includes('supervisor') && !reviewer.roles.includes('auditor')) {
          throw forbidden(`viewing case ${caseId} needs the ${s.requiredRole} role`);
        }
        if (opts.evidenceKey !== undefined && !s.evidence.some((e) => e.key === opts.evidenceKey)) throw notFound('evidence_not_found', `case ${caseId} has no evidence '${opts.evidenceKey}'`);
        const data = opts.evidenceKey !== undefined ? { evidenceKey: opts.evidenceKey } : {};
        return { events: [{ kind: 'viewed', data }], audit: [{ action: 'case_viewed', subject: subject(caseId), detail: data }] };
      });
    },

    async recordReveal(caseId, reviewer, opts) {
      let denied: string | undefined;
      try {
        await change(caseId, reviewer, (s, t) => {
          if (!s.evidence.some((e) => e.kind === 'content' && e.id === opts.contentId)) throw notFound('evidence_not_found', `content ${opts.contentId} is not evidence of case ${caseId}`);
          if (!mayReveal(s, reviewer, t)) {
            denied = canWork(reviewer.roles, s.requiredRole) ? 'claim the case first' : `revealing media of this case needs the ${s.requiredRole} role`;
            throw forbidden(denied);
          }
          const data = { contentId: opts.contentId, fullView: opts.fullView, ...(opts.evidenceKey !== undefined ? { evidenceKey: opts.evidenceKey } : {}) };
          return { events: [{ kind: 'revealed', data }], audit: [{ action: 'media_revealed', subject: subject(caseId), detail: data }] };
        });
      } catch (e) {
        // A refused reveal is audited too (in its own transaction: the case transaction rolled back).
        if (denied !== undefined) {
          await withWriteTransaction(database, (trx) =>
            appendAudit(trx, database.kind, { actor: reviewer.id, action: 'media_reveal_denied', subject: subject(caseId), detail: { contentId: opts.contentId, reason: denied, via: reviewer.via } }, now),
          );
        }
        throw e;
      }
    },

    async assess(caseId, reviewer, assessment) {
      const parsed = assessmentSchema.safeParse(assessment);
      if (!parsed.success) throw invalidInput('invalid_assessment', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const a: Assessment = parsed.data;
      const r = await change(caseId, reviewer, (s, t) => {
        requireClaim(s, reviewer, t);
        if (a.evidenceKey !== undefined && !s.evidence.some((e) => e.key === a.evidenceKey)) throw notFound('evidence_not_found', `case ${caseId} has no evidence '${a.evidenceKey}'`);
        const { notes, ...fields } = a;
        return { events: [{ kind: 'assessed', data: { assessment: a } }], audit: [{ action: 'case_assessed', subject: subject(caseId), detail: { ...fields, hasNotes: notes !== undefined } }] };
      });
      return r.detail;
    },

    async act(caseId, reviewer, input) {
      const parsed = caseActionSchema.safeParse(input);
      if (!parsed.success) throw invalidInput('invalid_action', parsed.error.issues.map((i) => `${i.path.join('.') || 'action'}: ${i.message}`).join('; '));
      const action = parsed.data;
      const pending = policy.confirmActions.includes(action.kind);
      // Checks and the bank write happen before the case transaction; the transaction checks the claim again.
      const pre = await service.get(caseId);
      if (!pre) throw notFound('case_not_found', `no case '${caseId}'`);
      requireClaim(pre.state, reviewer, now());
      const { target } = await resolveAction(pre.state, action);
      const bank = !pending && action.kind === 'add_to_bank' ? await bankContent(action, target) : undefined;
      const r = await change<ActResult>(caseId, reviewer, (s, t) => {
        requireClaim(s, reviewer, t);
        const actionId = `a${s.actions.length + 1}`;
        if (pending) {
          return {
            events: [{ kind: 'actioned', data: { actionId, action, target, status: 'pending' } }],
            audit: [{ action: 'case_actioned', subject: subject(caseId), detail: { actionId, kind: action.kind, target, pending: true } }],
            result: { actionId, status: 'pending' } as ActResult,
          };
        }
        const c = doneChange(s, actionId, action, target, reviewer.id, undefined, bank);
        return { ...c, result: { actionId, status: 'done', effectKey: c.effects![0]!.dedupeKey, ...(bank ? { bank } : {}) } as ActResult };
      });
      return { ...r.result!, case: r.detail };
    },

    async confirmAction(caseId, reviewer, actionId, decision) {
      const pre = await service.get(caseId);
      if (!pre) throw notFound('case_not_found', `no case '${caseId}'`);
      const find = (s: CaseState) => {
        const a = s.actions.find((x) => x.actionId === actionId);
        if (!a) throw notFound('action_not_found', `case ${caseId} has no action '${actionId}'`);
        if (a.status !== 'pending') throw conflict('action_not_pending', `action ${actionId} is ${a.status}`);
        if (a.by === reviewer.id) throw forbidden('a second, different person must confirm this action');
        requireWorker(s, reviewer);
        return a;
      };
      const a0 = find(pre.state);
      const bank = decision.approve && a0.action.kind === 'add_to_bank' ? await bankContent(a0.action, a0.target) : undefined;
      const r = await change<ActResult>(caseId, reviewer, (s) => {
        const a = find(s);
        if (!decision.approve) {
          return {
            events: [{ kind: 'action_rejected', data: { actionId, ...(decision.reason !== undefined ? { reason: decision.reason } : {}) } }],
            audit: [{ action: 'action_rejected', subject: subject(caseId), detail: { actionId, kind: a.action.kind } }],
            result: { actionId, status: 'rejected' } as ActResult,
          };
        }
        const c = doneChange(s, actionId, a.action, a.target, a.by, reviewer.id, bank);
        return { ...c, result: { actionId, status: 'done', effectKey: c.effects![0]!.dedupeKey, ...(bank ? { bank } : {}) } as ActResult };
      });
      return { ...r.result!, case: r.detail };
    },

    async escalate(caseId, reviewer, reason) {
      if (reason.trim().length === 0) throw invalidInput('reason_required', 'escalating needs a reason');
      const r = await change(caseId, reviewer, (s, t) => {
        requireClaim(s, reviewer, t);
        return { events: [{ kind: 'escalated', data: { reason } }], audit: [{ action: 'case_escalated', subject: subject(caseId), detail: { reason: reason.slice(0, 500) } }] };
      });
      return r.detail;
    },

    async close(caseId, reviewer, opts) {
      const r = await change(caseId, reviewer, (s, t) => {
        requireClaim(s, reviewer, t);
        if (s.actions.some((a) => a.status === 'pending')) throw conflict('action_pending', `case ${caseId} has an action waiting for confirmation`);
        const outcome = opts.outcome ?? (s.actions.some((a) => a.status === 'done') ? 'actioned' : 'no_action');
        const data = { outcome, ...(opts.note !== undefined ? { note: opts.note } : {}) };
        return { events: [{ kind: 'closed', data }], audit: [{ action: 'case_closed', subject: subject(caseId), detail: { outcome } }] };
      });
      return r.detail;
    },

    async reopen(caseId, reviewer, reason) {
      if (!reviewer.roles.includes('supervisor')) throw forbidden('reopening a case needs the supervisor role');
      if (reason.trim().length === 0) throw invalidInput('reason_required', 'reopening needs a reason');
      const r = await change(caseId, reviewer, (s) => {
        if (s.status !== 'closed') throw conflict('case_not_closed', `case ${caseId} is not closed`);
        return { events: [{ kind: 'reopened', data: { reason } }], audit: [{ action: 'case_reopened', subject: subject(caseId), detail: { reason: reason.slice(0, 500) } }] };
      });
      return r.detail;
    },

    async recordReferral(caseId, reviewer, r) {
      if (!reviewer.roles.some((x) => x === 'child_safety_reviewer' || x === 'supervisor')) throw forbidden('a referral needs the child_safety_reviewer role');
      const res = await change(caseId, reviewer, (s) => {
        if (!canWork(reviewer.roles, s.requiredRole) && !reviewer.roles.includes('supervisor')) throw forbidden(`case ${caseId} needs the ${s.requiredRole} role`);
        if (r.step === 'drafted') {
          return { events: [{ kind: 'referral_drafted', data: { destination: r.destination } }], audit: [{ action: 'referral_drafted', subject: subject(caseId), detail: { destination: r.destination } }] };
        }
        const data = { destination: r.destination, referralId: r.referralId, reportId: r.reportId };
        return { events: [{ kind: 'referral_sent', data }], audit: [{ action: 'referral_sent', subject: subject(caseId), detail: { ...r.detail, ...data } }], hold: { reason: `referral sent (${r.destination} ${r.reportId})` } };
      });
      return res.detail;
    },

    async resolveAgeAppeal(caseId, reviewer, input) {
      const parsed = ageAppealResolutionSchema.safeParse(input);
      if (!parsed.success) {
        const noReason = parsed.error.issues.some((i) => i.path[0] === 'reason');
        throw invalidInput(noReason ? 'reason_required' : 'invalid_resolution', parsed.error.issues.map((i) => `${i.path.join('.') || 'resolution'}: ${i.message}`).join('; '));
      }
      const r = parsed.data;
      let accountId = '';
      const res = await change(caseId, reviewer, async (s, t, trx, scope) => {
        requireClaim(s, reviewer, t);
        if (!s.sources.includes('age_appeal')) throw conflict('not_age_appeal', `case ${caseId} is not an age appeal`);
        const accounts = s.subjects.filter((x) => x.type === 'account').map((x) => x.id);
        if (r.account !== undefined && !accounts.includes(r.account)) throw invalidInput('action_target_invalid', `account ${r.account} is not a subject of case ${caseId}`);
        if (r.account === undefined && accounts.length !== 1) throw invalidInput('action_target_missing', `case ${caseId} has ${accounts.length} accounts: name the one whose appeal this resolves (account)`);
        accountId = r.account ?? accounts[0]!;
        const signal = resolutionSignal(caseId, accountId, (s.ageResolutions?.length ?? 0) + 1, r, t);
        await appendAgeSignalIn(trx, scope, signal, t);
        const data = { accountId, outcome: r.outcome, ...(r.tier !== undefined ? { tier: r.tier } : {}), ...(r.age !== undefined ? { age: r.age } : {}), reason: r.reason, signalId: signal.id };
        return {
          events: [
            { kind: 'age_resolved', data },
            { kind: 'closed', data: { outcome: r.outcome === 'overturned' ? 'actioned' : 'no_action', note: `age appeal ${r.outcome}: ${r.reason}` } },
          ],
          audit: [{ action: 'age_appeal_resolved', subject: subject(caseId), detail: { ...data, reason: r.reason.slice(0, 500) } }],
        };
      });
      deps.onAgeChanged?.(accountId);
      return res.detail;
    },

    async exportLabels(reviewer, opts = {}) {
      if (!reviewer.roles.some((r) => r === 'supervisor' || r === 'auditor' || r === 'admin')) throw forbidden('exporting labels needs the supervisor, auditor or admin role');
      const rows = await labelRows(database, opts);
      await withWriteTransaction(database, (trx) =>
        appendAudit(trx, database.kind, { actor: reviewer.id, action: 'labels_exported', subject: { type: 'export', id: 'labels' }, detail: { count: rows.length, since: opts.since ?? null, until: opts.until ?? null, via: reviewer.via } }, now),
      );
      return rows;
    },
  };
  return service;
}
