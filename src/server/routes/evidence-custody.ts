/** GET /v1/content/:id/custody: the chain of custody of a kept item, verified against the audit hash chain. */
import { z } from 'zod';
import { readCustody } from '../../evidence/read-custody.ts';
import { chainBreaks } from '../../core/audit/verify-chain.ts';
import { defineRoute } from '../route.ts';
import { auditEntryView } from './audit-list.ts';
import { need } from '../services.ts';

/** An audit entry as in GET /v1/audit, without the previous hash, with whether its own hash still holds. */
const link = z.object({ ...auditEntryView.shape, intact: z.boolean() }).omit({ prevHash: true });

export const evidenceCustody = defineRoute({
  method: 'get',
  path: '/v1/content/:id/custody',
  access: 'audit',
  tag: 'audit',
  summary: 'Chain of custody of a kept item: intake, views, holds, exports, referral uploads, purge — verified against the audit hash chain.',
  description: 'Hashes and audit entries only, never media. The read is itself audited (`evidence_custody_read`).',
  params: z.object({ id: z.string().min(1).max(100).describe('Content id, e.g. `cnt_…`.') }),
  responses: {
    200: {
      description: '`verified` is true when the whole audit log verifies and every link matches its hash.',
      schema: z.object({
        contentId: z.string(),
        item: z.object({ sha256: z.string(), md5: z.string(), pdq: z.string().nullable(), mediaType: z.string(), byteLength: z.number().int(), keptAt: z.number().int(), mediaKept: z.boolean() }),
        cases: z.array(z.string()),
        links: z.array(link),
        verified: z.boolean(),
        chain: z.object({ ok: z.boolean(), checked: z.number().int(), broken: z.object({ seq: z.number().int(), reason: z.enum(chainBreaks), message: z.string() }).optional() }),
      }),
    },
    404: { description: 'Unknown content (`content_not_found`).' },
  },
  async handle({ c, deps, key, params }) {
    const report = await readCustody({ database: deps.database, audit: need(deps.services, 'audit'), content: deps.content, cases: need(deps.services, 'cases') }, params.id, { id: `api:${key?.id ?? 'unknown'}`, via: 'api' });
    return c.json(report);
  },
});
