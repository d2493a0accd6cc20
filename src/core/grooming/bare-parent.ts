/**
 * A parent named bare in a secret: "niet tegen mama zeggen", "sag mama nichts", "ne dis rien à maman", "no le
 * digas a mamá", "dont tell mum i broke it". Someone who says "mum" or "mama" without "your" shares that parent:
 * a brother's, a sister's or a cousin's secret, not a stranger's, who says "your mum" ("deiner mama", "je moeder",
 * "ta mère", "tu mamá"). Such a secrecy signal weighs at most BARE_PARENT_WEIGHT, as the English lexicon's own
 * bare-parent patterns do.
 */
import { wordsInSpan, type NormalisedText } from './normalise.ts';
import type { Signal } from './types.ts';

/** Most a secret kept from a parent named bare weighs. */
export const BARE_PARENT_WEIGHT = 0.3;

/** Parents and grandparents as their children name them (after normalisation: accents folded). */
const PARENTS = new Set([
  'mom', 'mum', 'dad', 'mama', 'papa', 'mami', 'papi', 'mam', 'pap', 'mams', 'paps', 'mamma', 'pappa', 'mutti', 'vati', 'maman', 'oma', 'opa', 'omi', 'opi',
  'mamie', 'papy', 'abuela', 'abuelo', 'abue', 'grandma', 'grandpa', 'nana',
]);

/** Second-person possessives: "your mum", "deiner mama", "je moeder", "ta mère", "tu mamá". */
const YOUR = new Set(['your', 'ur', 'yo', 'je', 'jouw', 'jullie', 'dein', 'deine', 'deiner', 'deinem', 'deinen', 'eure', 'euer', 'ta', 'ton', 'tes', 'votre', 'vos', 'tu', 'tus', 'vuestra', 'vuestro', 'su']);

/** Caps, in place, the secrecy signals whose span names a parent with no "your" before it. */
export function dampBareParentSecrets(nt: NormalisedText, signals: Signal[]): void {
  for (const s of signals) {
    if (s.category !== 'secrecy' || s.weight <= BARE_PARENT_WEIGHT) continue;
    const span = wordsInSpan(nt, s.start, s.end);
    if (span === null) continue;
    let named = false;
    let yours = false;
    for (let k = span[0]; k <= span[1]; k++) {
      if (!PARENTS.has(nt.words[k]!)) continue;
      named = true;
      if (k > 0 && YOUR.has(nt.words[k - 1]!)) yours = true;
    }
    if (named && !yours) s.weight = BARE_PARENT_WEIGHT;
  }
}
