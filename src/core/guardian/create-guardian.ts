/**
 * The live-stream guardian: a pure, deterministic state machine over platform events. Each event updates
 * one stream's state in O(1) (or O(viewers) when a streamer's age tier changes) and returns the new effects
 * it asks for. State is bounded: viewers per stream, evidence per viewer, remembered event ids and ended
 * streams, and accounts with age records.
 */
import { ageEntryFromEvent, chatDisclosureEntry, type AgeEntry } from '../age/age-entry.ts';
import { ageEffects, appendAgeEntry, newAgeRecord, type AgeRecord } from '../age/age-record.ts';
import { fromAuthorTier, tierForAge, toAuthorTier, youngerTier, type AgeTier } from '../age/age-tiers.ts';
import type { Effect, EvidenceRef } from '../effects.ts';
import { eventTime, type AccountRef, type PlatformEvent, type PlatformEventOf } from '../events.ts';
import { createCommentStreamMonitor, detectSignals } from '../grooming/index.ts';
import type { Signal } from '../grooming/types.ts';
import { isConnection } from '../safety-policy/relations.ts';
import { createSafetyChecks, type CheckStream } from '../safety-policy/safety-checks.ts';
import { BoundedSet } from './bounded-set.ts';
import { addToPile, pileLadder } from './coordination.ts';
import { streamAsksIn } from './stream-asks.ts';
import { handleFrame, handleReport } from './frame-and-report.ts';
import { disableGifts, emit, restrict, streamLadder, viewerLadder, viewerWords, type LadderContext } from './interventions.ts';
import { newStreamState, newViewerState, pushEvidence, type StreamState, type ViewerState } from './stream-state.ts';
import { streamRiskView, viewerRiskView } from './read-models.ts';
import type { Guardian, GuardianOptions, StreamRiskView } from './types.ts';
import { contextFactor, updateViewerRisk } from './viewer-risk.ts';

/** The tier a platform gives in an account reference (`ageTier` wins over the coarse `tier`). */
function platformTier(ref: AccountRef): AgeTier {
  return ref.ageTier ?? (ref.tier !== undefined ? fromAuthorTier(ref.tier) : 'unknown');
}

function parseTime(ts: number | string | undefined): number | null {
  if (ts === undefined) return null;
  const t = typeof ts === 'number' ? ts : Date.parse(ts);
  return Number.isFinite(t) ? t : null;
}

function signalEvidence(eventId: string, signals: readonly Signal[]): EvidenceRef {
  return { kind: 'signal', id: eventId, summary: signals.map((x) => `${x.category}: “${x.text}”`).join('; ') };
}

