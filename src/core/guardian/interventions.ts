/**
 * The intervention ladder: from a viewer's or a stream's risk to effects, each with reasons and evidence,
 * each asked for at most once per stream (its dedupeKey is remembered on the stream).
 */
import { isMinorTier } from '../age/age-tiers.ts';
import { isTrustedRole } from '../safety-policy/relations.ts';
import type { Effect, EvidenceRef, Severity } from '../effects.ts';
import type { Policy } from '../safety-policy/policy-schema.ts';
import { supportFor } from '../support/support-for.ts';
import type { SupportTopic } from '../support/support-messages.ts';
import type { StreamState, ViewerState } from './stream-state.ts';
import { streamComponents, updateViewerRisk } from './viewer-risk.ts';
import { pileReason } from './pile-words.ts';

export interface LadderContext {
  policy: Policy;
  /** Country for help resources when the streamer's account carries none. */
  country: string | undefined;
  out: Effect[];
}

const f2 = (x: number) => x.toFixed(2);
const streamTarget = (s: StreamState) => ({ type: 'stream' as const, id: s.id });
const streamScope = streamTarget;

/** Pushes `e` unless the stream already asked for it; returns whether it was new. */
export function emit(s: StreamState, out: Effect[], e: Effect): boolean {
  if (s.emitted.has(e.dedupeKey)) return false;
  s.emitted.add(e.dedupeKey);
  out.push(e);
  return true;
}

function stdEffect(s: StreamState, kind: Effect['kind'], target: Effect['target'], severity: Severity, reasons: string[], evidence: EvidenceRef[]): Effect {
  const e: Effect = { kind, target, severity, reasons, evidence, dedupeKey: `${s.id}:${kind}:${target.type}:${target.id}` };
  if (target.type !== 'stream') e.scope = streamScope(s);
  return e;
}

/** Who the streamer is, in words, for reasons. */
export function streamerWords(s: StreamState): string {
  if (s.streamerTier === 'under13') return 'a streamer under 13';
  if (isMinorTier(s.streamerTier)) return `a streamer aged ${s.streamerTier}`;
  return s.streamerTier === 'adult' ? 'an adult streamer' : 'a streamer of unknown age';
}

/** Who the viewer is, in words, for reasons. */
export function viewerWords(v: ViewerState): string {
  const rel = v.relation === 'none' ? 'no connection' : v.relation;
  const flags = v.priorFlags > 0 ? `, ${v.priorFlags} earlier flag${v.priorFlags > 1 ? 's' : ''}` : '';
  return `viewer ${v.id} (${rel}, age ${v.tier}${flags})`;
}

/** A supportive nudge to the streamer, worded for their age and country. */
export function nudge(ctx: LadderContext, s: StreamState, topic: SupportTopic, reasons: string[], evidence: EvidenceRef[]): void {
  if (s.emitted.has(`${s.id}:nudge_user:${topic}`)) return;
  const e: Effect = {
    kind: 'nudge_user',
    target: { type: 'account', id: s.streamerId },
    scope: streamScope(s),
    severity: 'info',
    reasons,
    evidence,
    support: supportFor(topic, s.streamerTier, s.streamerCountry ?? ctx.country, ctx.policy.support),
    dedupeKey: `${s.id}:nudge_user:${topic}`,
  };
  emit(s, ctx.out, e);
}

/** Restricts the stream to connections (when it is not already) and tells the streamer why. */
export function restrict(ctx: LadderContext, s: StreamState, reasons: string[], evidence: EvidenceRef[]): void {
  if (s.connectionsOnly || s.audience !== 'public' || s.ended) return;
  s.connectionsOnly = true;
  emit(s, ctx.out, stdEffect(s, 'restrict_stream', streamTarget(s), 'medium', reasons, evidence));
  nudge(ctx, s, 'stream_restricted', reasons, evidence);
}

/** Pauses the stream for review and tells the streamer they are not in trouble. */
export function pause(ctx: LadderContext, s: StreamState, reasons: string[], evidence: EvidenceRef[]): void {
  if (s.paused || s.ended) return;
  s.paused = true;
  emit(s, ctx.out, stdEffect(s, 'pause_stream', streamTarget(s), 'high', reasons, evidence));
  emit(s, ctx.out, stdEffect(s, 'enqueue_review', streamTarget(s), 'high', reasons, evidence));
  nudge(ctx, s, 'stream_paused', reasons, evidence);
}

/** Imminent risk: end the stream and escalate to the platform's urgent safety team. */
export function endAndEscalate(ctx: LadderContext, s: StreamState, reasons: string[], evidence: EvidenceRef[]): void {
  if (s.ended) return;
  s.ended = true;
  emit(s, ctx.out, stdEffect(s, 'end_stream', streamTarget(s), 'critical', reasons, evidence));
  emit(s, ctx.out, stdEffect(s, 'escalate', streamTarget(s), 'critical', [...reasons, 'imminent risk: a person should act now'], evidence));
  nudge(ctx, s, 'stream_paused', reasons, evidence);
}

