/**
 * Evidence preservation over the hold store: hold and extend, legal hold on and off, the expiry purge
 * (media only: hashes and the audit log stay; `dryRun` changes nothing), and destruction on a recorded
 * law-enforcement request confirmed by a second person. Every change is a hold event with its actor.
 */
import { checkDestructionConfirm, holdFor, purgeDecision, reduceHold, type HoldState, type PurgeDecision } from '../core/evidence/preservation.ts';
import { invalidInput, notFound } from '../core/lifeguard-error.ts';
import type { EvidenceHoldStore } from '../store/evidence-hold-store.ts';

export interface EvidenceService {
  list(): Promise<{ state: HoldState; decision: PurgeDecision }[]>;
  hold(caseId: string, actor: string, days?: number): Promise<HoldState>;
  legalHold(caseId: string, actor: string, on: boolean, reason: string): Promise<HoldState>;
  purge(opts: { actor: string; dryRun: boolean }): Promise<{ caseId: string; decision: PurgeDecision; contentIds: string[]; removed: number }[]>;
  requestDestruction(caseId: string, actor: string, requestRef: string): Promise<HoldState>;
  confirmDestruction(caseId: string, actor: string): Promise<{ removed: number }>;
}

export function createEvidenceService(deps: { holds: EvidenceHoldStore; contentIdsOf(caseId: string): Promise<string[]>; now?: () => number }): EvidenceService {
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
  return {
    async list() {
      const out = [];
      for (const id of await deps.holds.cases()) {
        const s = (await read(id)).state;
        if (s) out.push({ state: s, decision: purgeDecision(s, now()) });
      }
      return out;
    },
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
    async purge({ actor, dryRun }) {
      const out = [];
      for (const id of await deps.holds.cases()) {
        const r = await read(id);
        if (!r.state) continue;
        const decision = purgeDecision(r.state, now());
        const contentIds = decision === 'purge' ? await deps.contentIdsOf(id) : [];
        let removed = 0;
        if (decision === 'purge' && !dryRun) removed = (await deps.holds.removeMedia({ caseId: id, kind: 'purged', at: now(), actor, data: { contentIds, reason: 'hold expired' } }, r.next, contentIds)).removed;
        out.push({ caseId: id, decision, contentIds, removed });
      }
      return out;
    },
    async requestDestruction(caseId, actor, requestRef) {
      if (requestRef.trim() === '') throw invalidInput('request_ref_required', 'record the law-enforcement request reference');
      const r = await held(caseId);
      await deps.holds.append({ caseId, kind: 'destruction_requested', at: now(), actor, data: { requestRef } }, r.next);
      return (await read(caseId)).state!;
    },
    async confirmDestruction(caseId, actor) {
      const r = await held(caseId);
      checkDestructionConfirm(r.state, actor);
      const contentIds = await deps.contentIdsOf(caseId);
      return deps.holds.removeMedia({ caseId, kind: 'destruction_confirmed', at: now(), actor, data: { contentIds, requestRef: r.state.destruction!.requestRef } }, r.next, contentIds);
    },
  };
}
