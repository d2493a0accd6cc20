/** GET /v1/review/queues: the policy's queues (routing rules) with their waiting and overdue counts. */
import { z } from 'zod';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const reviewQueues = defineRoute({
  method: 'get',
  path: '/v1/review/queues',
  access: 'cases:read',
  tag: 'cases',
  summary: 'Queues with the number of waiting and overdue cases and the oldest wait.',
  responses: {
    200: {
      description: 'Every queue of the policy, in policy order.',
      schema: z.object({ items: z.array(z.object({ id: z.string(), label: z.string(), waiting: z.number().int(), overdue: z.number().int(), oldestWaitMs: z.number().nullable() })) }),
    },
  },
  async handle({ c, deps }) {
    return c.json({ items: await need(deps.services, 'cases').queues() });
  },
});
