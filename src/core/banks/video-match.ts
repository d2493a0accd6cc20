// Whole-video matching, as Meta's vPDQ does it: a banked video is the set of its sampled frames' PDQ
// hashes (deduplicated, so a still scene is one hash); a query video is compared by the share of its sampled
// frames that match the banked video (query share) and the share of the banked video's hashes it found
// (compared share). Each banked frame entry carries the source tag `video:<id>:<frames>`, so no extra table
// is needed and a frame shared by two banked videos simply carries both tags.
import { hammingDistance } from '../pdq/hamming.ts';
import { PDQ_MIN_QUALITY } from '../pdq/thresholds.ts';
import type { BankMatch } from './types.ts';
import { videoMatchPolicySchema, type MatchingPolicy } from './matching-policy.ts';

/** The source tag that marks an entry as a frame of banked video `id` (which has `frames` hashes). */
export const videoSourceTag = (id: string, frames: number): string => `video:${id}:${frames}`;

/** `video:<id>:<frames>` → its parts, or undefined for any other source. */
export function parseVideoTag(source: string): { id: string; frames: number } | undefined {
  const m = /^video:([A-Za-z0-9._-]{1,100}):(\d{1,7})$/.exec(source);
  return m ? { id: m[1]!, frames: Number(m[2]) } : undefined;
}

/** Frames closer than this to a kept frame are the same scene and are not banked again. */
export const VIDEO_DEDUPE_DISTANCE = 10;

/** The frame hashes to bank for a video: quality ≥ 50, each at least VIDEO_DEDUPE_DISTANCE from those kept. */
export function dedupeFrameHashes<T extends { pdq: string; quality: number }>(frames: readonly T[], maxDistance = VIDEO_DEDUPE_DISTANCE): T[] {
  const kept: T[] = [];
  for (const f of frames) {
    if (f.quality < PDQ_MIN_QUALITY) continue;
    if (kept.some((k) => hammingDistance(k.pdq, f.pdq) <= maxDistance)) continue;
    kept.push(f);
  }
  return kept;
}

/** When a query video counts as a match of a banked video: the policy's `matching.video`. */
export type VideoMatchThresholds = MatchingPolicy['video'];

/** The policy's documented defaults (query share 0.5, compared share 0.5, at least 2 frames). */
export const defaultVideoMatchThresholds: VideoMatchThresholds = Object.freeze(videoMatchPolicySchema.parse({}));

/** One banked video compared with a query video. */
export interface VideoLevelMatch {
  bank: string;
  bankId: number;
  videoId: string;
  category: string | null;
  /** Hashes banked for the video. */
  bankedFrames: number;
  /** Of those, found in the query. */
  foundFrames: number;
  /** Query frames that matched one of the video's hashes. */
  matchedQueryFrames: number;
  queryShare: number;
  comparedShare: number;
  /** Both shares judged against the thresholds. */
  matched: boolean;
}

const share = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 10_000) / 10_000);

/** Groups per-frame PDQ matches by banked video and judges each video (matched ones first). */
export function videoLevelMatches(
  frames: readonly { matches: readonly BankMatch[] }[],
  queryFrameCount: number,
  thresholds: VideoMatchThresholds = defaultVideoMatchThresholds,
): VideoLevelMatch[] {
  const byVideo = new Map<string, { bank: string; bankId: number; videoId: string; category: string | null; banked: number; found: Set<number>; queryFrames: Set<number> }>();
  frames.forEach((f, i) => {
    for (const m of f.matches) {
      if (m.signalType !== 'pdq') continue;
      for (const s of m.sources) {
        const tag = parseVideoTag(s);
        if (!tag) continue;
        const key = `${m.bankId}\u0000${tag.id}`;
        let v = byVideo.get(key);
        if (!v) byVideo.set(key, (v = { bank: m.bank, bankId: m.bankId, videoId: tag.id, category: m.category, banked: tag.frames, found: new Set(), queryFrames: new Set() }));
        v.found.add(m.entryId);
        v.queryFrames.add(i);
      }
    }
  });
  const out: VideoLevelMatch[] = [];
  for (const v of byVideo.values()) {
    const queryShare = share(v.queryFrames.size, queryFrameCount);
    const comparedShare = share(Math.min(v.found.size, v.banked), v.banked);
    const enough = v.found.size >= Math.min(thresholds.minFrames, v.banked);
    out.push({
      bank: v.bank,
      bankId: v.bankId,
      videoId: v.videoId,
      category: v.category,
      bankedFrames: v.banked,
      foundFrames: v.found.size,
      matchedQueryFrames: v.queryFrames.size,
      queryShare,
      comparedShare,
      matched: enough && (queryShare >= thresholds.minQueryShare || comparedShare >= thresholds.minComparedShare),
    });
  }
  return out.sort((a, b) => Number(b.matched) - Number(a.matched) || b.comparedShare - a.comparedShare || a.videoId.localeCompare(b.videoId));
}
