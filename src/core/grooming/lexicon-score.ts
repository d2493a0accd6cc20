/**
 * The lexicon's logit for one author: hand-set weights per category, larger weights for combinations
 * (secrecy with sexual talk, supervision checks with meeting, …) and for contact-type signals aimed at a
 * minor, smaller ones when the author is a minor (peers) or when everyone is a known adult. The weights
 * are a documented judgement, not fitted; `combine` in the model file scales this logit against the text.
 */
import { groomingStages, signalCategories, type AuthorTier, type GroomingStage, type SignalCategory } from './types.ts';

const idx = Object.fromEntries(signalCategories.map((c, i) => [c, i])) as Record<SignalCategory, number>;
export const categoryCount = signalCategories.length;

/** Per-category evidence: noisy-OR of signal weights, so repeats add up but never exceed 1. */
export type Strengths = Float64Array;

export const newStrengths = (): Strengths => new Float64Array(categoryCount);

/** Adds one signal of `weight` to a category's evidence. */
export function addEvidence(s: Strengths, category: SignalCategory, weight: number): void {
  const i = idx[category];
  s[i] = 1 - (1 - s[i]!) * (1 - weight);
}

export interface AuthorContext {
  /** The author's own tier (platform-given, else inferred from what they disclosed). */
  tier: AuthorTier;
  /** True when the tier comes from the platform rather than from a chat disclosure. */
  tierKnown: boolean;
  /**
   * Whether someone else in the conversation is a child or teen: `platform` when the platform says so,
   * `disclosed` when they said so in the chat, `none` otherwise.
   */
  minorCounterpart: 'platform' | 'disclosed' | 'none';
  /** The author and everyone they talk to are adults. */
  allAdults: boolean;
  /** Everyone the author talks to is an adult (said so, or the platform says so), whatever the author is. */
  othersAdult?: boolean;
  /**
   * Three or more people ask things of someone who said they are an adult, with no minor in sight (fans and a
   * grown-up streamer): not the coordinated pattern, and not a reading for the short-chat model either.
   */
  pileOnAdult?: boolean;
  /** The other side addresses this author as a parent or grandparent ("ok dad", "thanks mum"). */
  family: boolean;
  /** The author planned a surprise for someone else (surprise.ts). */
  surprise?: boolean;
  /** The author owned up to an adult's age after giving a child's ("i lied, im not 15 im 24": adult-life.ts). */
  confessedAge?: boolean;
  /** The author hid their own camera or pictures and asked for the other's ("my cam is broken, turn urs on": one-way-camera.ts). */
  oneWayCamera?: boolean;
  /** The author passed something off as what everyone of their kind does ("all the girls in my grade do it": everyone-does-it.ts). */
  everyoneDoesIt?: boolean;
  /** The author is one of several (COORDINATED_ASKERS) who each asked something of the same kind (conversation-state.ts). */
  coordinated?: boolean;
}

export const lexiconIntercept = -4.5;

const base: Record<SignalCategory, number> = {
  age_probe: 0.3,
  age_disclosure: 0,
  personal_info: 0.4,
  supervision_check: 1.5,
  secrecy: 1.2,
  platform_move: 0.5,
  image_request: 0.8,
  body_compliment: 0.8,
  trust_building: 0.5,
  sexual_talk: 0.4,
  meeting: 0.8,
  gifts: 0.5,
  threat: 5.5,
  stream_pressure: 2.0,
  sextortion: 6.5,
  learned_phrase: 0,
};

const adultScaled: SignalCategory[] = ['sexual_talk', 'body_compliment', 'meeting', 'image_request', 'trust_building', 'personal_info', 'platform_move'];

const familyScaled: SignalCategory[] = ['supervision_check', 'meeting', 'personal_info', 'gifts', 'platform_move', 'trust_building', 'age_probe'];
const familyHalved: SignalCategory[] = ['image_request', 'secrecy', 'body_compliment'];

/** Strengths after context: what a peer or an adult among adults says weighs less. Written into `out` when given. */
export function contextual(s: Strengths, ctx: AuthorContext, out: Strengths = new Float64Array(s.length)): Strengths {
  out.set(s);
  const minorAuthor = ctx.tier === 'child' || ctx.tier === 'teen';
  if (minorAuthor) {
    const f = ctx.tierKnown ? 0.3 : 0.6;
    for (let i = 0; i < out.length; i++) if (i !== idx.threat && i !== idx.sextortion) out[i] = out[i]! * f;
  }
  if (ctx.allAdults) for (const c of adultScaled) out[idx[c]] = out[idx[c]]! * 0.25;
  // Parents ask where you are, whether you are alone, offer lifts and gifts: the caring categories are damped.
  // Parents and grandparents also ask for a photo of the new uniform, say "you look so grown up" and keep a
  // gift from mum secret, so those weigh half (below what a rule needs); sexual talk is never damped.
  if (ctx.family) {
    for (const c of familyScaled) out[idx[c]] = out[idx[c]]! * 0.25;
    for (const c of familyHalved) out[idx[c]] = out[idx[c]]! * 0.5;
  }
  // A surprise for someone else is kept secret from them: secrecy weighs half (below what a rule needs).
  if (ctx.surprise) out[idx.secrecy] = out[idx.secrecy]! * 0.5;
  return out;
}