/** Creates a guardian for a policy. */
export function createGuardian(opts: GuardianOptions): Guardian {
  const policy = opts.policy;
  const g = policy.guardian;
  const checks = createSafetyChecks(policy);
  const chatAges = opts.chatAgeDisclosures ?? true;
  const streams = new Map<string, StreamState>();
  const accounts = new Map<string, AgeRecord>();
  const platformTiers = new Map<string, AgeTier>();
  const liveByAccount = new Map<string, Set<string>>();
  const seen = new BoundedSet(opts.maxSeenEvents ?? 200_000);
  /** Ended streams: their last state for reviewers and the checks, the oldest forgotten beyond the bound. */
  const endedStreams = new Map<string, { view: StreamRiskView; access: CheckStream }>();
  const maxEnded = opts.maxEndedStreams ?? 20_000;
  const maxAccounts = opts.maxAccounts ?? 200_000;
  let lastTime = 0;

  function tierOf(id: string): AgeTier {
    const platform = platformTiers.get(id) ?? 'unknown';
    const decided = accounts.get(id)?.decision.tier ?? 'unknown';
    if (decided === 'unknown') return platform;
    if (platform === 'unknown') return decided;
    return youngerTier(decided, platform);
  }

  function remember(ref: AccountRef): AgeTier {
    const p = platformTier(ref);
    if (p !== 'unknown' || !platformTiers.has(ref.id)) platformTiers.set(ref.id, p);
    if (platformTiers.size > maxAccounts) platformTiers.delete(platformTiers.keys().next().value as string);
    return tierOf(ref.id);
  }

  function link(accountId: string, streamId: string, on: boolean): void {
    let set = liveByAccount.get(accountId);
    if (on) {
      if (!set) liveByAccount.set(accountId, (set = new Set()));
      set.add(streamId);
    } else if (set) {
      set.delete(streamId);
      if (set.size === 0) liveByAccount.delete(accountId);
    }
  }

  function accessOf(s: StreamState): CheckStream {
    return {
      streamerTier: s.streamerTier,
      audience: s.audience,
      ended: s.ended,
      paused: s.paused,
      connectionsOnly: s.connectionsOnly,
      giftsDisabled: s.giftsDisabled,
      removedViewers: s.removed,
      heldViewers: s.held,
    };
  }

  /**
   * Enforces who may go live: a public stream by someone the policy does not allow to stream publicly is
   * restricted to connections (an unknown age also gets an age check). Policy alone never pauses a stream:
   * the platform's own `canGoLive` gate is the place to refuse; here the stream is already live.
   */
  function checkLive(ctx: LadderContext, s: StreamState, evidence: EvidenceRef[]): void {
    const r = checks.canGoLive({ tier: s.streamerTier }, s.audience);
    if (r.allow) return;
    const reasons = [`policy: ${r.reason} (streamer tier ${s.streamerTier})`];
    if (r.code === 'age_check_required') {
      emit(s, ctx.out, {
        kind: 'require_age_check',
        target: { type: 'account', id: s.streamerId },
        scope: { type: 'stream', id: s.id },
        severity: 'medium',
        reasons,
        evidence,
        dedupeKey: `${s.id}:require_age_check:account:${s.streamerId}`,
      });
    }
    restrict(ctx, s, reasons, evidence);
  }

  /** Re-weighs every viewer after the streamer's tier changed, then re-runs the ladders. */
  function reassess(ctx: LadderContext, s: StreamState, t: number, evidence: EvidenceRef[]): void {
    checkLive(ctx, s, evidence);
    for (const v of s.viewers.values()) {
      v.factor = contextFactor(g, v, s.streamerTier, t);
      updateViewerRisk(g, s, v);
      viewerLadder(ctx, s, v);
    }
    streamLadder(ctx, s, t, evidence);
  }

  /** Appends an age entry for an account and follows a tier change into its live streams. */
  function applyAge(ctx: LadderContext, accountId: string, entry: AgeEntry, t: number): void {
    const before = accounts.get(accountId) ?? newAgeRecord(accountId, policy.age);
    const after = appendAgeEntry(before, entry, policy.age);
    if (after === before) return;
    accounts.delete(accountId);
    accounts.set(accountId, after);
    if (accounts.size > maxAccounts) accounts.delete(accounts.keys().next().value as string);
    ctx.out.push(...ageEffects(accountId, before.decision, after.decision, entry));
    const live = liveByAccount.get(accountId);
    if (!live) return;
    const tier = tierOf(accountId);
    const evidence: EvidenceRef[] = [{ kind: 'age_signal', id: entry.id, summary: after.decision.reasons[0] ?? 'age decision changed' }];
    for (const sid of live) {
      const s = streams.get(sid);
      if (!s || s.ended) continue;
      if (s.streamerId === accountId && s.streamerTier !== tier) {
        s.streamerTier = tier;
        reassess(ctx, s, t, evidence);
      } else {
        const v = s.viewers.get(accountId);
        if (v && v.tier !== tier) {
          v.tier = tier;
          v.factor = contextFactor(g, v, s.streamerTier, t);
          updateViewerRisk(g, s, v);
          viewerLadder(ctx, s, v);
          streamLadder(ctx, s, t, evidence);
        }
      }
    }
  }

  /** Ages an account states about itself in text: recorded when they say something new about its tier. */
  function disclosures(ctx: LadderContext, accountId: string, eventId: string, signals: readonly Signal[], t: number): void {
    if (!chatAges) return;
    for (const sig of signals) {
      if (sig.category !== 'age_disclosure' || sig.disclosedAge === undefined) continue;
      const entry = chatDisclosureEntry(`${eventId}#age`, t, sig.disclosedAge);
      opts.onAgeDisclosure?.(accountId, entry);
      if (tierForAge(sig.disclosedAge) === tierOf(accountId)) continue;
      applyAge(ctx, accountId, entry, t);
    }
  }

  function viewerOf(s: StreamState, ref: AccountRef, t: number): ViewerState {
    let v = s.viewers.get(ref.id);
    const tier = remember(ref);
    if (v) {
      if ((ref.priorFlags !== undefined && ref.priorFlags !== v.priorFlags) || v.tier !== tier) {
        v.priorFlags = ref.priorFlags ?? v.priorFlags;
        v.tier = tier;
        v.factor = contextFactor(g, v, s.streamerTier, t);
      }
      return v;
    }
    if (s.viewers.size >= g.maxViewersPerStream) evict(s);
    v = newViewerState(ref.id, tier, parseTime(ref.createdAt), ref.priorFlags ?? 0, g.giftPressure.count);
    v.factor = contextFactor(g, v, s.streamerTier, t);
    s.viewers.set(ref.id, v);
    link(ref.id, s.id, true);
    return v;
  }

  /**
   * Forgets a viewer that is harmless to forget: among the 64 oldest, one who left and stayed quiet, else a
   * quiet one, else the oldest. Looking at a fixed number keeps a join at capacity O(1).
   */
  function evict(s: StreamState): void {
    let victim: ViewerState | undefined;
    let looked = 0;
    for (const v of s.viewers.values()) {
      if (++looked > 64) break;
      if (v.held || v.removed || v.peak >= g.thresholds.viewerFloor) continue;
      if (!v.present) {
        victim = v;
        break;
      }
      victim ??= v;
    }
    victim ??= s.viewers.values().next().value as ViewerState;
    s.viewerLogSum -= victim.term;
    s.viewers.delete(victim.id);
    link(victim.id, s.id, false);
  }

  function addCategories(v: ViewerState, signals: readonly Signal[]): void {
    for (const sig of signals) {
      if (sig.category === 'age_disclosure') continue;
      let category = sig.category;
      if (g.imminentCategories.includes(category)) {
        // A weak threat phrase ("or else", "you have to show") presses; a strong one is imminent risk.
        if (sig.weight >= g.imminentMinWeight) v.imminent = true;
        else category = 'stream_pressure';
      }
      const seen = v.categories.get(category) ?? 0;
      v.categories.set(category, seen + 1);
      if (seen >= 4) continue;
      v.evidenceRisk = 1 - (1 - v.evidenceRisk) * (1 - g.categoryFloors[category] / 2 ** seen);
    }
  }

  /**
   * What a comment (or a gift's message) asks of the streamer: stream-only threats join the signals, a dare
   * adds its own evidence, and the asks go into the stream's pile of coordinated viewers.
   */
  function streamAsks(ctx: LadderContext, s: StreamState, v: ViewerState, eventId: string, text: string, found: readonly Signal[], t: number, withGift: boolean): void {
    const asks = streamAsksIn(text, found, withGift);
    let signals = found;
    if (asks.threat) {
      signals = [...found, asks.threat];
      addCategories(v, [asks.threat]);
    }
    if (asks.dare) {
      if (v.dares < 4) v.evidenceRisk = 1 - (1 - v.evidenceRisk) * (1 - g.coordination.dareFloor / 2 ** v.dares);
      v.dares++;
    }
    if (signals.length > 0 || asks.dare) {
      const ev = signalEvidence(eventId, signals);
      if (asks.dare) ev.summary = `${ev.summary ? ev.summary + '; ' : ''}dare for ${asks.dare.reward === 'unspecified' ? 'the audience' : asks.dare.reward}: “${asks.dare.text}”`;
      pushEvidence(v.evidence, ev);
      v.asks |= asks.mask;
      if (addToPile(g, s, v, asks.mask, t, ev)) pileLadder(ctx, s, t);
    }
  }

  function onStarted(ctx: LadderContext, e: PlatformEventOf<'stream.started'>, t: number): void {
    if (streams.has(e.streamId) || endedStreams.has(e.streamId)) return;
    const tier = remember(e.streamer);
    const monitor = createCommentStreamMonitor({ streamerTier: toAuthorTier(tier), maxViewers: g.maxViewersPerStream });
    const s = newStreamState(e.streamId, e.streamer.id, tier, e.streamer.country, e.audience, t, monitor, g);
    streams.set(s.id, s);
    link(s.streamerId, s.id, true);
    checkLive(ctx, s, [{ kind: 'event', id: e.id, summary: `stream started (${e.audience}) by ${s.streamerId}` }]);
  }

  function onEnded(e: PlatformEventOf<'stream.ended'>, t: number): void {
    const s = streams.get(e.streamId);
    if (!s) return;
    streams.delete(s.id);
    // The last state stays readable (risk, peak, signals, viewers acted on); the live state is dropped.
    endedStreams.set(s.id, { view: streamRiskView(g, s, t, t), access: { ...accessOf(s), ended: true } });
    if (endedStreams.size > maxEnded) endedStreams.delete(endedStreams.keys().next().value as string);
    link(s.streamerId, s.id, false);
    for (const id of s.viewers.keys()) link(id, s.id, false);
  }

  function onJoined(ctx: LadderContext, s: StreamState, e: PlatformEventOf<'stream.viewer_joined'>, t: number): void {
    const v = viewerOf(s, e.viewer, t);
    v.relation = e.connection;
    v.present = true;
    v.factor = contextFactor(g, v, s.streamerTier, t);
    updateViewerRisk(g, s, v);
    const evidence: EvidenceRef[] = [{ kind: 'event', id: e.id, summary: `${viewerWords(v)} joined` }];
    // Only the audience the stream was started with is checked here; after `restrict_stream` the platform
    // turns strangers away itself, and those it still lets in are judged by what they do.
    const view = checks.canView({ id: v.id, tier: v.tier, relation: v.relation }, { streamerTier: s.streamerTier, audience: s.audience });
    if (!view.allow && view.code === 'not_connected') {
      // The platform let in someone the stream's audience excludes: take them out, no accusation meant.
      emit(s, ctx.out, {
        kind: 'remove_viewer',
        target: { type: 'account', id: v.id },
        scope: { type: 'stream', id: s.id },
        severity: 'low',
        reasons: [`policy: ${view.reason}`],
        evidence,
        dedupeKey: `${s.id}:remove_viewer:account:${v.id}`,
      });
      v.removed = true;
      s.removed.add(v.id);
      updateViewerRisk(g, s, v);
      return;
    }
    if (s.streamerTier !== 'adult' && !isConnection(v.relation) && (v.tier === 'adult' || v.tier === 'unknown')) {
      const n = s.strangerJoins.add(t, g.strangerFlood.windowSeconds * 1000);
      if (n >= g.strangerFlood.count) {
        restrict(ctx, s, [`${n} accounts with no connection to ${s.streamerId} joined within ${g.strangerFlood.windowSeconds} s on a stream by a young or unverified streamer`], evidence);
      }
    }
    viewerLadder(ctx, s, v);
    streamLadder(ctx, s, t, evidence);
  }

  function onComment(ctx: LadderContext, s: StreamState, e: PlatformEventOf<'stream.comment'>, t: number): void {
    if (e.author.id === s.streamerId) {
      remember(e.author);
      disclosures(ctx, s.streamerId, e.id, detectSignals(e.text), t);
      return;
    }
    const v = viewerOf(s, e.author, t);
    if (v.removed) return;
    const r = s.monitor.push({ author: v.id, text: e.text, ts: t, authorTier: toAuthorTier(v.tier) });
    v.detectorRisk = r.viewer.risk;
    v.comments++;
    const signals = r.viewer.newSignals;
    if (signals.length > 0) {
      addCategories(v, signals);
      disclosures(ctx, v.id, e.id, signals, t);
    }
    streamAsks(ctx, s, v, e.id, e.text, signals, t, false);
    updateViewerRisk(g, s, v);
    viewerLadder(ctx, s, v);
    streamLadder(ctx, s, t, signals.length > 0 ? [signalEvidence(e.id, signals)] : []);
  }

  function onGift(ctx: LadderContext, s: StreamState, e: PlatformEventOf<'stream.gift'>, t: number): void {
    const v = viewerOf(s, e.from, t);
    const evidence: EvidenceRef[] = [{ kind: 'event', id: e.id, summary: `gift ${e.amount}${e.currency ? ' ' + e.currency : ''} from ${v.id}${e.message ? `: “${e.message}”` : ''}` }];
    const allowed = checks.canGift({ id: v.id, tier: v.tier, relation: v.relation }, accessOf(s));
    if (!allowed.allow && (allowed.code === 'gifts_off' || allowed.code === 'stream_restricted')) {
      disableGifts(ctx, s, [`policy: ${allowed.reason} (streamer tier ${s.streamerTier})`], evidence);
    }
    if (!isConnection(v.relation) && s.streamerTier !== 'adult') {
      const mine = v.gifts.add(t, g.giftPressure.windowSeconds * 1000);
      s.strangerGifts.add(t, g.giftPressure.windowSeconds * 1000);
      addCategories(v, [{ category: 'gifts', messageIndex: 0, text: 'gift', start: 0, end: 0, weight: 0, language: 'en' }]);
      pushEvidence(v.evidence, evidence[0]!);
      if (mine >= g.giftPressure.count) {
        disableGifts(ctx, s, [`${viewerWords(v)} sent ${mine} gifts within ${g.giftPressure.windowSeconds} s to a stream by a young or unverified streamer`], evidence);
      }
    }
    if (e.message !== undefined && e.message.length > 0 && !v.removed) {
      const r = s.monitor.push({ author: v.id, text: e.message, ts: t, authorTier: toAuthorTier(v.tier) });
      v.detectorRisk = r.viewer.risk;
      v.comments++;
      const signals = r.viewer.newSignals;
      if (signals.length > 0) addCategories(v, signals);
      streamAsks(ctx, s, v, e.id, e.message, signals, t, !isConnection(v.relation));
    }
    updateViewerRisk(g, s, v);
    viewerLadder(ctx, s, v);
    streamLadder(ctx, s, t, evidence);
  }

  function handle(event: PlatformEvent): Effect[] {
    if (seen.has(event.id)) return [];
    seen.add(event.id);
    const t = eventTime(event.ts, opts.now ? opts.now() : lastTime);
    if (t > lastTime) lastTime = t;
    const ctx: LadderContext = { policy, country: opts.country, out: [] };
    switch (event.type) {
      case 'stream.started':
        onStarted(ctx, event, t);
        break;
      case 'stream.ended':
        onEnded(event, t);
        break;
      case 'age.signal':
      case 'age.appeal':
        remember(event.account);
        applyAge(ctx, event.account.id, ageEntryFromEvent(event, t), t);
        break;
      case 'chat.message':
        remember(event.author);
        disclosures(ctx, event.author.id, event.id, chatAges ? detectSignals(event.text) : [], t);
        break;
      case 'report.filed':
        handleReport(ctx, streams, event, t);
        break;
      case 'account.profile':
        // Profile text goes to the outside-list processor (src/pipeline/list-processor.ts); the guardian keeps
        // only who the account is.
        remember(event.account);
        break;
      default: {
        const s = streams.get(event.streamId);
        if (!s || s.ended) break;
        s.now = t;
        if (event.type === 'stream.viewer_joined') onJoined(ctx, s, event, t);
        else if (event.type === 'stream.viewer_left') {
          const v = s.viewers.get(event.viewerId);
          if (v) {
            v.present = false;
            updateViewerRisk(g, s, v);
          }
        } else if (event.type === 'stream.comment') onComment(ctx, s, event, t);
        else if (event.type === 'stream.gift') onGift(ctx, s, event, t);
        else handleFrame(ctx, s, event, opts.frameMatcher, opts.frameClassifier);
      }
    }
    return ctx.out;
  }

  return {
    handle,
    streamRisk(streamId) {
      const s = streams.get(streamId);
      return s ? streamRiskView(g, s, lastTime) : endedStreams.get(streamId)?.view;
    },
    viewerRisk(streamId, viewerId) {
      const v = streams.get(streamId)?.viewers.get(viewerId);
      return v ? viewerRiskView(streamId, v) : undefined;
    },
    streamAccess(streamId) {
      const s = streams.get(streamId);
      return s ? accessOf(s) : endedStreams.get(streamId)?.access;
    },
    ageDecision: (accountId) => accounts.get(accountId)?.decision,
    liveStreams: () => streams.size,
  };
}
