/**
 * Banks a whole video: its frames are sampled with ffmpeg (as `match --video` samples them), deduplicated so
 * a still scene is one hash, and added as PDQ entries tagged `video:<id>:<frames>` (see core/banks/video-match.ts),
 * where `id` is the start of the file's SHA-256. Frames of quality < 50 are left out.
 */
import type { AddEntriesResult } from '../core/banks/types.ts';
import { dedupeFrameHashes, videoSourceTag } from '../core/banks/video-match.ts';
import { hashVideo, type VideoFrameOptions } from '../media/video-frames.ts';
import type { BankStore } from '../store/bank-store.ts';

export interface BankVideoOptions extends VideoFrameOptions {
  externalId?: string | null;
  category?: string | null;
  sources?: readonly string[];
}

export interface BankVideoResult extends AddEntriesResult {
  videoId: string;
  sha256: string;
  /** Frames sampled. */
  sampled: number;
  /** Distinct frame hashes banked (the video's size for compared shares). */
  frames: number;
}

/** Samples, deduplicates and banks a video's frame hashes in bank `bankId`. */
export async function addVideoToBank(store: BankStore, bankId: number, path: string, opts: BankVideoOptions = {}): Promise<BankVideoResult> {
  const v = await hashVideo(path, opts);
  const kept = dedupeFrameHashes(v.frames);
  const videoId = v.sha256.slice(0, 16);
  const tag = videoSourceTag(videoId, kept.length);
  const result = await store.addEntries(
    bankId,
    kept.map((f) => ({
      signalType: 'pdq' as const,
      value: f.pdq,
      quality: f.quality,
      externalId: opts.externalId ?? null,
      category: opts.category ?? null,
      sources: [...(opts.sources ?? []), tag],
    })),
  );
  return { ...result, videoId, sha256: v.sha256, sampled: v.frames.length, frames: kept.length };
}
