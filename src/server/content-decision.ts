/**
 * The decision on one piece of content from its bank matches. Exact hashes and close PDQ matches block;
 * PDQ matches near the match threshold, or on a low-quality picture, go to a person first.
 */
import type { ContentMatch } from './services.ts';

export const contentDecisions = ['allow', 'hold_for_review', 'block'] as const;
export type ContentDecision = (typeof contentDecisions)[number];

/** PDQ distance at or under which a match is treated as the same picture (the match threshold is 31). */
export const PDQ_BLOCK_DISTANCE = 15;
/** Below this PDQ quality a picture is too flat to trust a PDQ match without a person. */
const MIN_QUALITY_TO_BLOCK = 50;

/** Decides allow / hold_for_review / block with one reason per match. */
export function decideContent(matches: readonly ContentMatch[], pdqQuality: number | null = null): { decision: ContentDecision; reasons: string[] } {
  if (matches.length === 0) return { decision: 'allow', reasons: ['no match in any bank'] };
  let decision: ContentDecision = 'hold_for_review';
  const reasons: string[] = [];
  for (const m of matches) {
    const where = `bank '${m.bank}'${m.category ? ` (category ${m.category})` : ''}`;
    if (m.signalType !== 'pdq') {
      decision = 'block';
      reasons.push(`exact ${m.signalType} match in ${where}`);
    } else if (m.distance <= PDQ_BLOCK_DISTANCE && (pdqQuality === null || pdqQuality >= MIN_QUALITY_TO_BLOCK)) {
      decision = 'block';
      reasons.push(`PDQ match at distance ${m.distance} in ${where}${m.note ? ` (${m.note})` : ''}`);
    } else {
      reasons.push(`PDQ near match at distance ${m.distance} in ${where}${m.note ? ` (${m.note})` : ''}: held for a person to review`);
    }
  }
  return { decision, reasons };
}
