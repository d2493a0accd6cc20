/** Read models of the guardian's state: what `streamRisk()` and `viewerRisk()` return. */
import type { GuardianPolicy } from './guardian-policy.ts';
import type { StreamState, ViewerState } from './stream-state.ts';
import type { StreamRiskView, ViewerRiskView } from './types.ts';
import { streamComponents } from './viewer-risk.ts';
import { askKindsOf } from './stream-asks.ts';

/** Most held or removed viewers a view lists. */
const MAX_LISTED = 10_000;
/** Viewers whose categories a view counts (top, then held and removed). */
const MAX_COUNTED = 200;

function listed(ids: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (out.length >= MAX_LISTED) break;
    out.push(id);
  }
  return out;
}

/** How many of the top, held and removed viewers showed each category (dares counted as `dare`). */
function signalCounts(s: StreamState, top: readonly ViewerState[]): { category: string; count: number }[] {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  const count = (v: ViewerState | undefined) => {
    if (!v || seen.has(v.id) || seen.size >= MAX_COUNTED) return;
    seen.add(v.id);
    for (const c of v.categories.keys()) counts.set(c, (counts.get(c) ?? 0) + 1);
    if (v.dares > 0) counts.set('dare', (counts.get('dare') ?? 0) + 1);
  };
  for (const v of top) count(v);
  for (const id of s.removed) count(s.viewers.get(id));
  for (const id of s.held) count(s.viewers.get(id));
  return [...counts].map(([category, count]) => ({ category, count }));
}

/** A stream's risk, components, restrictions and riskiest viewers (by peak) at time `t`. */
export function streamRiskView(g: GuardianPolicy, s: StreamState, t: number, endedAt: number | null = null): StreamRiskView {
  const c = streamComponents(g, s, t);
  const top: ViewerState[] = [];
  // A read, not the hot path: one pass keeping the five highest peaks.
  for (const v of s.viewers.values()) {
    if (v.peak <= 0 || (top.length === 5 && v.peak <= top[4]!.peak)) continue;
    let i = top.length;
    while (i > 0 && top[i - 1]!.peak < v.peak) i--;
    top.splice(i, 0, v);
    if (top.length > 5) top.pop();
  }
  return {
    streamId: s.id,
    streamerId: s.streamerId,
    streamerTier: s.streamerTier,
    audience: s.audience,
    risk: s.risk,
    peak: s.peak,
    peakAt: s.peakAt,
    components: { viewers: c.viewers, coordination: c.coordination, strangerFlood: c.strangerFlood, gifts: c.gifts, reports: c.reports },
    restrictions: { connectionsOnly: s.connectionsOnly, giftsDisabled: s.giftsDisabled, paused: s.paused, ended: s.ended || endedAt !== null },
    ended: endedAt !== null,
    endedAt,
    viewers: s.viewers.size,
    topViewers: top.map((v) => ({ id: v.id, risk: v.peak })),
    signals: signalCounts(s, top),
    heldViewers: listed(s.held),
    removedViewers: listed(s.removed),
    coordinatedViewers: [...s.pile].map(([id, e]) => ({ id, asks: askKindsOf(e.mask) })),
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
    asks: askKindsOf(v.asks),
    reports: v.reporters.size,
    held: v.held,
    removed: v.removed,
    present: v.present,
  };
}
