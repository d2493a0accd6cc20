/**
 * The shape the look-alike readers share (reaching-parent.ts, keeping-strangers-out.ts, id-photo.ts): a message
 * whose text matches a pattern has the signals of one category weighed by a factor, in place. The pattern is also
 * tried on the message before words run together were split (`unsplit`), since a split can cut a word of it.
 */
import type { NormalisedText } from './normalise.ts';
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
