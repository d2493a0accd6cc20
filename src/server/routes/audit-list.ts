/** GET /v1/audit: the hash-chained audit log, oldest first (`after` = previous cursor). Reading it is audited. */
import { z } from 'zod';
import { auditActions } from '../../core/audit/audit-entry.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const auditEntryView = z
  .object({
    seq: z.number().int(),
    at: z.number().int(),
    actor: z.string(),
    action: z.enum(auditActions),
    subject: z.object({ type: z.string(), id: z.string() }).nullable(),
    detail: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export const auditList = defineRoute({
  method: 'get',
  path: '/v1/audit',
  access: 'audit',
  tag: 'audit',
  summary: 'Audit entries (views, reveals, assessments, actions, exports, sign-ins, role changes).',
  query: z.object({
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    actor: z.string().min(1).max(300).optional(),
    action: z.enum(auditActions).optional(),
    subjectType: z.string().min(1).max(40).optional(),
    subjectId: z.string().min(1).max(300).optional(),
  }),
  responses: { 200: { description: 'A page of entries.', schema: z.object({ items: z.array(auditEntryView), cursor: z.number().int() }) } },
  async handle({ c, deps, key, query }) {
    const audit = need(deps.services, 'audit');
    const page = await audit.list({
      limit: query.limit,
      ...(query.after !== undefined ? { after: query.after } : {}),
      ...(query.actor !== undefined ? { actor: query.actor } : {}),
      ...(query.action !== undefined ? { action: query.action } : {}),
      ...(query.subjectType !== undefined && query.subjectId !== undefined ? { subject: { type: query.subjectType, id: query.subjectId } } : {}),
    });
    await audit.append({ actor: `api:${key!.id}`, action: 'audit_read', detail: { after: query.after ?? 0, count: page.entries.length } });
    return c.json({ items: page.entries, cursor: page.cursor });
  },
});
