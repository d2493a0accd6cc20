/**
 * The age reducer: a pure function from an account's append-only age history to its current decision.
 * Rules (each one shows up as a reason):
 * - conflicts are resolved by method strength (policy `methodStrength`); a tie goes to the younger age;
 * - only a verification, a reviewer, or a confident estimation at or above the challenge age proves
 *   adulthood; a declaration or chat remark saying "adult" leaves the tier `unknown`;
 * - a claim of being under 18 is accepted from any method when nothing proves otherwise (protective);
 * - a credible under-13 signal sends the account to review; a weak estimation can ask for a check, never
 *   clear one; an appeal asks for a check stronger than the one that decided (or review when none is);
 * - a reviewer's finding settles everything before it.
 */
import { ageMethods, verificationMethods, type AgeMethod } from './age-methods.ts';
import type { AgePolicy } from './age-policy.ts';
import { ageOnDate, type AgeEntry, type AgeSignalEntry } from './age-entry.ts';
import { ADULT_AGE, isMinorTier, isYounger, tierForAge, type AgeTier } from './age-tiers.ts';

/** The current age decision for an account, with every reason that led to it. */
export interface AgeDecision {
  tier: AgeTier;
  /** The method that decided the tier, or null when no signal did. */
  basis: AgeMethod | null;
  basisEntryId: string | null;
  /** Best point age in years, when the deciding signal gave one. */
  age: number | null;
  reasons: string[];
  /** A stronger age check should be asked of the account. */
  needsCheck: boolean;
  /** Methods strong enough to settle the open question (weakest first). */
  checkMethods: AgeMethod[];
  /** A human should review the account (e.g. a credible under-13 signal). */
  needsReview: boolean;
  appealPending: boolean;
  /** Time of the newest entry taken into account (epoch ms), or null for an empty history. */
  decidedAt: number | null;
}

interface Claim {
  entry: AgeSignalEntry;
  strength: number;
  /** Point age, when known. */
  age: number | null;
  /** The tier the signal says, before asking whether it can prove it. */
  says: AgeTier;
  /** The tier the signal decides if it wins (an unproven "adult" decides `unknown`). */
  decides: AgeTier;
  weak: boolean;
  note: string;
}

function describe(e: AgeSignalEntry, age: number | null): string {
  const method = e.method.replace('_', ' ');
  if (age !== null) return `${method} says age ${age}`;
  if (e.tier !== undefined) return `${method} says ${e.tier}`;
  if (e.below !== undefined) return `${method} says ${e.atLeast !== undefined ? `at least ${e.atLeast} and ` : ''}under ${e.below}`;
  if (e.atLeast !== undefined || e.method === 'credit_card' || e.method === 'mobile_operator') {
    return `${method} says at least ${e.atLeast ?? ADULT_AGE}`;
  }
  return `${method} gives no usable age`;
}

function toClaim(e: AgeSignalEntry, policy: AgePolicy): Claim {
  const age = e.age ?? (e.dateOfBirth !== undefined ? ageOnDate(e.dateOfBirth, e.at) : null);
  const atLeast = e.atLeast ?? (e.method === 'credit_card' || e.method === 'mobile_operator' ? ADULT_AGE : null);
  const says: AgeTier =
    age !== null
      ? tierForAge(age)
      : e.tier !== undefined
        ? e.tier
        : atLeast !== null && atLeast >= ADULT_AGE
          ? 'adult'
          : // "Under N" (an age token's `age_over_N: false`) for N <= 18 proves a minor; the youngest tier the range
            // [atLeast, N) leaves open applies (protective), so a platform asks for age_over_13/16 to place a minor.
            e.below !== undefined && e.below <= ADULT_AGE
            ? tierForAge(atLeast ?? 0)
            : 'unknown';
  const weak =
    e.method === 'estimation' &&
    ((e.provider !== undefined && policy.estimation.weakProviders.includes(e.provider)) ||
      (e.confidence !== undefined && e.confidence < policy.estimation.minConfidence));
  let decides = says;
  let note = describe(e, age);
  if (says === 'adult' && !verificationMethods.has(e.method)) {
    if (e.method === 'estimation' && age !== null && age >= policy.challengeAge) {
      note += ` (at or above the challenge age ${policy.challengeAge})`;
    } else {
      decides = 'unknown';
      note +=
        e.method === 'estimation'
          ? `, under the challenge age ${policy.challengeAge}: not enough to treat as an adult`
          : ': a declaration never proves adulthood';
    }
  }
  return { entry: e, strength: policy.methodStrength[e.method], age, says, decides, weak, note };
}

