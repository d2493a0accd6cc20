/** Coordinated viewers in words, for the reasons of the effects a pile leads to. */
import type { GuardianPolicy } from './guardian-policy.ts';
import { askKindsOf } from './stream-asks.ts';
import type { StreamState } from './stream-state.ts';

const f2 = (x: number) => x.toFixed(2);

/** The contributors in words: `v1 (age), v2 (school, location)`. */
export function pileWords(g: GuardianPolicy, s: StreamState, t: number): string {
  const windowMs = g.coordination.windowSeconds * 1000;
  const parts: string[] = [];
  for (const [id, e] of s.pile) if (t - e.at <= windowMs) parts.push(`${id} (${askKindsOf(e.mask).join(', ')})`);
  return parts.join(', ');
}

/** Why the stream-level rungs fired when a pile is part of it. */
export function pileReason(g: GuardianPolicy, s: StreamState, t: number, risk: number, viewers: number): string {
  return `coordinated viewers: ${viewers} viewers with no connection to ${s.streamerId} each asked something within ${g.coordination.windowSeconds} s (pile risk ${f2(risk)}): ${pileWords(g, s, t)}`;
}

