/** A case's priority from what triggered it, by the policy's ordered rules. Pure. */
import { severities, type EffectKind, type Severity } from '../effects.ts';
import type { CaseSource } from './case-sources.ts';
import type { Priority, PriorityRule, ReviewPolicy } from './review-policy.ts';

/** What opened a case or added evidence to it, as the priority rules see it. */
export interface CaseTrigger {
  source: CaseSource;
  severity: Severity;
  effectKind?: EffectKind;
  /** A user report's reason. */
  reportReason?: string;
  evidenceKinds: readonly string[];
}

const rank = (s: Severity) => severities.indexOf(s);

function matches(rule: PriorityRule, t: CaseTrigger): boolean {
  if (rule.sources && !rule.sources.includes(t.source)) return false;
  if (rule.effectKinds && (t.effectKind === undefined || !rule.effectKinds.includes(t.effectKind))) return false;
  if (rule.minSeverity && rank(t.severity) < rank(rule.minSeverity)) return false;
  if (rule.reportReasons && (t.reportReason === undefined || !rule.reportReasons.includes(t.reportReason))) return false;
  if (rule.evidenceKinds && !t.evidenceKinds.some((k) => rule.evidenceKinds!.includes(k as never))) return false;
  return true;
}

/** The first priority (policy order) with a rule matching the trigger. */
export function priorityOf(t: CaseTrigger, policy: ReviewPolicy): Priority {
  return policy.priorities.find((p) => p.when.some((r) => matches(r, t))) ?? policy.priorities[policy.priorities.length - 1]!;
}

/** The position of a priority id in the policy (0 = most urgent); unknown ids sort last. */
export function priorityRank(id: string, policy: ReviewPolicy): number {
  const i = policy.priorities.findIndex((p) => p.id === id);
  return i < 0 ? policy.priorities.length : i;
}

/** The more urgent of two priority ids. */
export const morePressing = (a: string, b: string, policy: ReviewPolicy): string => (priorityRank(b, policy) < priorityRank(a, policy) ? b : a);

/** Target minutes of a priority id (the least urgent one's when unknown). */
export function targetMinutesOf(id: string, policy: ReviewPolicy): number {
  return (policy.priorities.find((p) => p.id === id) ?? policy.priorities[policy.priorities.length - 1]!).targetMinutes;
}
