/** The strongest weight of one category among the signals of one message (0 when absent): the lexicon tests' reading. */
import { detectSignals } from './index.ts';
import type { SignalCategory } from './types.ts';

export function strongestWeight(text: string, category: SignalCategory): number {
  let best = 0;
  for (const s of detectSignals(text)) if (s.category === category && s.weight > best) best = s.weight;
  return best;
}
