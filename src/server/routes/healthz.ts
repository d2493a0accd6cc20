/** GET /healthz: the process is up (no dependencies checked; see /readyz). */
import { z } from 'zod';
import { defineRoute } from '../route.ts';

export const healthz = defineRoute({
  method: 'get',
  path: '/healthz',
  access: 'public',
  tag: 'ops',
  summary: 'Liveness: the process answers.',
  responses: { 200: { description: 'Alive.', schema: z.object({ status: z.literal('ok') }) } },
  handle: ({ c }) => c.json({ status: 'ok' as const }),
});
