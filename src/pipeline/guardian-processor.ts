/**
 * The live-stream guardian in the pipeline. The guardian is a deterministic state machine; the pipeline keeps
 * one per stream key, so a live stream's viewers, comments, gifts, frames and reports are judged together and
 * in order, and any worker can rebuild it by replaying that stream's events. Age signals and chat messages
 * (for age disclosures) run in a guardian of their own key: account age records are not shared across
 * streams here; the age tier the platform puts on each account reference is used instead.
 *
 * Ages stated in chat messages and comments ("i'm 12") are recorded durably through `ctx.recordAge` (once per
 * account and age per key), so the age read model and the action checks see them in every process.
 * A stream's summary carries its held and removed viewers, which the action checks read. After `stream.ended`
 * the summary keeps the stream's last state and peak, marked ended with the end time.
 */
import type { AgeSignalEntry } from '../core/age/age-entry.ts';
import type { PlatformEvent } from '../core/events.ts';
import { createGuardian, type FrameMatcher, type Guardian } from '../core/guardian/index.ts';
import type { Policy } from '../core/safety-policy/policy-schema.ts';
import type { EventProcessor, ProcessorContext, RiskSummary } from './event-processor.ts';

export interface GuardianProcessorOptions {
  policy: Policy;
  frameMatcher?: FrameMatcher;
}

interface GuardianState {
  guardian: Guardian;
  /** Time given to the guardian for an event without `ts` (its received time), so replays agree. */
  clock: { now: number };
  /** Age disclosures the guardian reported for the event being handled. */
  disclosures: { accountId: string; entry: AgeSignalEntry }[];
  /** The last age recorded per account on this key: a repeat is not recorded again. */
  recorded: Map<string, number>;
}

/** Accounts whose last recorded age one key remembers. */
const maxRecordedAccounts = 2_000;

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
      const disclosures: GuardianState['disclosures'] = [];
      const guardian = createGuardian({
        policy: opts.policy,
        ...(opts.frameMatcher ? { frameMatcher: opts.frameMatcher } : {}),
        now: () => clock.now,
        onAgeDisclosure: (accountId, entry) => disclosures.push({ accountId, entry }),
        // One guardian per stream key: small bounds keep thousands of them in memory.
        maxSeenEvents: 20_000,
        maxAccounts: 2_000,
        maxEndedStreams: 4,
      });
      return { guardian, clock, disclosures, recorded: new Map() };
    },
    handle(state, event, ctx) {
      state.clock.now = ctx.receivedAt;
      state.disclosures.length = 0;
      const effects = state.guardian.handle(event);
      if (state.disclosures.length > 0) recordDisclosures(state, ctx);
      return effects;
    },
    summarize(state, key): RiskSummary | undefined {
      if (key.subjectType !== 'stream') return undefined;
      const view = state.guardian.streamRisk(key.subjectId);
      if (!view) return undefined;
      const th = opts.policy.guardian.thresholds.restrictStream;
      const r = view.restrictions;
      // Acted on, or over the restrict level at any time: a candidate for review, also after the stream ended.
      const actedOn = r.connectionsOnly || r.giftsDisabled || r.paused || (r.ended && !view.ended) || view.heldViewers.length > 0 || view.removedViewers.length > 0;
      return {
        risk: view.risk,
        flagged: view.risk >= th || view.peak >= th || actedOn,
        signals: view.signals,
        ...(view.ended ? { ended: true, endedAt: view.endedAt ?? undefined } : {}),
        detail: {
          peak: view.peak,
          peakAt: view.peakAt,
          peakFlagged: view.peak >= th,
          components: view.components,
          restrictions: r,
          viewers: view.viewers,
          topViewers: view.topViewers,
          streamerTier: view.streamerTier,
          audience: view.audience,
          // Read by the action checks (POST /v1/checks/comment, /gift) through the stream read model.
          heldViewers: view.heldViewers,
          removedViewers: view.removedViewers,
          coordinatedViewers: view.coordinatedViewers,
          ended: view.ended,
          endedAt: view.endedAt,
        },
      };
    },
  };
}

/** Hands the event's age disclosures to the worker, skipping an age already recorded for the account here. */
function recordDisclosures(state: GuardianState, ctx: ProcessorContext): void {
  let lastId: string | undefined;
  for (const { accountId, entry } of state.disclosures) {
    if (entry.age === undefined || entry.id === lastId || state.recorded.get(accountId) === entry.age) continue;
    lastId = entry.id;
    state.recorded.delete(accountId);
    state.recorded.set(accountId, entry.age);
    if (state.recorded.size > maxRecordedAccounts) state.recorded.delete(state.recorded.keys().next().value as string);
    // On replay the entry was stored when the event was first processed; only the memory above is rebuilt.
    if (!ctx.replay) ctx.recordAge?.({ accountId, id: entry.id, method: 'chat_disclosure', age: entry.age, at: entry.at });
  }
  state.disclosures.length = 0;
}
