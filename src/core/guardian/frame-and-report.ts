/** Frames (known-content matches, the optional classifier) and viewer reports on a live stream. */
import type { EvidenceRef } from '../effects.ts';
import type { PlatformEventOf } from '../events.ts';
import { emit, endAndEscalate, pause, restrict, streamLadder, viewerLadder, viewerWords, type LadderContext } from './interventions.ts';
import { addBounded, pushEvidence, MAX_REPORTERS, type StreamState, type ViewerState } from './stream-state.ts';
import type { FrameClassifier, FrameMatcher, KnownMatch } from './types.ts';
import { updateViewerRisk } from './viewer-risk.ts';
import { describeVariant } from '../pdq/robust-variants.ts';
import { judgeStreamVideo, noteVideoFrame, onlyVideoFrames } from './stream-videos.ts';

/** A known-content match ends the stream, preserves the frame and opens a case; a classifier hit pauses it. */
export function handleFrame(
  ctx: LadderContext,
  s: StreamState,
  e: PlatformEventOf<'stream.frame'>,
  matcher: FrameMatcher | undefined,
  classifier: FrameClassifier | undefined,
): void {
  let matches = e.pdq !== undefined && matcher ? matcher(e.pdq.toLowerCase()) : [];
  // Robust query variants (a trimmed border, un-cropped, mirrored): the first that matches counts.
  let variant: string | undefined;
  for (const v of matcher && matches.length === 0 ? (e.pdqVariants ?? []) : []) {
    matches = matcher!(v.hash.toLowerCase());
    if (matches.length > 0) {
      variant = v.name;
      break;
    }
  }
  const frame = { type: 'frame' as const, id: e.id };
  const scope = { type: 'stream' as const, id: s.id };
  if (e.pdq !== undefined) s.frames++;
  if (onlyVideoFrames(matches)) {
    videoFrame(ctx, s, e, matches, variant);
    return;
  }
  if (matches.length > 0) {
    const evidence: EvidenceRef[] = matches.slice(0, 5).map((m) => ({
      kind: 'bank_match',
      id: m.id,
      summary: `${m.bank ?? 'bank'} entry ${m.id}${m.category ? ` (${m.category})` : ''}, PDQ distance ${m.distance}${variant ? `, matched ${describeVariant(variant)}` : ''}`,
    }));
    evidence.unshift({ kind: 'frame', id: e.id, summary: `frame of stream ${s.id}${e.pdq ? `, PDQ ${e.pdq}` : ''}` });
    if (e.contentId !== undefined) evidence.splice(1, 0, sealedFrame(e.contentId));
    const reasons = [`a frame of this stream matches known content (${matches.length} bank match${matches.length > 1 ? 'es' : ''}, closest distance ${Math.min(...matches.map((m) => m.distance))})`];
    s.ended = true;
    s.paused = true;
    const key = (k: string, t: { type: string; id: string }) => `${s.id}:${k}:${t.type}:${t.id}`;
    const streamT = { type: 'stream' as const, id: s.id };
    emit(s, ctx.out, { kind: 'end_stream', target: streamT, severity: 'critical', reasons, evidence, dedupeKey: key('end_stream', streamT) });
    emit(s, ctx.out, { kind: 'preserve_evidence', target: frame, scope, severity: 'critical', reasons, evidence, dedupeKey: key('preserve_evidence', frame) });
    emit(s, ctx.out, { kind: 'open_case', target: streamT, severity: 'critical', reasons, evidence, dedupeKey: key('open_case', streamT) });
    return;
  }
  if (!classifier) return;
  const th = ctx.policy.guardian.thresholds.frameClassifier;
  const hits = classifier(e).filter((l) => l.score >= th);
  if (hits.length === 0) return;
  const reasons = [`the frame classifier scored ${hits.map((h) => `${h.label} ${h.score.toFixed(2)}`).join(', ')} (pause at ${th.toFixed(2)}): a person checks`];
  const evidence: EvidenceRef[] = [{ kind: 'frame', id: e.id, summary: `frame of stream ${s.id}` }];
  if (e.contentId !== undefined) evidence.push(sealedFrame(e.contentId));
  emit(s, ctx.out, { kind: 'preserve_evidence', target: frame, scope, severity: 'high', reasons, evidence, dedupeKey: `${s.id}:preserve_evidence:frame:${e.id}` });
  pause(ctx, s, reasons, evidence);
}

/**
 * A frame matching only frames of banked videos: it is preserved and the stream queued for review; when the
 * stream's frames reach the policy's whole-video thresholds for one banked video, the stream is ended as for
 * any known content, with the video and its shares in the reasons.
 */
