/** POST /v1/cases: open a case by hand (or add evidence to the open case on the same subject). */
import { z } from 'zod';
import { caseSubjectTypes } from '../../core/cases/case-sources.ts';
import { severities } from '../../core/effects.ts';
import { reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

const evidenceKinds = ['event', 'message', 'signal', 'bank_match', 'frame', 'report', 'age_signal', 'content'] as const;

export const casesOpen = defineRoute({
  method: 'post',
  path: '/v1/cases',
  access: 'cases:write',
  tag: 'cases',
  summary: 'Open a case (source `manual`), or join the open case that holds one of its subjects.',
  description: reviewerHeadersNote,
  body: z.object({
    subjects: z.array(z.object({ type: z.enum(caseSubjectTypes), id: z.string().min(1).max(300) })).min(1).max(50),
    reasons: z.array(z.string().min(1).max(500)).min(1).max(20),
    evidence: z.array(z.object({ kind: z.enum(evidenceKinds), id: z.string().min(1).max(300), summary: z.string().max(500) })).max(200).default([]),
    severity: z.enum(severities).default('medium'),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/).optional().describe('BCP 47 language of the material, for queue routing.'),
  }),
  responses: {
    201: { description: 'A new case.', schema: z.object({ caseId: z.string(), opened: z.boolean(), changed: z.boolean() }) },
    200: { description: 'Joined an open case (`opened` false).', schema: z.object({ caseId: z.string(), opened: z.boolean(), changed: z.boolean() }) },
  },
  async handle({ c, deps, key, body }) {
    const reviewer = await reviewerOf(c, deps, key);
    const r = await need(deps.services, 'cases').intake({
      source: 'manual',
      severity: body.severity,
      subjects: body.subjects,
      evidence: body.evidence,
      reasons: body.reasons,
      actor: reviewer.id,
      ...(body.language !== undefined ? { language: body.language } : {}),
    });
    return c.json(r, r.opened ? 201 : 200);
  },
});