/** Turns gifts off on the stream. */
export function disableGifts(ctx: LadderContext, s: StreamState, reasons: string[], evidence: EvidenceRef[]): void {
  if (s.giftsDisabled || s.ended) return;
  s.giftsDisabled = true;
  emit(s, ctx.out, stdEffect(s, 'disable_gifts', streamTarget(s), 'medium', reasons, evidence));
}

/** Removes (and blocks) a viewer from the stream; a person reviews the viewer's account. */
export function removeViewer(ctx: LadderContext, s: StreamState, v: ViewerState, reasons: string[], severity: Severity = 'high', evidence: EvidenceRef[] = v.evidence): void {
  if (v.removed) return;
  v.removed = true;
  s.removed.add(v.id);
  updateViewerRisk(ctx.policy.guardian, s, v);
  const target = { type: 'account' as const, id: v.id };
  emit(s, ctx.out, stdEffect(s, 'remove_viewer', target, severity, reasons, evidence.slice()));
  if (severity !== 'low') emit(s, ctx.out, stdEffect(s, 'enqueue_review', target, severity, reasons, evidence.slice()));
}

function signalWords(v: ViewerState): string {
  const words = [...v.categories].map(([c, n]) => (n > 1 ? `${c} ×${n}` : c));
  if (v.dares > 0) words.push(v.dares > 1 ? `dare for likes or gifts ×${v.dares}` : 'dare for likes or gifts');
  return `signals: ${words.join(', ') || 'none'}`;
}

/** The viewer's rungs: nudge the streamer, hold the viewer's comments, remove the viewer, end and escalate. */
export function viewerLadder(ctx: LadderContext, s: StreamState, v: ViewerState): void {
  if (v.removed || s.ended) return;
  const g = ctx.policy.guardian;
  const th = g.thresholds;
  // Reasons are built only when a rung is reached: this runs on every comment.
  const why = (level: string, at: number) => [
    `${viewerWords(v)} on a stream by ${streamerWords(s)}: risk ${f2(v.risk)} reached the ${level} level ${f2(at)}`,
    signalWords(v),
    'a candidate for human review, not an accusation',
  ];
  if (v.risk >= th.nudge && !s.emitted.has(`${s.id}:nudge_user:stream_risk`)) nudge(ctx, s, 'stream_risk', why('nudge', th.nudge), v.evidence.slice());
  // A clear threat on a young or unverified streamer's stream is imminent risk whoever makes it, except people the
  // platform vouches for (a friend's account can be the one threatening); elsewhere it needs the hold level.
  if (v.imminent && (v.risk >= th.holdComments || (s.streamerTier !== 'adult' && !isTrustedRole(v.relation)))) {
    endAndEscalate(ctx, s, why('hold', th.holdComments).concat(`imminent-risk signal: ${g.imminentCategories.filter((c) => v.categories.has(c)).join(', ')}`), v.evidence.slice());
    removeViewer(ctx, s, v, [`${viewerWords(v)}: imminent-risk signal on the stream`, signalWords(v)], 'critical');
    return;
  }
  if (v.risk >= th.holdComments && !v.held) {
    v.held = true;
    s.held.add(v.id);
    updateViewerRisk(g, s, v);
    emit(s, ctx.out, stdEffect(s, 'hold_comments', { type: 'account', id: v.id }, 'medium', why('hold', th.holdComments), v.evidence.slice()));
  }
  if (v.risk >= th.removeViewer && g.removeCategories.some((c) => v.categories.has(c))) {
    removeViewer(ctx, s, v, why('remove', th.removeViewer));
  }
}

/** The stream's rungs: nudge, restrict to connections, pause. Adults' streams only get nudges and reviews. */
export function streamLadder(ctx: LadderContext, s: StreamState, t: number, evidence: EvidenceRef[]): void {
  if (s.ended) return;
  const g = ctx.policy.guardian;
  const th = g.thresholds;
  const c = streamComponents(g, s, t);
  s.risk = c.risk;
  if (c.risk > s.peak) {
    s.peak = c.risk;
    s.peakAt = t;
  }
  if (c.risk < th.nudge && c.risk < th.restrictStream && c.risk < th.pauseStream) return;
  const why = (level: string, at: number) => {
    const r = [
      `stream by ${streamerWords(s)}: risk ${f2(c.risk)} reached the ${level} level ${f2(at)} (viewers ${f2(c.viewers)}, coordinated viewers ${f2(c.coordination)}, stranger influx ${f2(c.strangerFlood)}, gifts ${f2(c.gifts)}, reports ${f2(c.reports)})`,
    ];
    if (c.coordination > 0) r.push(pileReason(g, s, t, c.coordination, c.pileViewers));
    return r;
  };
  if (c.risk >= th.nudge && !s.emitted.has(`${s.id}:nudge_user:stream_risk`)) nudge(ctx, s, 'stream_risk', why('nudge', th.nudge), evidence);
  if (s.streamerTier === 'adult') return;
  // Reasons are built only for a rung not yet taken: this runs on every event of a risky stream.
  if (c.risk >= th.restrictStream && !s.connectionsOnly && s.audience === 'public') restrict(ctx, s, why('restrict', th.restrictStream), evidence);
  if (c.risk >= th.pauseStream && !s.paused) pause(ctx, s, why('pause', th.pauseStream), evidence);
}
