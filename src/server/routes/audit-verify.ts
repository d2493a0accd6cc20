/** GET /v1/audit/verify: re-walks the audit chain and reports the first broken link (as `lifeguard audit verify`). */
import { z } from 'zod';
import { chainBreaks } from '../../core/audit/verify-chain.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const auditVerify = defineRoute({
  method: 'get',
  path: '/v1/audit/verify',
  access: 'audit',
  tag: 'audit',
  summary: 'Verify the audit log hash chain.',
  responses: {
    200: {
      description: '`ok` false names the first broken link (an edited, deleted or reordered entry).',
      schema: z.object({ ok: z.boolean(), checked: z.number().int(), broken: z.object({ seq: z.number().int(), reason: z.enum(chainBreaks), message: z.string() }).optional() }),
    },
  },
  async handle({ c, deps }) {
    return c.json(await need(deps.services, 'audit').verify());
  },
});
