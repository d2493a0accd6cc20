/** Schemas of the case routes: the reviewer a call acts for, queue rows, case detail, actions and labels. */
import { z } from 'zod';
import { caseEventKinds, caseOutcomes } from '../core/cases/case-event.ts';
import { caseSources, caseSubjectTypes } from '../core/cases/case-sources.ts';
import { caseStatuses } from '../core/cases/reduce-case.ts';
import { roles } from '../core/people/roles.ts';

export const caseParams = z.object({ id: z.string().min(1).max(100).describe('Case id, e.g. `case_12`.') });

const subjectView = z.object({ type: z.enum(caseSubjectTypes), id: z.string() });

export const caseSummaryView = z
  .object({
    id: z.string(),
    status: z.enum(caseStatuses),
    source: z.enum(caseSources),
    priority: z.string(),
    priorityLabel: z.string(),
    requiredRole: z.enum(roles),
    language: z.string().nullable(),
    openedAt: z.number().int(),
    updatedAt: z.number().int(),
    waitedMs: z.number().int().describe('How long the case has waited (to now, or to its closing).'),
    targetMs: z.number().describe("The priority's target time."),
    dueAt: z.number(),
    overdue: z.boolean(),
    assignee: z.string().nullable(),
    claimUntil: z.number().int().nullable(),
    queues: z.array(z.string()),
    subjects: z.array(subjectView),
    reasons: z.array(z.string()),
    evidenceCount: z.number().int(),
  })
  .meta({ id: 'CaseSummary' });

export const caseEventView = z
  .object({ seq: z.number().int(), caseId: z.string(), kind: z.enum(caseEventKinds), at: z.number().int(), actor: z.string(), data: z.record(z.string(), z.unknown()) })
  .meta({ id: 'CaseEvent' });

export const caseDetailView = z
  .object({
    summary: caseSummaryView,
    state: z
      .object({
        status: z.enum(caseStatuses),
        evidence: z.array(z.object({ kind: z.string(), id: z.string(), summary: z.string(), key: z.string() })),
        assessments: z.array(z.object({ by: z.string(), at: z.number().int(), assessment: z.record(z.string(), z.unknown()) })),
        actions: z.array(z.record(z.string(), z.unknown())),
        outcome: z.enum(caseOutcomes).optional(),
        label: z.enum(['true_positive', 'false_positive']).optional(),
      })
      .passthrough()
      .describe('The state derived from the events by the reducer (src/core/cases/reduce-case.ts).'),
    events: z.array(caseEventView).describe('The append-only timeline.'),
  })
  .meta({ id: 'CaseDetail' });

export const actResultView = z.object({
  actionId: z.string(),
  status: z.enum(['done', 'pending', 'rejected']).describe('`pending`: waits for a second person (policy review.confirmActions).'),
  effectKey: z.string().optional().describe('dedupeKey of the effect sent through the webhook outbox.'),
  bank: z.object({ name: z.string(), added: z.number().int(), merged: z.number().int() }).optional(),
  case: caseDetailView,
});

export const labelRowView = z
  .object({
    caseId: z.string(),
    source: z.enum(caseSources),
    label: z.enum(['true_positive', 'false_positive']),
    reason: z.string().nullable(),
    decidedAt: z.number().int(),
    subjects: z.array(subjectView),
    evidence: z.array(z.object({ kind: z.string(), id: z.string() })),
    ukCategory: z.string().nullable(),
  })
  .meta({ id: 'CaseLabel' });

/** Documents the headers naming the reviewer a call acts for. */
export const reviewerHeadersNote =
  'Acts for the reviewer named in `X-Lifeguard-Reviewer` (a person\'s id or e-mail in the people store). The person\'s stored roles apply; `X-Lifeguard-Reviewer-Roles` (comma-separated) can only narrow them. A disabled person gets 403 `reviewer_disabled`, an unknown id 403 `unknown_reviewer` (with `LIFEGUARD_API_REVIEWERS=vouched`: an unknown id acts on the key\'s word with the header\'s roles, default `reviewer`). Every call is audited under that reviewer.';
