/**
 * Evidence preservation over the hold store: hold and extend, legal hold on and off, the expiry purge
 * (media only: hashes and the audit log stay; `dryRun` changes nothing), and destruction on a recorded
 * law-enforcement request confirmed by a second, different supervisor. Every change is a hold event with its
 * actor and its entry in the hash-chained audit log.
 */
import { checkDestructionConfirm, checkDestructionRole, holdFor, purgeDecision, reduceHold, type HoldState, type PurgeDecision } from '../core/evidence/preservation.ts';
import { invalidInput, isLifeguardError, notFound } from '../core/lifeguard-error.ts';
import type { Role } from '../core/people/roles.ts';
import type { CaseService } from '../review/case-service.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { EvidenceHoldStore } from '../store/evidence-hold-store.ts';

/** A person taking part in a destruction: who, with which roles, and how they came (audited). */
export interface EvidenceActor {
  id: string;
  roles: readonly Role[];
  via?: string;
}

/** One case's outcome in a purge run (`failed`: left as it was; the next run tries again). */
export interface PurgeOutcome {
  caseId: string;
  decision: PurgeDecision | 'failed';
  contentIds: string[];
  removed: number;
  error?: string;
}

export interface EvidenceService {
  list(): Promise<{ state: HoldState; decision: PurgeDecision }[]>;
  /** The hold of one case; undefined when it was never held. */
  get(caseId: string): Promise<HoldState | undefined>;
  hold(caseId: string, actor: string, days?: number): Promise<HoldState>;
  legalHold(caseId: string, actor: string, on: boolean, reason: string): Promise<HoldState>;
  /** Purges expired holds; `onCase` hears each case's outcome as soon as it is committed. */
  purge(opts: { actor: string; dryRun: boolean; onCase?: (o: PurgeOutcome) => void }): Promise<PurgeOutcome[]>;
  requestDestruction(caseId: string, who: EvidenceActor, requestRef: string): Promise<HoldState>;
  confirmDestruction(caseId: string, who: EvidenceActor): Promise<{ removed: number }>;
}

export interface EvidenceServiceDeps {
  holds: EvidenceHoldStore;
  /** The content ids kept as evidence of a case. */
  contentIdsOf(caseId: string): Promise<string[]>;
  /** When given, a purge run that removed or failed anything is summarised in it (`evidence_purge_run`). */
  audit?: AuditLog;
  now?: () => number;
}

export function createEvidenceService(deps: EvidenceServiceDeps): EvidenceService {
  const now = deps.now ?? Date.now;
  const read = async (caseId: string) => {
    const events = await deps.holds.events(caseId);
    return { events, state: reduceHold(events), next: events.length + 1 };
  };
  const held = async (caseId: string) => {
    const r = await read(caseId);
    if (!r.state) throw notFound('no_hold', `case ${caseId} is not held`);
    return r as typeof r & { state: HoldState };
  };
  const via = (who: EvidenceActor) => (who.via !== undefined ? { via: who.via } : undefined);
  return {
    async list() {
      const out = [];
      for (const id of await deps.holds.cases()) {
        const s = (await read(id)).state;
        if (s) out.push({ state: s, decision: purgeDecision(s, now()) });
      }
      return out;
    },
    get: async (caseId) => (await read(caseId)).state,
    async hold(caseId, actor, days) {
      const r = await read(caseId);
      await deps.holds.append(holdFor(r.state, caseId, actor, now(), days), r.next);
      return (await read(caseId)).state!;
    },
    async legalHold(caseId, actor, on, reason) {
      if (reason.trim() === '') throw invalidInput('reason_required', 'a legal hold change needs a reason');
      const r = await held(caseId);
      await deps.holds.append({ caseId, kind: on ? 'legal_hold_set' : 'legal_hold_lifted', at: now(), actor, data: { reason } }, r.next);
      return (await read(caseId)).state!;
    },
    async purge({ actor, dryRun, onCase }) {
      const t = now();
      const decided = [];
      for (const id of await deps.holds.cases()) {
        const r = await read(id);
        if (r.state) decided.push({ id, r, decision: purgeDecision(r.state, t) });
      }
      // Media that is also evidence of a case still held (or on legal hold) is never purged with another case.
      const protectedIds = new Set<string>();
      for (const d of decided) if (d.decision === 'keep_until' || d.decision === 'keep_legal_hold') for (const c of await deps.contentIdsOf(d.id)) protectedIds.add(c);
      const out: PurgeOutcome[] = [];
      const push = (o: PurgeOutcome) => {
        out.push(o);
        onCase?.(o);
      };
      for (const { id, r, decision } of decided) {
        const contentIds = decision === 'purge' ? (await deps.contentIdsOf(id)).filter((c) => !protectedIds.has(c)) : [];
        if (decision !== 'purge' || dryRun) {
          push({ caseId: id, decision, contentIds, removed: 0 });
          continue;
        }
        try {
          const { removed } = await deps.holds.removeMedia({ caseId: id, kind: 'purged', at: t, actor, data: { contentIds, reason: 'hold expired' } }, r.next, contentIds);
          push({ caseId: id, decision, contentIds, removed });
        } catch (e) {
          // One case failing (a hold changed meanwhile, a lost connection) leaves that case as it was.
          push({ caseId: id, decision: 'failed', contentIds, removed: 0, error: isLifeguardError(e) ? e.code : 'error' });
        }
      }
      const purged = out.filter((o) => o.decision === 'purge');
      const failed = out.filter((o) => o.decision === 'failed');
      if (!dryRun && deps.audit && purged.length + failed.length > 0) {
        await deps.audit.append({
          actor,
          action: 'evidence_purge_run',
          at: t,
          detail: { purged: purged.map((o) => ({ caseId: o.caseId, contentIds: o.contentIds, removed: o.removed })), failed: failed.map((o) => ({ caseId: o.caseId, error: o.error })) },
        });
      }
      return out;
    },
    async requestDestruction(caseId, who, requestRef) {
      checkDestructionRole(who.roles);
      if (requestRef.trim() === '') throw invalidInput('request_ref_required', 'record the law-enforcement request reference');
      const r = await held(caseId);
      await deps.holds.append({ caseId, kind: 'destruction_requested', at: now(), actor: who.id, data: { requestRef } }, r.next, via(who));
      return (await read(caseId)).state!;
    },
    async confirmDestruction(caseId, who) {
      checkDestructionRole(who.roles);
      const r = await held(caseId);
      checkDestructionConfirm(r.state, who.id);
      const contentIds = await deps.contentIdsOf(caseId);
      const d = r.state.destruction!;
      return deps.holds.removeMedia({ caseId, kind: 'destruction_confirmed', at: now(), actor: who.id, data: { contentIds, requestRef: d.requestRef, reason: `law-enforcement request ${d.requestRef}, asked by ${d.requestedBy}` } }, r.next, contentIds, via(who));
    },
  };
}

/** The content ids kept as evidence of a case, read from the case service. */
export const contentIdsOfCase =
  (cases: Pick<CaseService, 'get'>) =>
  async (caseId: string): Promise<string[]> =>
    ((await cases.get(caseId))?.state.evidence ?? []).filter((e) => e.kind === 'content').map((e) => e.id);
