/**
 * The policy's `review` section: priorities (in order, each with a target time and the rules that select it),
 * queues (routing rules over cases), claim expiry and second-person confirmation. Data, not code: a platform
 * changes its priorities and queues in its policy file.
 */
import { z } from 'zod';
import { effectKinds, severities } from '../effects.ts';
import { roles } from '../people/roles.ts';
import { caseActionKinds } from './case-actions.ts';
import { caseSources } from './case-sources.ts';

const evidenceKinds = ['event', 'message', 'signal', 'bank_match', 'frame', 'report', 'age_signal', 'content'] as const;

/** One rule selecting a priority: every field given must match (an empty rule matches everything). */
export const priorityRuleSchema = z.strictObject({
  sources: z.array(z.enum(caseSources)).min(1).optional(),
  effectKinds: z.array(z.enum(effectKinds)).min(1).optional(),
  /** The trigger's severity is at least this. */
  minSeverity: z.enum(severities).optional(),
  /** A user report with one of these reasons. */
  reportReasons: z.array(z.string().min(1)).min(1).optional(),
  /** The trigger carries evidence of one of these kinds (e.g. `bank_match`). */
  evidenceKinds: z.array(z.enum(evidenceKinds)).min(1).optional(),
});
export type PriorityRule = z.infer<typeof priorityRuleSchema>;

export const prioritySchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().min(1).max(100),
  /** How soon a person should have decided (minutes from opening). */
  targetMinutes: z.number().positive(),
  /** A case gets the first priority (in list order) any of whose rules matches one of its triggers. */
  when: z.array(priorityRuleSchema).min(1),
});
export type Priority = z.infer<typeof prioritySchema>;

/** A queue: the cases matching every given field, worked by people holding `role`. */
export const queueSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/),
  label: z.string().min(1).max(100),
  sources: z.array(z.enum(caseSources)).min(1).optional(),
  priorities: z.array(z.string()).min(1).optional(),
  languages: z.array(z.string().min(2).max(10)).min(1).optional(),
  /** Only cases needing this role (see `childSafetySources`; escalated cases need `supervisor`). */
  requiredRoles: z.array(z.enum(roles)).min(1).optional(),
});
export type QueueRule = z.infer<typeof queueSchema>;

const imminentReasons = ['imminent_danger', 'threat', 'self_harm', 'child_in_danger'];

export const reviewPolicySchema = z
  .strictObject({
    priorities: z
      .array(prioritySchema)
      .min(1)
      .default([
        {
          id: 'child_in_danger',
          label: 'A child in danger now',
          targetMinutes: 15,
          when: [{ reportReasons: imminentReasons }, { minSeverity: 'critical' }],
        },
        { id: 'known_content', label: 'Known-content match', targetMinutes: 60, when: [{ sources: ['known_content'] }, { evidenceKinds: ['bank_match'] }] },
        { id: 'high_risk', label: 'High grooming or live-stream risk', targetMinutes: 240, when: [{ minSeverity: 'high' }] },
        { id: 'age_appeal', label: 'Age appeal', targetMinutes: 1440, when: [{ sources: ['age_appeal'] }] },
        { id: 'other', label: 'Other reports', targetMinutes: 4320, when: [{ minSeverity: 'low' }] },
        // Severity `info`: e.g. a detector reading that later messages withdrew (Effect.reading), kept for the record.
        { id: 'informational', label: 'Informational (a detector reading withdrawn)', targetMinutes: 10080, when: [{}] },
      ]),
    queues: z
      .array(queueSchema)
      .min(1)
      .default([
        { id: 'urgent', label: 'Child in danger now', priorities: ['child_in_danger'] },
        { id: 'child-safety', label: 'Child-safety media', requiredRoles: ['child_safety_reviewer'] },
        { id: 'escalated', label: 'Escalated to a supervisor', requiredRoles: ['supervisor'] },
        { id: 'general', label: 'Reports and appeals', requiredRoles: ['reviewer'] },
      ]),
    /** Cases from these sources may hold sexual-abuse media: only child-safety reviewers work them. */
    childSafetySources: z.array(z.enum(caseSources)).default(['known_content', 'live_stream', 'reported_upload']),
    /** A claim not renewed (by any action on the case) for this long is free again. */
    claimMinutes: z.number().positive().max(24 * 60).default(30),
    /** Actions that take effect only once a second, different person confirms them. */
    confirmActions: z.array(z.enum(caseActionKinds)).default([]),
  })
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.priorities.forEach((x, i) => {
      if (ids.has(x.id)) ctx.addIssue({ code: 'custom', path: ['priorities', i, 'id'], message: `duplicate priority '${x.id}'` });
      ids.add(x.id);
    });
    if (!p.priorities[p.priorities.length - 1]!.when.some((r) => Object.keys(r).length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['priorities'], message: 'the last priority needs a catch-all rule ({}) so every case gets one' });
    }
    p.queues.forEach((q, i) => {
      for (const pr of q.priorities ?? []) if (!ids.has(pr)) ctx.addIssue({ code: 'custom', path: ['queues', i, 'priorities'], message: `unknown priority '${pr}'` });
    });
  });
export type ReviewPolicy = z.infer<typeof reviewPolicySchema>;
