/**
 * POST /v1/age/signals: age signals about accounts (self-declaration, estimation, verification), from the
 * platform or a provider. Its own scope, `age`, lets an age-verification provider deliver results with a key
 * that can do nothing else (no other events, no reads). Stored as `age.signal` events (durable, idempotent by id) and folded into each
 * account's age decision by the workers.
 */
import { z } from 'zod';
import { ageSignalEventSchema } from '../../core/events.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

const ref = z.object({ id: z.string(), seq: z.number().int() });

export const ageSignalsPost = defineRoute({
  method: 'post',
  path: '/v1/age/signals',
  access: 'age',
  tag: 'age',
  summary: 'Record age signals (each with a client id; replays are idempotent).',
  body: z.object({ signals: z.array(ageSignalEventSchema.omit({ type: true })).min(1).max(1000) }),
  responses: {
    202: {
      description: 'Committed.',
      schema: z.object({ accepted: z.array(ref), duplicates: z.array(ref), conflicts: z.array(ref.extend({ code: z.literal('event_id_conflict') })) }),
    },
  },
  async handle({ c, deps, body }) {
    const r = await need(deps.services, 'events').append(body.signals.map((s) => ({ ...s, type: 'age.signal' as const })));
    for (const s of body.signals) deps.services.safety?.forgetAge?.(s.account.id);
    return c.json(r, 202);
  },
});
