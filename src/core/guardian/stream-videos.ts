/**
 * A live stream's frames accumulating against banked videos (entries tagged `video:<id>:<frames>`), as
 * whole-video matching does for a file: a re-streamed recording is caught when the share of the banked
 * video's hashes seen, or the share of the stream's frames (since the video first appeared) that match it,
 * reaches the policy's `matching.video` thresholds. Bounded per stream.
 */
import { parseVideoTag, type VideoMatchThresholds } from '../banks/video-match.ts';
import type { EvidenceRef } from '../effects.ts';
import type { KnownMatch } from './types.ts';

/** Banked videos followed per stream (the one with the fewest frames found is forgotten first). */
export const MAX_STREAM_VIDEOS = 32;
/** Distinct banked frame ids remembered per video. */
export const MAX_VIDEO_FRAMES = 1024;
/** Evidence kept per video: the latest matching frames and their entries. */
export const MAX_VIDEO_EVIDENCE = 16;

/** One banked video seen on a stream. */
export interface StreamVideo {
  bank: string;
  videoId: string;
  category: string | undefined;
  /** Hashes banked for the video. */
  banked: number;
  /** Banked frame entry ids seen (bounded by MAX_VIDEO_FRAMES). */
  found: Set<string>;
  /** Stream frames that matched the video. */
  matchedFrames: number;
  /** The stream's frame number (1-based) when the video first appeared. */
  firstFrame: number;
  /** The latest matching frames and their entries (bounded by MAX_VIDEO_EVIDENCE). */
  evidence: EvidenceRef[];
}

/** True when every match is a frame of a banked video only (no other source): such frames accumulate. */
export function onlyVideoFrames(matches: readonly KnownMatch[]): boolean {
  return matches.length > 0 && matches.every((m) => (m.sources?.length ?? 0) > 0 && m.sources!.every((x) => parseVideoTag(x) !== undefined));
}

/** Records a stream frame's matches against banked videos; returns the videos it touched. */
export function noteVideoFrame(videos: Map<string, StreamVideo>, frameNo: number, frame: EvidenceRef, matches: readonly KnownMatch[]): StreamVideo[] {
  const touched = new Set<StreamVideo>();
  for (const m of matches) {
    for (const src of m.sources ?? []) {
      const tag = parseVideoTag(src);
      if (!tag) continue;
      const bank = m.bank ?? 'bank';
      const key = `${bank}\u0000${tag.id}`;
      let v = videos.get(key);
      if (!v) {
        if (videos.size >= MAX_STREAM_VIDEOS) forgetWeakest(videos);
        v = { bank, videoId: tag.id, category: m.category, banked: tag.frames, found: new Set(), matchedFrames: 0, firstFrame: frameNo, evidence: [] };
        videos.set(key, v);
      }
      if (v.found.size < MAX_VIDEO_FRAMES) v.found.add(m.id);
      if (!touched.has(v)) {
        touched.add(v);
        v.matchedFrames++;
        keep(v.evidence, frame);
      }
      keep(v.evidence, { kind: 'bank_match', id: m.id, summary: `${bank} entry ${m.id}, a frame of banked video ${tag.id}, PDQ distance ${m.distance}` });
    }
  }
  return [...touched];
}

function keep(list: EvidenceRef[], e: EvidenceRef): void {
  list.push(e);
  if (list.length > MAX_VIDEO_EVIDENCE) list.shift();
}

function forgetWeakest(videos: Map<string, StreamVideo>): void {
  let weakest: [string, StreamVideo] | undefined;
  for (const e of videos) if (!weakest || e[1].found.size < weakest[1].found.size) weakest = e;
  if (weakest) videos.delete(weakest[0]);
}

const share = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 10_000) / 10_000);

/** The video's shares so far, and whether they reach the thresholds. */
export function judgeStreamVideo(v: StreamVideo, frameNo: number, th: VideoMatchThresholds): { queryShare: number; comparedShare: number; matched: boolean } {
  const found = Math.min(v.found.size, v.banked);
  const queryShare = share(v.matchedFrames, frameNo - v.firstFrame + 1);
  const comparedShare = share(found, v.banked);
  const matched = v.found.size >= Math.min(th.minFrames, v.banked) && (queryShare >= th.minQueryShare || comparedShare >= th.minComparedShare);
  return { queryShare, comparedShare, matched };
}
