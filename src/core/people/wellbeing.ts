/**
 * Wellbeing safeguards for people who look at harmful media: the organisation sets limits, each person may
 * choose settings within them (never looser), and the day's exposure count decides when to prompt a break
 * and when to stop revealing for the day.
 */

/** The organisation's limits (from configuration). */
export interface WellbeingLimits {
  /** Longest a revealed item stays visible before it blurs again (seconds). */
  maxRevealSeconds: number;
  /** Most reveals per person per day (UTC); 0 means no reveals at all. */
  dailyRevealCap: number;
  /** Prompt a break after this many reveals in a row (counted per day). */
  breakEvery: number;
  /** When true, revealed media stays greyscale and nobody may turn that off. */
  forceGreyscale: boolean;
}

/** A person's own choices; every field optional (absent: the organisation's limit). */
export interface PersonalSettings {
  revealSeconds?: number;
  dailyRevealCap?: number;
  breakEvery?: number;
  /** Keep revealed media greyscale (default true). */
  greyscale?: boolean;
}

/** The settings in force for a person: their choices, clamped to the organisation's limits. */
export interface EffectiveSettings {
  revealSeconds: number;
  dailyRevealCap: number;
  breakEvery: number;
  greyscale: boolean;
}

const clamp = (v: number | undefined, max: number, min = 0): number => (v === undefined || !Number.isFinite(v) ? max : Math.max(min, Math.min(max, Math.floor(v))));

/** The person's settings within the organisation's limits (a personal value above a limit is lowered to it). */
export function effectiveSettings(limits: WellbeingLimits, personal: PersonalSettings = {}): EffectiveSettings {
  return {
    revealSeconds: clamp(personal.revealSeconds, limits.maxRevealSeconds, 1),
    dailyRevealCap: clamp(personal.dailyRevealCap, limits.dailyRevealCap),
    breakEvery: clamp(personal.breakEvery, limits.breakEvery, 1),
    greyscale: limits.forceGreyscale ? true : personal.greyscale ?? true,
  };
}

/** What the console does about the next reveal given today's count. */
export type ExposureState = { kind: 'ok'; remaining: number } | { kind: 'break_due'; remaining: number } | { kind: 'cap_reached' };

/** The exposure state after `revealsToday` reveals today. */
export function exposureState(settings: EffectiveSettings, revealsToday: number): ExposureState {
  const remaining = settings.dailyRevealCap - revealsToday;
  if (remaining <= 0) return { kind: 'cap_reached' };
  if (revealsToday > 0 && revealsToday % settings.breakEvery === 0) return { kind: 'break_due', remaining };
  return { kind: 'ok', remaining };
}

/** The UTC day of `ms` as YYYY-MM-DD (exposure counters are per day). */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
