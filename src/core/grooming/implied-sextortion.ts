/**
 * Implied sextortion: no "or i send it to X" is written, but the same author claims to hold material ("i saved
 * our whole chat", "ich hab aufgenommen", "lo tengo guardado") and applies leverage — asks for more ("one more
 * like the first one", "noch drei, heute"), names a payment or a deadline ("80 euro paysafe bis morgen", "u have
 * till sunday"), or hints at an audience ("ur mom follows u right?", "be a shame if a certain clip ended up
 * there"). Either part alone is common in ordinary chat; together, from one author in a short chat, they are
 * the threat. The parts are lexicon patterns (`LexiconData.implied`); the author's earlier parts come in
 * through DetectOptions like the material context.
 */
import type { NormalisedText } from './normalise.ts';
import { dampReportedSpeech } from './reported-speech.ts';
import type { Signal } from './types.ts';

export const impliedParts = ['claim', 'leverage'] as const;
export type ImpliedPart = (typeof impliedParts)[number];

/** Weight of the sextortion signal made of both parts: enough for the `sextortion` rule (flag-rules.ts). */
export const IMPLIED_WEIGHT = 0.85;

/** An author's earlier part counts within this many messages of the conversation (a short chat). */
export const IMPLIED_WINDOW = 12;

/** Parts found in one message (the re-split text included). */
export interface ImpliedParts {
  claim: Signal[];
  leverage: Signal[];
}

/** What a message contributes: which parts it holds as the author's own words, and the signal, if any. */
export interface ImpliedResult {
  claim: boolean;
  leverage: boolean;
  signal: Signal | undefined;
}

/**
 * Combines the parts of one message with the author's earlier ones. A part inside a reported quotation or a
 * warning ("scammers write \"i have your video, 50 on paysafe\"") is not the author's own, and a message that
 * is banter (frames.ts: laughter without coercion, ordinary embarrassing material) holds none.
 */
export function impliedSextortion(
  text: string,
  parts: ImpliedParts,
  before: { claim: boolean; leverage: boolean },
  banter: boolean,
  nt?: NormalisedText,
): ImpliedResult {
  // Most messages hold neither part: one shared answer, nothing made.
  if (parts.claim.length === 0 && parts.leverage.length === 0) return nothing;
  const claim = own(text, parts.claim, banter, nt);
  const leverage = own(text, parts.leverage, banter, nt);
  const both = (claim !== undefined || before.claim) && (leverage !== undefined || before.leverage);
  const at = leverage ?? claim;
  const signal = both && at ? { ...at, weight: IMPLIED_WEIGHT } : undefined;
  return { claim: claim !== undefined, leverage: leverage !== undefined, signal };
}

const nothing: ImpliedResult = Object.freeze({ claim: false, leverage: false, signal: undefined });

/** The first part of `list` that is the author's own words (not damped as reported speech), if any. */
function own(text: string, list: Signal[], banter: boolean, nt?: NormalisedText): Signal | undefined {
  if (banter || list.length === 0) return undefined;
  const weights = list.map((s) => s.weight);
  dampReportedSpeech(text, list, nt);
  return list.find((s, i) => s.weight === weights[i]);
}