function videoFrame(ctx: LadderContext, s: StreamState, e: PlatformEventOf<'stream.frame'>, matches: readonly KnownMatch[], variant: string | undefined): void {
  const frameRef: EvidenceRef = { kind: 'frame', id: e.id, summary: `frame of stream ${s.id}${e.pdq ? `, PDQ ${e.pdq}` : ''}${variant ? `, matched ${describeVariant(variant)}` : ''}` };
  const touched = noteVideoFrame(s.videos, s.frames, frameRef, matches);
  const th = ctx.policy.matching.video;
  const streamT = { type: 'stream' as const, id: s.id };
  const frame = { type: 'frame' as const, id: e.id };
  const sealed = e.contentId !== undefined ? [sealedFrame(e.contentId)] : [];
  const judged = touched.map((v) => ({ v, ...judgeStreamVideo(v, s.frames, th) })).sort((a, b) => Number(b.matched) - Number(a.matched) || b.comparedShare - a.comparedShare);
  const best = judged[0]!;
  const { v } = best;
  const what = `banked video ${v.videoId} (${v.bank}${v.category ? `, ${v.category}` : ''})`;
  const seen = `${Math.min(v.found.size, v.banked)} of ${v.banked} of its frames seen, ${v.matchedFrames} of ${s.frames - v.firstFrame + 1} stream frames since it appeared match it`;
  if (best.matched) {
    const reasons = [
      `re-streamed recording of ${what}: ${seen} (compared share ${best.comparedShare}, query share ${best.queryShare}; match at ${th.minComparedShare} or ${th.minQueryShare} with at least ${th.minFrames} frames)`,
    ];
    const evidence = [frameRef, ...sealed, ...v.evidence.filter((x) => x !== frameRef)];
    s.ended = true;
    s.paused = true;
    const key = (k: string, t: { type: string; id: string }) => `${s.id}:${k}:${t.type}:${t.id}`;
    emit(s, ctx.out, { kind: 'end_stream', target: streamT, severity: 'critical', reasons, evidence, dedupeKey: key('end_stream', streamT) });
    emit(s, ctx.out, { kind: 'preserve_evidence', target: frame, scope: streamT, severity: 'critical', reasons, evidence, dedupeKey: key('preserve_evidence', frame) });
    emit(s, ctx.out, { kind: 'open_case', target: streamT, severity: 'critical', reasons, evidence, dedupeKey: key('open_case', streamT) });
    return;
  }
  const reasons = [`a frame of this stream matches a frame of ${what}: ${seen}, not yet enough for a whole-video match — a person checks`];
  const evidence = [frameRef, ...sealed, ...v.evidence.filter((x) => x !== frameRef)];
  emit(s, ctx.out, { kind: 'preserve_evidence', target: frame, scope: streamT, severity: 'high', reasons, evidence, dedupeKey: `${s.id}:preserve_evidence:frame:${e.id}` });
  emit(s, ctx.out, { kind: 'enqueue_review', target: streamT, severity: 'high', reasons, evidence, dedupeKey: `${s.id}:enqueue_review:video:${v.bank}:${v.videoId}` });
}

/** The content record in which intake sealed the frame's bytes (set only when they matched known content). */
function sealedFrame(contentId: string): EvidenceRef {
  return { kind: 'content', id: contentId, summary: `the frame's bytes, kept encrypted as content ${contentId}` };
}

function reportedViewer(s: StreamState, id: string): ViewerState | undefined {
  return id === s.streamerId ? undefined : s.viewers.get(id);
}

/** Reports from viewers: they raise the reported viewer's and the stream's risk; imminent reasons escalate. */
export function handleReport(ctx: LadderContext, streams: ReadonlyMap<string, StreamState>, e: PlatformEventOf<'report.filed'>, t: number): void {
  const streamId = e.streamId ?? (e.subject.type === 'stream' ? e.subject.id : undefined);
  const s = streamId !== undefined ? streams.get(streamId) : undefined;
  if (!s || s.ended) return;
  s.now = t;
  const g = ctx.policy.guardian;
  const reporter = e.reporter?.id ?? `anonymous:${e.id}`;
  const evidence: EvidenceRef[] = [{ kind: 'report', id: e.id, summary: `report (${e.reason}) by ${reporter}${e.text ? `: “${e.text.slice(0, 200)}”` : ''}` }];
  addBounded(s.reporters, reporter, MAX_REPORTERS);
  const imminent = g.reports.imminentReasons.includes(e.reason);
  const v = e.subject.type === 'account' ? reportedViewer(s, e.subject.id) : undefined;
  if (v && !v.reporters.has(reporter) && v.reporters.size < MAX_REPORTERS) {
    v.reporters.add(reporter);
    v.reportRisk = 1 - (1 - v.reportRisk) * (1 - g.reports.perReporter);
    pushEvidence(v.evidence, evidence[0]!);
    updateViewerRisk(g, s, v);
  }
  const about = v ? viewerWords(v) : `stream ${s.id}`;
  if (imminent) {
    const reasons = [`a report says ${about} puts someone in imminent danger (${e.reason})`];
    if (s.streamerTier !== 'adult') endAndEscalate(ctx, s, reasons, evidence);
    else {
      emit(s, ctx.out, { kind: 'escalate', target: { type: 'stream', id: s.id }, severity: 'critical', reasons, evidence, dedupeKey: `${s.id}:escalate:stream:${s.id}` });
    }
    return;
  }
  const n = s.reporters.size;
  if (n >= g.reports.review) {
    emit(s, ctx.out, {
      kind: 'enqueue_review',
      target: { type: 'stream', id: s.id },
      severity: 'medium',
      reasons: [`${n} viewer${n > 1 ? 's' : ''} reported this stream or someone in it (review at ${g.reports.review})`],
      evidence,
      dedupeKey: `${s.id}:enqueue_review:stream:${s.id}`,
    });
  }
  if (n >= g.reports.restrict && s.streamerTier !== 'adult') {
    restrict(ctx, s, [`${n} different viewers reported this stream (restrict at ${g.reports.restrict})`], evidence);
  }
  if (v) viewerLadder(ctx, s, v);
  streamLadder(ctx, s, t, evidence);
}
