/**
 * "Asking for money", "fragt nach geld", "vraagt om geld", "demande de l'argent", "pide dinero": someone asking for
 * money (a hacked account or a scam, told as a warning) is not an offer of money for pictures. A gifts signal that
 * starts right after such a verb ("… asking [for money]") weighs ASKING_FACTOR as much.
 */
import { wordsInSpan, type NormalisedText } from './normalise.ts';
import type { Signal } from './types.ts';

export const ASKING_FACTOR = 0.3;

const ASKING = new Set(['asking', 'ask', 'asks', 'asked', 'begging', 'beg', 'fragt', 'fragen', 'bittet', 'vraagt', 'vragen', 'vroeg', 'demande', 'demandent', 'pide', 'piden', 'pidiendo']);

/** Damps, in place, the gifts signals that are a request for money rather than an offer. */
export function dampAskingForMoney(nt: NormalisedText, signals: Signal[]): void {
  for (const s of signals) {
    if (s.category !== 'gifts') continue;
    const span = wordsInSpan(nt, s.start, s.end);
    if (span !== null && ASKING.has(nt.words[span[0] - 1] ?? '')) s.weight *= ASKING_FACTOR;
  }
}
