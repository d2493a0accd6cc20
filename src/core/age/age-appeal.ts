/**
 * How a reviewer resolves an age appeal: uphold the decision, or overturn it with a new tier (or a point age).
 * Either way a reason is required. The resolution becomes a `reviewer` age signal in the account's history,
 * so the age decision (and everything derived from it: settings, checks) follows from the log.
 */
import { z } from 'zod';
import type { PlatformEventOf } from '../events.ts';
import { tierForAge, type AgeTier } from './age-tiers.ts';

/** What happens to the age decision: `upheld` (the appeal fails) or `overturned` (the appeal succeeds). */
export const appealOutcomes = ['upheld', 'overturned'] as const;
export type AppealOutcome = (typeof appealOutcomes)[number];

/** Tiers a reviewer can decide (`unknown` is what the account has when nothing is decided). */
export const decidableTiers = ['under13', '13-15', '16-17', 'adult'] as const satisfies readonly Exclude<AgeTier, 'unknown'>[];

/** A reviewer's resolution as asked for over the API or the console. */
export const ageAppealResolutionSchema = z
  .strictObject({
    outcome: z.enum(appealOutcomes).describe('What happens to the age decision: `upheld` keeps it (the appeal fails), `overturned` replaces it (the appeal succeeds).'),
    /** overturned: the tier the reviewer decides (or give `age`). */
    tier: z.enum(decidableTiers).optional(),
    /** overturned: a point age, when the reviewer saw one (e.g. on a document); its tier must match `tier` if both are given. */
    age: z.number().int().min(0).max(130).optional(),
    /** Why: recorded on the case, in the age history and in the audit log. */
    reason: z.string().trim().min(1, 'a reason is required').max(2_000),
    /** The account the appeal is about; default: the case's only account. */
    account: z.string().min(1).max(200).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.outcome === 'overturned' && r.tier === undefined && r.age === undefined) {
      ctx.addIssue({ code: 'custom', path: ['tier'], message: 'overturning needs the new tier (or age)' });
    }
    if (r.outcome === 'upheld' && (r.tier !== undefined || r.age !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['tier'], message: 'upholding keeps the decision: give no tier or age' });
    }
    if (r.tier !== undefined && r.age !== undefined && tierForAge(r.age) !== r.tier) {
      ctx.addIssue({ code: 'custom', path: ['age'], message: `age ${r.age} is not in tier ${r.tier}` });
    }
  })
  .meta({ id: 'AgeAppealResolution' });
export type AgeAppealResolution = z.infer<typeof ageAppealResolutionSchema>;

/** The event id of the `n`th resolution (1, 2, … : a reopened case can be resolved again) of a case. */
export const resolutionSignalId = (caseId: string, accountId: string, n: number): string => `age-review:${caseId}:${accountId}:${n}`;

/** The `reviewer` age signal that records the `n`th resolution of case `caseId` in the account's age history. */
export function resolutionSignal(caseId: string, accountId: string, n: number, r: AgeAppealResolution, at: number): PlatformEventOf<'age.signal'> {
  return {
    id: resolutionSignalId(caseId, accountId, n),
    ts: at,
    type: 'age.signal',
    account: { id: accountId },
    method: 'reviewer',
    ...(r.age !== undefined ? { age: r.age } : {}),
    ...(r.tier !== undefined ? { tier: r.tier } : {}),
    appealResolution: { caseId, outcome: r.outcome, reason: r.reason },
  };
}