/** True when claim `a` beats claim `b`: stronger first, then the more careful tier, then the newer. */
function beats(a: Claim, b: Claim): boolean {
  if (a.strength !== b.strength) return a.strength > b.strength;
  if (a.decides !== b.decides) return isYounger(a.decides, b.decides);
  return a.entry.at >= b.entry.at;
}

function strongest(claims: Claim[]): Claim | null {
  let best: Claim | null = null;
  for (const c of claims) if (best === null || beats(c, best)) best = c;
  return best;
}

/** Methods that could settle a question left open by a signal of strength `above`. */
function stronger(policy: AgePolicy, above: number): AgeMethod[] {
  return ageMethods
    .filter((m) => m !== 'self_declared' && m !== 'chat_disclosure' && m !== 'reviewer' && policy.methodStrength[m] > above)
    .sort((a, b) => policy.methodStrength[a] - policy.methodStrength[b]);
}

/** True for a reviewer's finding that upholds an appeal (it answers the appeal, it decides nothing). */
function isUpheld(e: AgeEntry): boolean {
  return e.kind === 'signal' && e.method === 'reviewer' && e.appealResolution?.outcome === 'upheld';
}

/** Decides an account's age tier from its whole age history (entries in the order they arrived). */
export function decideAge(entries: readonly AgeEntry[], policy: AgePolicy): AgeDecision {
  const reasons: string[] = [];
  let lastReview = -1;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.kind === 'signal' && e.method === 'reviewer' && !isUpheld(e)) lastReview = i;
  }
  if (lastReview > 0) reasons.push('a reviewer finding settles the signals before it');
  const review = lastReview >= 0 ? (entries[lastReview] as AgeSignalEntry) : undefined;
  if (review?.appealResolution) reasons.push(`decision overturned on appeal by a reviewer (case ${review.appealResolution.caseId}): ${review.appealResolution.reason}`);
  const open = entries.slice(Math.max(lastReview, 0));
  const claims: Claim[] = [];
  const weak: Claim[] = [];
  for (const e of open) {
    // An upheld appeal answers the appeal and says nothing new about the age.
    if (e.kind !== 'signal' || isUpheld(e)) continue;
    const c = toClaim(e, policy);
    (c.weak ? weak : claims).push(c);
  }

  let best = strongest(claims);
  // An inconclusive winner ("looks 21", "says adult") yields to any claim of being a minor: protective.
  if (best !== null && best.decides === 'unknown') {
    const minor = strongest(claims.filter((c) => isMinorTier(c.decides)));
    if (minor !== null) {
      reasons.push(`${best.note}; ${minor.note}, so the younger tier applies`);
      best = minor;
    }
  }

  const decision: AgeDecision = {
    tier: best?.decides ?? 'unknown',
    basis: best?.entry.method ?? null,
    basisEntryId: best?.entry.id ?? null,
    age: best?.age ?? null,
    reasons,
    needsCheck: false,
    checkMethods: [],
    needsReview: false,
    appealPending: false,
    decidedAt: entries.length > 0 ? entries[entries.length - 1]!.at : null,
  };
  if (best === null) reasons.push('no usable age signal: tier unknown, child-safe defaults apply');
  else reasons.push(`${best.note}: tier ${decision.tier} (decided by ${best.entry.method})`);

  const verified = best !== null && verificationMethods.has(best.entry.method);
  for (const c of claims) {
    if (c === best || c.says === best!.says || c.says === 'unknown') continue;
    reasons.push(`conflict: ${c.note}; ${best!.entry.method} is stronger or more careful and decides`);
    if (isMinorTier(c.says) !== isMinorTier(best!.says) && !verified) {
      decision.needsCheck = true;
      reasons.push('signals disagree about whether the account is an adult: a stronger check settles it');
    }
    if (verified && c.strength === best!.strength && verificationMethods.has(c.entry.method)) {
      decision.needsReview = true;
      reasons.push(`two equally strong checks disagree (${c.entry.method} and ${best!.entry.method}): review`);
    }
  }
  if (best !== null && best.entry.method === 'estimation' && best.decides === 'unknown' && best.says === 'adult') {
    decision.needsCheck = true;
    reasons.push('the estimation cannot settle adulthood: a stronger check is needed');
  }

  for (const c of claims) {
    // A range that merely leaves under-13 open ("under 18") is treated as under 13 but is no evidence of it.
    const provenUnder13 = c.age !== null || c.entry.below === undefined || c.entry.below <= 13;
    if (c.says === 'under13' && provenUnder13 && policy.under13ReviewMethods.includes(c.entry.method)) {
      decision.needsReview = true;
      reasons.push(`credible under-13 signal (${c.note}): the account goes to review`);
      break;
    }
  }

  if (!verified) {
    for (const w of weak) {
      const younger = w.says !== 'unknown' && isYounger(w.says, decision.tier);
      const belowChallenge = decision.tier === 'adult' && w.age !== null && w.age < policy.challengeAge;
      if (younger || belowChallenge) {
        decision.needsCheck = true;
        reasons.push(`weak signal (${w.note}, provider ${w.entry.provider ?? 'unknown'}): asks for a check, decides nothing`);
      } else {
        reasons.push(`weak signal ignored (${w.note})`);
      }
    }
  }

  appeal(open, claims, policy, decision, reasons);
  if (decision.needsCheck) decision.checkMethods = stronger(policy, best?.strength ?? 0);
  return decision;
}

