/**
 * POST /v1/reports: a user report (account, stream, message, comment, content or conversation), recorded as
 * a `report.filed` event: durable before the 202, idempotent by id, and turned into a review request by the
 * workers. To keep reported media, upload it with `POST /v1/content?reported=true`.
 */
import { z } from 'zod';
import { reportEventSchema } from '../../core/events.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

const reportBody = reportEventSchema.omit({ type: true });

export const reportsPost = defineRoute({
  method: 'post',
  path: '/v1/reports',
  access: 'reports',
  tag: 'events',
  summary: 'File a user report (becomes a report.filed event and a review request).',
  body: reportBody,
  responses: {
    202: {
      description: 'Recorded (or already recorded: `duplicate` true).',
      schema: z.object({ id: z.string(), seq: z.number().int(), duplicate: z.boolean() }),
    },
    409: { description: 'This report id was already used for a different report (`event_id_conflict`).' },
  },
  async handle({ c, deps, body }) {
    const r = await need(deps.services, 'events').append([{ ...body, type: 'report.filed' }]);
    const conflict = r.conflicts[0];
    if (conflict) return c.json({ error: { code: conflict.code, message: `report id '${conflict.id}' was already used for a different report` } }, 409);
    const hit = r.accepted[0] ?? r.duplicates[0]!;
    return c.json({ id: hit.id, seq: hit.seq, duplicate: r.accepted.length === 0 }, 202);
  },
});
