/** An effect as the API returns it (from the pipeline's effect store), with its webhook delivery state. */
import { z } from 'zod';
import { effectKinds, effectTargetTypes, severities } from '../core/effects.ts';

export const effectView = z
  .object({
    seq: z.number().int().describe('Commit order; poll with `after` = the last seq seen.'),
    eventId: z.string(),
    eventSeq: z.number().int(),
    createdAt: z.number().int(),
    effect: z.object({
      kind: z.enum(effectKinds),
      target: z.object({ type: z.enum(effectTargetTypes), id: z.string() }),
      severity: z.enum(severities),
      reasons: z.array(z.string()),
      evidence: z.array(z.object({ kind: z.string(), id: z.string(), summary: z.string() })),
      support: z
        .object({
          message: z.string(),
          resources: z.array(z.object({ name: z.string(), contact: z.string(), url: z.string().optional() })),
          helpUrl: z.string().optional().describe('Path of the public help page on this service, e.g. `/help/GB?age=child`.'),
        })
        .optional(),
      reading: z.string().optional().describe('The detector reading a review effect reports (e.g. `grooming:<conversation>`): a later effect of the same reading replaces its say in the case priority.'),
      dedupeKey: z.string(),
      decision: z
        .object({ caseId: z.string(), actionId: z.string(), reviewer: z.string(), confirmedBy: z.string().optional(), params: z.record(z.string(), z.unknown()) })
        .optional()
        .describe("A reviewer's decision on a case: who decided, and the action's parameters (bank, duration, features, reason)."),
    }),
    delivery: z
      .object({ id: z.string(), status: z.enum(['pending', 'delivered', 'dead']), attempts: z.number().int(), deliveredAt: z.number().int().nullable(), lastError: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'StoredEffect' });