/** Each category's base weight, and whether it counts towards `broad`, by category index (read per rescore). */
const baseByIndex = Float64Array.from(signalCategories, (c) => base[c]);
const countsBroad = signalCategories.map((c) => c !== 'age_disclosure' && c !== 'age_probe' && c !== 'sexual_talk');
/** The indices of the categories the logit combines. */
const {
  age_probe: AGE_PROBE,
  supervision_check: SUPERVISION,
  secrecy: SECRECY,
  platform_move: PLATFORM,
  image_request: IMAGES,
  body_compliment: BODY,
  trust_building: TRUST,
  sexual_talk: SEXUAL,
  meeting: MEETING,
  gifts: GIFTS,
  threat: THREAT,
  stream_pressure: PRESSURE,
} = idx;

/** The lexicon logit of one author's evidence in context. */
export function lexiconLogit(raw: Strengths, ctx: AuthorContext, inContext: Strengths = contextual(raw, ctx)): number {
  const s = inContext;
  let z = lexiconIntercept;
  let broad = 0;
  for (let i = 0; i < categoryCount; i++) {
    const v = s[i]!;
    z += baseByIndex[i]! * v;
    if (countsBroad[i] && v >= 0.5) broad++;
  }
  // Explicit words alone are common between adults, so sexual talk counts less than requests and compliments.
  const sexualish = Math.max(0.7 * s[SEXUAL]!, s[IMAGES]!, s[BODY]!);
  z += 2.5 * s[SECRECY]! * sexualish;
  z += 2.0 * s[SECRECY]! * s[MEETING]!;
  z += 2.5 * s[SUPERVISION]! * Math.max(s[MEETING]!, s[IMAGES]!, s[SEXUAL]!);
  z += 0.5 * s[AGE_PROBE]! * sexualish;
  z += 1.0 * s[PLATFORM]! * s[SECRECY]!;
  z += 1.5 * s[GIFTS]! * Math.max(s[IMAGES]!, s[SEXUAL]!, s[PRESSURE]!);
  z += 1.0 * s[PRESSURE]! * sexualish;
  // The classic sequence: is anyone watching, keep it secret, send a picture or meet.
  z += 2.0 * Math.min(s[SUPERVISION]!, s[SECRECY]!, Math.max(s[IMAGES]!, s[MEETING]!, sexualish));
  if (ctx.minorCounterpart !== 'none') {
    z += 3.0 * sexualish + 2.0 * s[MEETING]! + 1.5 * s[SECRECY]! + 1.5 * s[SUPERVISION]!;
    z += 0.5 * s[PLATFORM]! + 1.0 * s[GIFTS]! + 3.0 * s[PRESSURE]! + 0.5 * s[TRUST]! + 1.5 * s[THREAT]!;
  }
  z += 0.2 * Math.max(0, broad - 3);
  return z;
}

const stageOf: Record<SignalCategory, GroomingStage> = {
  age_probe: 'friendship',
  age_disclosure: 'friendship',
  personal_info: 'friendship',
  trust_building: 'relationship',
  body_compliment: 'relationship',
  gifts: 'relationship',
  supervision_check: 'risk_assessment',
  secrecy: 'exclusivity',
  platform_move: 'exclusivity',
  sexual_talk: 'sexual',
  image_request: 'image_request',
  meeting: 'meeting_or_coercion',
  threat: 'meeting_or_coercion',
  stream_pressure: 'meeting_or_coercion',
  sextortion: 'meeting_or_coercion',
  learned_phrase: 'none',
};

/** The rank (in groomingStages) of each category's stage, by category index. */
const stageRank = signalCategories.map((c) => groomingStages.indexOf(stageOf[c]));
/** Scratch of stageReached (synchronous). */
const stageScratch = newStrengths();

/** The furthest grooming stage with real evidence (strength ≥ 0.5 after context; weak words alone set none). */
export function stageReached(raw: Strengths, ctx: AuthorContext): GroomingStage {
  const s = contextual(raw, ctx, stageScratch);
  let best = 0;
  for (let i = 0; i < categoryCount; i++) if (s[i]! >= 0.5 && stageRank[i]! > best) best = stageRank[i]!;
  return groomingStages[best]!;
}

/** Categories with any evidence, in registry order. */
export function presentCategories(s: Strengths): SignalCategory[] {
  return signalCategories.filter((_, i) => s[i]! > 0);
}
