/** Risk arithmetic of the guardian: context weights, evidence risk, and the stream's components. */
import { isMinorTier, type AgeTier } from '../age/age-tiers.ts';
import type { GuardianPolicy } from './guardian-policy.ts';
import type { StreamState, ViewerState } from './stream-state.ts';

const DAY = 86_400_000;

/** How much the streamer's age makes the guardian care: children fully, unknown ages nearly, adults little. */
export function streamerWeight(p: GuardianPolicy, tier: AgeTier): number {
  if (isMinorTier(tier)) return 1;
  return tier === 'unknown' ? p.context.streamerUnknown : p.context.streamerAdult;
}

/** Weight of a viewer's comments given who they are to the streamer, their account age and their history. */
export function contextFactor(p: GuardianPolicy, v: ViewerState, streamerTier: AgeTier, t: number): number {
  const c = p.context;
  let f: number;
  switch (v.relation) {
    case 'guardian':
    case 'family':
    case 'teacher':
      f = c.trusted;
      break;
    case 'friend':
      f = c.friend;
      break;
    case 'follower':
      f = c.follower;
      break;
    default:
      f = c.stranger;
  }
  if (isMinorTier(v.tier) && isMinorTier(streamerTier)) f *= c.peer;
  if (v.createdAt !== null && t - v.createdAt < c.newAccountDays * DAY) f *= c.newAccount;
  if (v.priorFlags > 0) f *= 1 + c.perPriorFlag * Math.min(4, v.priorFlags);
  return f * streamerWeight(p, streamerTier);
}

/** Recomputes a viewer's risk and its term in the stream's viewer component (O(1)). */
export function updateViewerRisk(p: GuardianPolicy, s: StreamState, v: ViewerState): void {
  const detector = v.detectorRisk * Math.min(1, v.comments / p.detectorWarmup);
  const fromText = Math.min(1, Math.max(detector, v.evidenceRisk) * v.factor);
  v.risk = 1 - (1 - fromText) * (1 - v.reportRisk);
  if (v.risk > v.peak) v.peak = v.risk;
  const active = v.present && !v.removed && !v.held;
  const term = active && v.risk >= p.thresholds.viewerFloor ? Math.log1p(-Math.min(v.risk, 0.999999)) : 0;
  s.viewerLogSum += term - v.term;
  v.term = term;
  // The stream's peak counts a viewer at their highest, before holding or removing them contains the risk.
  if (term < 0) {
    const viewers = 1 - Math.exp(s.viewerLogSum);
    if (viewers > s.peak) {
      s.peak = viewers;
      s.peakAt = s.now;
    }
  }
}

/** The stream's risk components at time `t` and their combination 1 - Π(1 - c). */
export function streamComponents(p: GuardianPolicy, s: StreamState, t: number) {
  const vulnerable = s.streamerTier !== 'adult';
  const viewers = Math.max(0, 1 - Math.exp(s.viewerLogSum));
  const flood = s.strangerJoins.within(t, p.strangerFlood.windowSeconds * 1000) / p.strangerFlood.count;
  const giftCount = s.strangerGifts.within(t, p.giftPressure.windowSeconds * 1000) / p.giftPressure.count;
  const strangerFlood = vulnerable ? 0.5 * Math.min(1, flood) : 0;
  const gifts = vulnerable ? 0.4 * Math.min(1, giftCount) : 0;
  const reports = 1 - Math.pow(0.75, s.reporters.size);
  const pile = vulnerable ? pileRisk(p, s, t) : { risk: 0, viewers: 0 };
  const coordination = pile.risk;
  const risk = 1 - (1 - viewers) * (1 - coordination) * (1 - strangerFlood) * (1 - gifts) * (1 - reports);
  return { viewers, coordination, pileViewers: pile.viewers, strangerFlood, gifts, reports, risk };
}

/** The pile's risk at `t`: 1 - Π(1 - perViewer × weight) over contributors in the window; 0 under minViewers. */
export function pileRisk(p: GuardianPolicy, s: StreamState, t: number): { risk: number; viewers: number } {
  if (s.pile.size === 0) return s.pileCache;
  const cache = s.pileCache;
  // Unchanged until a contribution leaves the window (or the pile changes, which resets `until`).
  if (t >= cache.from && t < cache.until) return cache;
  const windowMs = p.coordination.windowSeconds * 1000;
  let keep = 1;
  let viewers = 0;
  let until = Infinity;
  for (const e of s.pile.values()) {
    if (t < e.at) {
      until = Math.min(until, e.at);
      continue;
    }
    if (t - e.at > windowMs) continue;
    viewers++;
    keep *= 1 - p.coordination.perViewer * e.weight;
    until = Math.min(until, e.at + windowMs + 1);
  }
  const risk = viewers >= p.coordination.minViewers ? 1 - keep : 0;
  s.pileCache = { risk, viewers, from: t, until };
  return s.pileCache;
}

