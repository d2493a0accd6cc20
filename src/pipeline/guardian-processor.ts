/**
 * The live-stream guardian in the pipeline. The guardian is a deterministic state machine; the pipeline keeps
 * one per stream key, so a live stream's viewers, comments, gifts, frames and reports are judged together and
 * in order, and any worker can rebuild it by replaying that stream's events. Age signals and chat messages
 * (for age disclosures) run in a guardian of their own key: account age records are not shared across
 * streams here; the age tier the platform puts on each account reference is used instead.
 */
import type { PlatformEvent } from '../core/events.ts';
import { createGuardian, type FrameMatcher, type Guardian } from '../core/guardian/index.ts';
import type { Policy } from '../core/safety-policy/policy-schema.ts';
import type { EventProcessor, RiskSummary } from './event-processor.ts';

export interface GuardianProcessorOptions {
  policy: Policy;
  frameMatcher?: FrameMatcher;
}

interface GuardianState {
  guardian: Guardian;
  /** Time given to the guardian for an event without `ts` (its received time), so replays agree. */
  clock: { now: number };
}

const streamTypes = new Set<PlatformEvent['type']>(['stream.started', 'stream.ended', 'stream.viewer_joined', 'stream.viewer_left', 'stream.comment', 'stream.gift', 'stream.frame']);

/** stream.*, stream reports, age.* and chat.message (age disclosures) → guardian effects. */
export function createGuardianProcessor(opts: GuardianProcessorOptions): EventProcessor<GuardianState> {
  return {
    name: 'guardian',
    accepts: (event) =>
      streamTypes.has(event.type) ||
      event.type === 'age.signal' ||
      event.type === 'age.appeal' ||
      event.type === 'chat.message' ||
      (event.type === 'report.filed' && (event.streamId !== undefined || event.subject.type === 'stream')),
    init() {
      const clock = { now: 0 };
      const guardian = createGuardian({
        policy: opts.policy,
        ...(opts.frameMatcher ? { frameMatcher: opts.frameMatcher } : {}),
        now: () => clock.now,
        // One guardian per stream key: small bounds keep thousands of them in memory.
        maxSeenEvents: 20_000,
        maxAccounts: 2_000,
        maxEndedStreams: 4,
      });
      return { guardian, clock };
    },
    handle(state, event, ctx) {
      state.clock.now = ctx.receivedAt;
      return state.guardian.handle(event);
    },
    summarize(state, key): RiskSummary | undefined {
      if (key.subjectType !== 'stream') return undefined;
      const view = state.guardian.streamRisk(key.subjectId);
      if (!view) return undefined;
      const counts = new Map<string, number>();
      for (const v of view.topViewers) {
        for (const c of state.guardian.viewerRisk(key.subjectId, v.id)?.categories ?? []) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      const r = view.restrictions;
      return {
        risk: view.risk,
        flagged: view.risk >= opts.policy.guardian.thresholds.restrictStream || r.connectionsOnly || r.giftsDisabled || r.paused,
        signals: [...counts].map(([category, count]) => ({ category, count })),
        detail: { peak: view.peak, components: view.components, restrictions: r, viewers: view.viewers, topViewers: view.topViewers, streamerTier: view.streamerTier, audience: view.audience },
      };
    },
  };
}
