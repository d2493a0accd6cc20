/** GET /v1/jobs/:id: progress and result of a long job (hash-list imports). */
import { z } from 'zod';
import { getJob } from '../../store/job-store.ts';
import { idParams } from '../api-schemas.ts';
import { defineRoute } from '../route.ts';
import { unknownId } from '../unknown-id.ts';

export const jobView = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    progress: z.object({ done: z.number(), total: z.number().nullable() }).describe('Bytes read of the uploaded list, for imports.'),
    result: z.unknown(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    finishedAt: z.number().int().nullable(),
  })
  .meta({ id: 'Job' });

export const jobsGet = defineRoute({
  method: 'get',
  path: '/v1/jobs/:id',
  access: 'banks',
  tag: 'banks',
  summary: 'A job: status, progress, result or error.',
  params: idParams,
  responses: { 200: { description: 'The job.', schema: jobView } },
  async handle({ c, deps, params }) {
    const job = await getJob(deps.database, params.id);
    if (job === null) throw unknownId('job', params.id);
    const { scope: _scope, input: _input, ...view } = job;
    return c.json(view);
  },
});
