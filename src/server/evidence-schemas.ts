/** Shared pieces of the evidence routes: the hold view, and the evidence service over the app's database. */
import { z } from 'zod';
import { purgeDecision, type HoldState } from '../core/evidence/preservation.ts';
import { notFound } from '../core/lifeguard-error.ts';
import { contentIdsOfCase, createEvidenceService, type EvidenceService } from '../evidence/evidence-service.ts';
import { createEvidenceHoldStore } from '../store/evidence-hold-store.ts';
import type { AppRuntime } from './app-deps.ts';
import { need } from './services.ts';

export const holdView = z.object({
  caseId: z.string(),
  heldSince: z.number().int(),
  until: z.number().int(),
  legalHold: z.boolean(),
  purgedAt: z.number().int().optional(),
  destruction: z.object({ requestedBy: z.string(), requestRef: z.string(), at: z.number().int(), confirmedBy: z.string().optional() }).optional(),
  decision: z.enum(['purge', 'keep_legal_hold', 'keep_until', 'already_purged']),
});

/** The hold as the API shows it, with what the purge would do with it now. */
export const holdOut = (s: HoldState, now: number) => ({ ...s, decision: purgeDecision(s, now) });

/** The evidence service for a request, after checking the case exists (404 `case_not_found`). */
export async function evidenceServiceFor(deps: AppRuntime, caseId: string): Promise<EvidenceService> {
  const cases = need(deps.services, 'cases');
  if (!(await cases.get(caseId))) throw notFound('case_not_found', `no case '${caseId}'`);
  return createEvidenceService({ holds: createEvidenceHoldStore(deps.database), contentIdsOf: contentIdsOfCase(cases), audit: need(deps.services, 'audit'), now: deps.now });
}
