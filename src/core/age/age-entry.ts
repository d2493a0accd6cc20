/** Entries of an account's append-only age history: age signals and appeals, normalised from events. */
import type { PlatformEventOf } from '../events.ts';
import { eventTime } from '../events.ts';
import type { AppealOutcome } from './age-appeal.ts';
import type { AgeMethod } from './age-methods.ts';
import type { AgeTier } from './age-tiers.ts';

/** One age signal: a declaration, estimation, verification, chat disclosure or reviewer finding. */
export interface AgeSignalEntry {
  kind: 'signal';
  /** The event (or derived signal) id, for evidence and dedupe. */
  id: string;
  /** Epoch milliseconds. */
  at: number;
  method: AgeMethod;
  age?: number;
  atLeast?: number;
  /** The person is younger than this (an age token's `age_over_NN: false`). */
  below?: number;
  /** YYYY-MM-DD, for self-declaration. */
  dateOfBirth?: string;
  confidence?: number;
  provider?: string;
  /** Estimation: the model's version. */
  modelVersion?: string;
  /** Reviewer: the tier decided when no point age is given. */
  tier?: AgeTier;
  /** Reviewer: the finding resolves an age appeal (upheld: nothing changes but the appeal is answered). */
  appealResolution?: { caseId: string; outcome: AppealOutcome; reason: string };
}

/** The account holder contests the current decision. */
export interface AgeAppealEntry {
  kind: 'appeal';
  id: string;
  at: number;
  claimedAge?: number;
}

export type AgeEntry = AgeSignalEntry | AgeAppealEntry;

/** Normalises an `age.signal` or `age.appeal` event into an entry; `fallbackTime` is used when the event has no ts. */
export function ageEntryFromEvent(
  event: PlatformEventOf<'age.signal'> | PlatformEventOf<'age.appeal'>,
  fallbackTime: number,
): AgeEntry {
  const at = eventTime(event.ts, fallbackTime);
  if (event.type === 'age.appeal') {
    return event.claimedAge === undefined
      ? { kind: 'appeal', id: event.id, at }
      : { kind: 'appeal', id: event.id, at, claimedAge: event.claimedAge };
  }
  const entry: AgeSignalEntry = { kind: 'signal', id: event.id, at, method: event.method };
  if (event.age !== undefined) entry.age = event.age;
  if (event.atLeast !== undefined) entry.atLeast = event.atLeast;
  if (event.below !== undefined) entry.below = event.below;
  if (event.dateOfBirth !== undefined) entry.dateOfBirth = event.dateOfBirth;
  if (event.confidence !== undefined) entry.confidence = event.confidence;
  if (event.provider !== undefined) entry.provider = event.provider;
  if (event.modelVersion !== undefined) entry.modelVersion = event.modelVersion;
  // A tier or an appeal resolution only counts from a reviewer.
  if (event.method === 'reviewer') {
    if (event.tier !== undefined) entry.tier = event.tier;
    if (event.appealResolution !== undefined) entry.appealResolution = { ...event.appealResolution };
  }
  return entry;
}

/** An entry for an age the account stated about itself in chat (the grooming detector's `age_disclosure`). */
export function chatDisclosureEntry(id: string, at: number, disclosedAge: number): AgeSignalEntry {
  return { kind: 'signal', id, at, method: 'chat_disclosure', age: disclosedAge };
}

/** Whole years between a YYYY-MM-DD birth date and `at` (UTC), or null for an impossible date. */
export function ageOnDate(dateOfBirth: string, at: number): number | null {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const birth = Date.UTC(y, m - 1, d);
  if (Number.isNaN(birth) || new Date(birth).getUTCDate() !== d || birth > at) return null;
  const now = new Date(at);
  let years = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) years--;
  return years;
}