/** An appeal stays pending until a signal stronger than the one that decided at the time of the appeal arrives. */
function appeal(open: readonly AgeEntry[], claims: Claim[], policy: AgePolicy, decision: AgeDecision, reasons: string[]): void {
  let idx = -1;
  for (let i = open.length - 1; i >= 0; i--) {
    if (open[i]!.kind === 'appeal') {
      idx = i;
      break;
    }
  }
  if (idx < 0) return;
  const before = new Set(open.slice(0, idx));
  const after = new Set(open.slice(idx + 1));
  const atAppeal = strongest(claims.filter((c) => before.has(c.entry)));
  const bar = atAppeal?.strength ?? 0;
  const upheld = [...after].find((e): e is AgeSignalEntry => e.kind === 'signal' && isUpheld(e));
  if (upheld) {
    reasons.push(`decision upheld on appeal by a reviewer (case ${upheld.appealResolution!.caseId}): ${upheld.appealResolution!.reason}`);
    return;
  }
  const settled = claims.some((c) => after.has(c.entry) && c.strength > bar);
  const a = open[idx]!;
  if (settled) {
    reasons.push('appeal answered by a stronger check');
    return;
  }
  decision.appealPending = true;
  const claimed = a.kind === 'appeal' && a.claimedAge !== undefined ? ` (says age ${a.claimedAge})` : '';
  const methods = stronger(policy, bar);
  if (methods.length > 0) {
    decision.needsCheck = true;
    reasons.push(`appeal${claimed}: needs a check stronger than ${atAppeal?.entry.method ?? 'none'}`);
  } else {
    decision.needsReview = true;
    reasons.push(`appeal${claimed}: no stronger check exists, a reviewer decides`);
  }
}
