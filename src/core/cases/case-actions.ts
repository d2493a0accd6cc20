/**
 * What a reviewer can decide, one registry. Each action becomes an effect delivered by webhook (the platform
 * carries it out) and an `actioned` case event; `add_to_bank` also adds the content's hashes to a bank so the
 * next upload or frame of it is blocked. Some actions close the case; some may need a second person
 * (policy `review.confirmActions`).
 */
import { z } from 'zod';
import type { EffectKind, EffectTargetType } from '../effects.ts';

export const caseActionKinds = [
  'remove_content',
  'end_stream',
  'suspend_account',
  'ban_account',
  'restrict_features',
  'add_to_bank',
  'dismiss',
  'escalate',
  'mark_for_referral',
] as const;
export type CaseActionKind = (typeof caseActionKinds)[number];

/** Why a case was dismissed: kept (as a code) for detector evaluation. */
export const dismissReasons = ['not_violating', 'detector_error', 'insufficient_evidence', 'duplicate', 'other'] as const;
export type DismissReason = (typeof dismissReasons)[number];

/** Features a `restrict_features` action can turn off. */
export const restrictableFeatures = ['live', 'dm', 'comments', 'gifts', 'uploads', 'discoverable'] as const;

export interface CaseActionSpec {
  /** The effect the platform receives. */
  effect: EffectKind;
  /** What the action needs a target of. */
  target: EffectTargetType | 'case';
  /** Closes the case (with this outcome) once done. */
  closes?: 'actioned' | 'dismissed';
  /** A true-positive decision for the label export (dismiss is the false positive; escalate/referral say nothing). */
  label?: 'true_positive' | 'false_positive';
}

export const caseActionSpecs: Record<CaseActionKind, CaseActionSpec> = {
  remove_content: { effect: 'block_content', target: 'content', label: 'true_positive' },
  end_stream: { effect: 'end_stream', target: 'stream', label: 'true_positive' },
  suspend_account: { effect: 'suspend_account', target: 'account', label: 'true_positive' },
  ban_account: { effect: 'ban_account', target: 'account', label: 'true_positive' },
  restrict_features: { effect: 'restrict_features', target: 'account', label: 'true_positive' },
  add_to_bank: { effect: 'add_to_bank', target: 'content', label: 'true_positive' },
  dismiss: { effect: 'dismiss_case', target: 'case', closes: 'dismissed', label: 'false_positive' },
  escalate: { effect: 'escalate', target: 'case' },
  mark_for_referral: { effect: 'mark_for_referral', target: 'case', label: 'true_positive' },
};

/** An action as a reviewer (or a platform on their behalf) asks for it. */
export const caseActionSchema = z
  .strictObject({
    kind: z.enum(caseActionKinds),
    /** The subject acted on (e.g. the account to ban); default: the case's first subject of the right type. */
    target: z.object({ type: z.string().min(1).max(40), id: z.string().min(1).max(300) }).optional(),
    /** add_to_bank: the bank the content's hashes go to. */
    bank: z.string().min(1).max(200).optional(),
    /** add_to_bank: category stored with the entries (e.g. the UK category). */
    category: z.string().min(1).max(40).optional(),
    /** suspend_account / restrict_features: for how long (hours); absent = until lifted. */
    durationHours: z.number().int().positive().max(24 * 365 * 10).optional(),
    /** restrict_features: which features. */
    features: z.array(z.enum(restrictableFeatures)).min(1).max(restrictableFeatures.length).optional(),
    /** dismiss: why (kept for detector evaluation). */
    reason: z.enum(dismissReasons).optional(),
    note: z.string().max(2_000).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'add_to_bank' && a.bank === undefined) ctx.addIssue({ code: 'custom', path: ['bank'], message: 'add_to_bank needs the bank to add to' });
    if (a.kind === 'dismiss' && a.reason === undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: `dismiss needs a reason (${dismissReasons.join(', ')})` });
    if (a.kind === 'restrict_features' && a.features === undefined) ctx.addIssue({ code: 'custom', path: ['features'], message: 'restrict_features needs the features to restrict' });
  })
  .meta({ id: 'CaseAction' });
export type CaseAction = z.infer<typeof caseActionSchema>;
