/**
 * Coordinated viewers: several viewers with no connection to a young or unverified streamer, each asking one
 * harmless-looking thing, are one pattern on the stream, not several quiet viewers. Each distinct viewer's
 * heaviest ask in the window is one contribution; the pile's risk joins the stream's components, and at the
 * hold level every contributor is held or removed, with reasons that name the pattern and the viewers.
 */
import type { EvidenceRef } from '../effects.ts';
import { isMinorTier } from '../age/age-tiers.ts';
import { isConnection } from '../safety-policy/relations.ts';
import type { GuardianPolicy } from './guardian-policy.ts';
import { emit, removeViewer, streamerWords, viewerWords, type LadderContext } from './interventions.ts';
import { askBit, askKindsOf, streamAskKinds } from './stream-asks.ts';
import { MAX_PILE, type StreamState, type ViewerState } from './stream-state.ts';
import { pileRisk, updateViewerRisk } from './viewer-risk.ts';
import { pileWords } from './pile-words.ts';

const f2 = (x: number) => x.toFixed(2);

const removeMasks = new WeakMap<GuardianPolicy, number>();

/** The mask of `coordination.removeAsks` (computed once per policy). */
function removeMaskOf(g: GuardianPolicy): number {
  let m = removeMasks.get(g);
  if (m === undefined) {
    m = 0;
    for (const k of g.coordination.removeAsks) m |= askBit[k];
    removeMasks.set(g, m);
  }
  return m;
}

/** Whether a viewer's asks count towards a pile on this stream. */
export function countsInPile(s: StreamState, v: ViewerState): boolean {
  return s.streamerTier !== 'adult' && !isConnection(v.relation);
}

/** Records a viewer's asks (a mask) in the stream's pile; returns whether the pile changed. */
export function addToPile(g: GuardianPolicy, s: StreamState, v: ViewerState, mask: number, t: number, evidence: EvidenceRef): boolean {
  if (mask === 0 || !countsInPile(s, v)) return false;
  const c = g.coordination;
  if (isMinorTier(v.tier)) mask &= removeMaskOf(g);
  if (mask === 0) return false;
  const windowMs = c.windowSeconds * 1000;
  let heaviest = 0;
  for (let i = 0; i < streamAskKinds.length; i++) {
    if ((mask & (1 << i)) !== 0) heaviest = Math.max(heaviest, c.askWeights[streamAskKinds[i]!]);
  }
  const weight = Math.min(1, v.factor * heaviest);
  const prev = s.pile.get(v.id);
  const fresh = prev !== undefined && t - prev.at <= windowMs;
  s.pile.delete(v.id);
  s.pile.set(v.id, {
    at: t,
    mask: fresh ? prev.mask | mask : mask,
    weight: fresh ? Math.max(prev.weight, weight) : weight,
    evidence: fresh ? [prev.evidence[0]!, evidence] : [evidence],
  });
  // Contributions that left the window, and the oldest beyond the bound, are forgotten.
  for (const [id, e] of s.pile) {
    if (s.pile.size <= MAX_PILE && t - e.at <= windowMs) break;
    s.pile.delete(id);
  }
  s.pileCache.until = -Infinity;
  s.pileCache.from = Infinity;
  return true;
}

/**
 * At the hold level, every contributor in the window is held; those with an ask in `removeAsks` are removed
 * and reviewed. Later contributors are acted on as they come. Adults' streams never get here.
 */
export function pileLadder(ctx: LadderContext, s: StreamState, t: number): void {
  if (s.ended || s.pile.size === 0) return;
  const g = ctx.policy.guardian;
  const { risk, viewers } = pileRisk(g, s, t);
  if (viewers < g.coordination.minViewers || risk < g.thresholds.holdComments) return;
  const windowMs = g.coordination.windowSeconds * 1000;
  const removeMask = removeMaskOf(g);
  const due: [ViewerState, boolean][] = [];
  for (const [id, e] of s.pile) {
    if (t - e.at > windowMs) continue;
    const v = s.viewers.get(id);
    if (!v || v.removed) continue;
    const remove = (e.mask & removeMask) !== 0;
    if (remove || !v.held) due.push([v, remove]);
  }
  if (due.length === 0) return;
  const pattern = `coordinated viewers on a stream by ${streamerWords(s)}: ${viewers} viewers with no connection each asked something within ${g.coordination.windowSeconds} s — ${pileWords(g, s, t)}; pile risk ${f2(risk)} reached the hold level ${f2(g.thresholds.holdComments)}`;
  const evidence: EvidenceRef[] = [];
  for (const [id, e] of s.pile) if (t - e.at <= windowMs && evidence.length < 16) evidence.push(...e.evidence.slice(-1).map((x) => ({ ...x, summary: `${id}: ${x.summary}` })));
  for (const [v, remove] of due) {
    const asked = askKindsOf(s.pile.get(v.id)!.mask).join(', ');
    const reasons = [pattern, `${viewerWords(v)} is one of them (asked: ${asked})`, 'a candidate for human review, not an accusation'];
    if (remove) {
      removeViewer(ctx, s, v, reasons, 'high', evidence);
      continue;
    }
    v.held = true;
    s.held.add(v.id);
    updateViewerRisk(g, s, v);
    emit(s, ctx.out, {
      kind: 'hold_comments',
      target: { type: 'account', id: v.id },
      scope: { type: 'stream', id: s.id },
      severity: 'medium',
      reasons,
      evidence: evidence.slice(),
      dedupeKey: `${s.id}:hold_comments:account:${v.id}`,
    });
  }
}
