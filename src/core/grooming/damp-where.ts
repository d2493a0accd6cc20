/**
 * The shapes the look-alike readers share. `dampWhere` (reaching-parent.ts, keeping-strangers-out.ts, id-photo.ts,
 * thing-photo.ts): a message whose text matches a pattern has the signals of one category weighed by a factor, in
 * place. The pattern is also tried on the message before words run together were split (`unsplit`), since a split
 * can cut a word of it. `dampBeside` (peers-age.ts, own-sending.ts, asking-for-money.ts): each signal of one
 * category is weighed by a factor when the words around its own span say so.
 */
import { wordsInSpan, type NormalisedText } from './normalise.ts';
import type { Signal, SignalCategory } from './types.ts';

/** A damping: when `pattern` matches, every signal of `category` weighs `factor` times as much. */
export function dampWhere(pattern: RegExp, category: SignalCategory, factor: number) {
  return (nt: NormalisedText, signals: Signal[], unsplit?: NormalisedText): void => {
    let any = false;
    for (const s of signals) any ||= s.category === category;
    if (!any || !(pattern.test(nt.text) || (unsplit !== undefined && unsplit !== nt && pattern.test(unsplit.text)))) return;
    for (const s of signals) if (s.category === category) s.weight *= factor;
  };
}

/**
 * A damping by the words around each signal: every signal of `category` whose span covers words [first, last] of
 * the message, and for which `beside(words, first, last, signal)` holds, weighs `factor` times as much.
 */
export function dampBeside(category: SignalCategory, factor: number, beside: (words: readonly string[], first: number, last: number, signal: Signal) => boolean) {
  return (nt: NormalisedText, signals: Signal[]): void => {
    for (const s of signals) {
      if (s.category !== category) continue;
      const span = wordsInSpan(nt, s.start, s.end);
      if (span !== null && beside(nt.words, span[0], span[1], s)) s.weight *= factor;
    }
  };
}
