/** Age tiers: one registry, used by the age reducer, the safety policy, the guardian and the policy file. */
import type { AuthorTier } from '../grooming/types.ts';

export const ageTiers = ['under13', '13-15', '16-17', 'adult', 'unknown'] as const;
export type AgeTier = (typeof ageTiers)[number];

/** The age at which a person counts as an adult everywhere in Lifeguard. */
export const ADULT_AGE = 18;

/** Lowest age a tier can hold; `unknown` has none. */
export const tierLowerBound: Readonly<Record<AgeTier, number | null>> = {
  under13: 0,
  '13-15': 13,
  '16-17': 16,
  adult: ADULT_AGE,
  unknown: null,
};

/**
 * Protective order: lower is treated more carefully. `unknown` sits below `adult` because an account whose
 * age is not established gets child-safe defaults (ICO Children's Code, standard 3).
 */
const protectiveRank: Readonly<Record<AgeTier, number>> = { under13: 0, '13-15': 1, '16-17': 2, unknown: 3, adult: 4 };

/** The tier for an age in years. */
export function tierForAge(age: number): AgeTier {
  if (age < 13) return 'under13';
  if (age < 16) return '13-15';
  if (age < ADULT_AGE) return '16-17';
  return 'adult';
}

/** True when `a` must be treated more carefully than `b`. */
export function isYounger(a: AgeTier, b: AgeTier): boolean {
  return protectiveRank[a] < protectiveRank[b];
}

/** The more careful of two tiers. */
export function youngerTier(a: AgeTier, b: AgeTier): AgeTier {
  return protectiveRank[a] <= protectiveRank[b] ? a : b;
}

/** True for the three tiers under 18. */
export function isMinorTier(tier: AgeTier): boolean {
  return tier === 'under13' || tier === '13-15' || tier === '16-17';
}

/** The grooming detector's coarser tier for an age tier. */
export function toAuthorTier(tier: AgeTier): AuthorTier {
  if (tier === 'under13') return 'child';
  if (tier === '13-15' || tier === '16-17') return 'teen';
  return tier;
}

/** An age tier for a platform's coarse tier; a bare `teen` is read as the younger teen tier, to be safe. */
export function fromAuthorTier(tier: AuthorTier): AgeTier {
  if (tier === 'child') return 'under13';
  if (tier === 'teen') return '13-15';
  return tier;
}
