/** Read models of the guardian's state: what `streamRisk()` and `viewerRisk()` return. */
import type { GuardianPolicy } from './guardian-policy.ts';
import type { StreamState, ViewerState } from './stream-state.ts';
import type { StreamRiskView, ViewerRiskView } from './types.ts';
import { streamComponents } from './viewer-risk.ts';

/** A stream's risk, components, restrictions and riskiest viewers (by peak) at time `t`. */
export function streamRiskView(g: GuardianPolicy, s: StreamState, t: number): StreamRiskView {
  const c = streamComponents(g, s, t);
  const top: ViewerState[] = [];
  // A read, not the hot path: one pass keeping the five highest peaks.
  for (const v of s.viewers.values()) {
    if (v.peak <= 0) continue;
    top.push(v);
    top.sort((a, b) => b.peak - a.peak);
    if (top.length > 5) top.pop();
  }
  return {
    streamId: s.id,
    streamerId: s.streamerId,
    streamerTier: s.streamerTier,
    audience: s.audience,
    risk: s.risk,
    peak: s.peak,
    components: { viewers: c.viewers, strangerFlood: c.strangerFlood, gifts: c.gifts, reports: c.reports },
    restrictions: { connectionsOnly: s.connectionsOnly, giftsDisabled: s.giftsDisabled, paused: s.paused, ended: s.ended },
    viewers: s.viewers.size,
    topViewers: top.map((v) => ({ id: v.id, risk: v.peak })),
  };
}

/** One viewer's risk and what it rests on. */
export function viewerRiskView(streamId: string, v: ViewerState): ViewerRiskView {
  return {
    viewerId: v.id,
    streamId,
    tier: v.tier,
    relation: v.relation,
    risk: v.risk,
    peak: v.peak,
    detectorRisk: v.detectorRisk,
    evidenceRisk: v.evidenceRisk,
    reportRisk: v.reportRisk,
    contextFactor: v.factor,
    categories: [...v.categories.keys()],
    reports: v.reporters.size,
    held: v.held,
    removed: v.removed,
    present: v.present,
  };
}
