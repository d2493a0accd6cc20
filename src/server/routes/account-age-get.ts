/** GET /v1/accounts/:id/age: the account's age decision (tier, basis, reasons, whether a check or review is due). */
import { z } from 'zod';
import { ageMethods } from '../../core/age/age-methods.ts';
import { ageTiers } from '../../core/age/age-tiers.ts';
import { unavailable } from '../../core/lifeguard-error.ts';
import { idParams } from '../api-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';
import { unknownId } from '../unknown-id.ts';

export const ageDecisionView = z
  .object({
    accountId: z.string(),
    tier: z.enum(ageTiers),
    basis: z.enum(ageMethods).nullable(),
    basisEntryId: z.string().nullable(),
    age: z.number().nullable(),
    reasons: z.array(z.string()),
    needsCheck: z.boolean(),
    checkMethods: z.array(z.enum(ageMethods)),
    needsReview: z.boolean(),
    appealPending: z.boolean(),
    decidedAt: z.number().nullable(),
  })
  .meta({ id: 'AgeDecision' });

export const accountAgeGet = defineRoute({
  method: 'get',
  path: '/v1/accounts/:id/age',
  access: 'events',
  tag: 'age',
  summary: 'The age decision of an account, with its reasons.',
  params: idParams,
  responses: { 200: { description: 'The decision.', schema: ageDecisionView } },
  async handle({ c, deps, params }) {
    const safety = need(deps.services, 'safety');
    if (!safety.ageDecision) throw unavailable('feature_unavailable', 'age decisions are not available in this build');
    const d = await safety.ageDecision(params.id);
    if (d === undefined) throw unknownId('account with age signals', params.id);
    return c.json({ accountId: params.id, ...d });
  },
});
