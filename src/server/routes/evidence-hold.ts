/** POST /v1/cases/:id/evidence/hold: holds (or extends the hold of) the case's media, and sets or lifts a legal hold. */
import { z } from 'zod';
import { defaultRetentionDays } from '../../core/evidence/preservation.ts';
import { forbidden } from '../../core/lifeguard-error.ts';
import { caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { evidenceServiceFor, holdOut, holdView } from '../evidence-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';

export const evidenceHold = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/evidence/hold',
  access: 'cases:write',
  tag: 'cases',
  summary: "Hold or extend the preservation of the case's media; `legalHold` true/false sets or lifts the legal hold (with a reason).",
  description: `${reviewerHeadersNote} Needs the child_safety_reviewer or supervisor role. Holds last at least ${defaultRetentionDays} days; a legal hold blocks expiry until lifted. Audited.`,
  params: caseParams,
  body: z.object({ days: z.number().int().min(defaultRetentionDays).max(36_500).optional(), legalHold: z.boolean().optional(), reason: z.string().min(1).max(500).optional() }),
  responses: {
    200: { description: 'The hold after the change.', schema: holdView },
    400: { description: '`hold_too_short`, or a legal hold change without a reason (`reason_required`).' },
    403: { description: 'The reviewer lacks the role.' },
    404: { description: 'Unknown case, or a legal hold on a case never held (`no_hold`).' },
    409: { description: 'The media was already removed (`evidence_purged`) or the hold changed meanwhile (`hold_busy`).' },
  },
  async handle({ c, deps, key, params, body }) {
    const reviewer = await reviewerOf(c, deps, key);
    if (!reviewer.roles.some((r) => r === 'child_safety_reviewer' || r === 'supervisor')) throw forbidden('holding evidence needs the child_safety_reviewer or supervisor role');
    const svc = await evidenceServiceFor(deps, params.id);
    let s = body.days !== undefined || body.legalHold === undefined ? await svc.hold(params.id, reviewer.id, body.days) : undefined;
    if (body.legalHold !== undefined) s = await svc.legalHold(params.id, reviewer.id, body.legalHold, body.reason ?? '');
    return c.json(holdOut(s!, deps.now()));
  },
});
