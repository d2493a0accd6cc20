/** An account's age record: the append-only history, the current decision, and the effects a change asks for. */
import type { Effect, EvidenceRef } from '../effects.ts';
import type { AgeEntry } from './age-entry.ts';
import type { AgePolicy } from './age-policy.ts';
import { decideAge, type AgeDecision } from './decide-age.ts';

/** A change of decision, kept so every decision can be explained later. */
export interface AgeDecisionChange {
  at: number | null;
  entryId: string;
  tier: AgeDecision['tier'];
  needsCheck: boolean;
  needsReview: boolean;
  reasons: string[];
}

export interface AgeRecord {
  accountId: string;
  entries: readonly AgeEntry[];
  decision: AgeDecision;
  /** Decision changes, newest last (bounded to the last `MAX_HISTORY`). */
  history: readonly AgeDecisionChange[];
}

const MAX_HISTORY = 100;

/** A record with no history yet. */
export function newAgeRecord(accountId: string, policy: AgePolicy): AgeRecord {
  return { accountId, entries: [], decision: decideAge([], policy), history: [] };
}

function isRepeat(record: AgeRecord, entry: AgeEntry): boolean {
  for (let i = record.entries.length - 1; i >= 0; i--) {
    const e = record.entries[i]!;
    if (e.id === entry.id) return true;
    if (e.kind === 'signal' && e.method === 'reviewer') break;
    // The same age stated again in chat adds nothing and would grow the history without bound.
    if (entry.kind === 'signal' && entry.method === 'chat_disclosure' && e.kind === 'signal' && e.method === 'chat_disclosure' && e.age === entry.age) {
      return true;
    }
  }
  return false;
}

/** Appends an entry and recomputes the decision; a repeated entry returns the record unchanged. */
export function appendAgeEntry(record: AgeRecord, entry: AgeEntry, policy: AgePolicy): AgeRecord {
  if (isRepeat(record, entry)) return record;
  const entries = [...record.entries, entry];
  const decision = decideAge(entries, policy);
  const prev = record.decision;
  const changed =
    decision.tier !== prev.tier ||
    decision.needsCheck !== prev.needsCheck ||
    decision.needsReview !== prev.needsReview ||
    decision.appealPending !== prev.appealPending;
  const history = changed
    ? [...record.history, { at: decision.decidedAt, entryId: entry.id, tier: decision.tier, needsCheck: decision.needsCheck, needsReview: decision.needsReview, reasons: decision.reasons }].slice(-MAX_HISTORY)
    : record.history;
  return { accountId: record.accountId, entries, decision, history };
}

function evidenceOf(entry: AgeEntry): EvidenceRef {
  const summary =
    entry.kind === 'appeal'
      ? `appeal${entry.claimedAge !== undefined ? ` (says age ${entry.claimedAge})` : ''}`
      : `${entry.method}${entry.age !== undefined ? ` age ${entry.age}` : ''}${entry.atLeast !== undefined ? ` at least ${entry.atLeast}` : ''}${entry.below !== undefined ? ` under ${entry.below}` : ''}`;
  return { kind: 'age_signal', id: entry.id, summary };
}

/** Effects asked for when `entry` moved the decision from `prev` to `next`: an age check and/or a review. */
export function ageEffects(accountId: string, prev: AgeDecision, next: AgeDecision, entry: AgeEntry): Effect[] {
  const effects: Effect[] = [];
  const target = { type: 'account' as const, id: accountId };
  const newAppeal = entry.kind === 'appeal';
  // Every appeal goes to a reviewer, who upholds or overturns the decision (a stronger check may settle it first).
  if (newAppeal || (next.needsReview && (!prev.needsReview || (next.tier === 'under13' && prev.tier !== 'under13')))) {
    effects.push({
      kind: 'enqueue_review',
      target,
      severity: next.tier === 'under13' ? 'high' : 'medium',
      reasons: [newAppeal ? 'the account appeals its age decision: a reviewer upholds or overturns it' : 'a person should review this account\'s age', ...next.reasons],
      evidence: [evidenceOf(entry)],
      dedupeKey: `age:${accountId}:enqueue_review:${entry.id}`,
    });
  }
  if (next.needsCheck && (!prev.needsCheck || newAppeal)) {
    effects.push({
      kind: 'require_age_check',
      target,
      severity: 'medium',
      reasons: [`ask for one of: ${next.checkMethods.join(', ')}`, ...next.reasons],
      evidence: [evidenceOf(entry)],
      dedupeKey: `age:${accountId}:require_age_check:${entry.id}`,
    });
  }
  return effects;
}
