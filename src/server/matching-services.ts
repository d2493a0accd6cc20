/**
 * Banks, matching and hashing for the HTTP API over one database. The matcher's PDQ index lives in memory;
 * before a query it catches up with the store (at once after a bank change in this process, otherwise at most
 * every `refreshMs`, which is how changes made by other processes arrive).
 */
import { join } from 'node:path';
import type { Config } from '../config/read-env.ts';
import type { VideoMatchThresholds } from '../core/banks/video-match.ts';
import type { FrameMatcher, KnownMatch } from '../core/guardian/types.ts';
import { PDQ_MATCH_THRESHOLD } from '../core/pdq/thresholds.ts';
import type { BankPdqIndex } from '../matching/bank-pdq-index.ts';
import { Matcher } from '../matching/matcher.ts';
import { decodeCostBytes, DecodeQueue } from '../media/decode-queue.ts';
import { probeImage, reducedSize, supportedImageFormats } from '../media/decode-image.ts';
import { probeFfmpeg } from '../media/probe-ffmpeg.ts';
import { TextListIndex } from '../matching/text-list-index.ts';
import { hashImage } from '../media/hash-image.ts';
import { createBankStore } from '../store/bank-store.ts';
import type { Database } from '../store/database.ts';
import type { Logger } from './logger.ts';
import type { BankService, HashingService, ListMatch, ListService, MatchingService, MediaSupport } from './services.ts';

export interface MatchingServices {
  banks: BankService;
  /** The in-memory PDQ index (synchronous queries for the guardian's frame matcher). */
  pdqIndex: BankPdqIndex;
  /**
   * The guardian's frame matcher: the in-memory index, with the bank, category and sources of entries that
   * are frames of banked videos (so a stream's frames accumulate against them). Entries not yet known as
   * video frames match as plain known content, which ends a stream at once.
   */
  frameMatcher: FrameMatcher;
  /** Catches the index up with the store now. */
  refresh(): Promise<void>;
  /** The URL and keyword lists in memory (synchronous matching for the pipeline). */
  textLists: TextListIndex;
  matching: MatchingService;
  lists: ListService;
  hashing: HashingService;
  /** Which media types this process can decode (video only when ffmpeg runs). */
  media: MediaSupport;
  /** The process's decode queue (every image and video decode of the service goes through it). */
  decodeQueue: DecodeQueue;
  /** Saves the PDQ index snapshot when it has unsaved changes. */
  close(): Promise<void>;
}

/** Video frame entries the guardian's frame matcher knows by id. */
const MAX_VIDEO_FRAME_ENTRIES = 200_000;

/** Opens the bank store and the matcher (loading the PDQ index from its snapshot in the data directory). */
export async function createMatchingServices(database: Database, config: Config, logger: Logger, opts: { refreshMs?: number; now?: () => number; videoThresholds?: VideoMatchThresholds } = {}): Promise<MatchingServices> {
  const refreshMs = opts.refreshMs ?? 1000;
  const now = opts.now ?? Date.now;
  const store = createBankStore(database);
  const matcher = await Matcher.open({ store, snapshotPath: join(config.dataDir, 'pdq-index.bin') });
  logger.info('pdq index loaded', { ...matcher.loadReport });
  const { index: textLists, report: textReport } = await TextListIndex.load(store);
  logger.info('url and keyword lists loaded', { ...textReport });
  let dirty = false;
  let refreshedAt = now();
  let refreshing: Promise<void> | undefined;
  const decodeQueue = new DecodeQueue({ concurrency: config.decode.concurrency, memoryBytes: config.decode.memoryBytes });
  const ffmpeg = await probeFfmpeg(config.ffmpegPath);
  const media: MediaSupport = {
    images: [...supportedImageFormats],
    video: ffmpeg.available,
    ...(ffmpeg.available ? { ffmpeg: ffmpeg.version } : { videoUnavailable: ffmpeg.reason }),
  };
  const fullPixels = config.decode.hashFullPixels;

  // Frames of banked videos, by entry id: reloaded whole whenever the PDQ index changed (at most
  // MAX_VIDEO_FRAME_ENTRIES; beyond that, further video frames match as plain known content).
  let videoFrames = new Map<number, { bank: string; category: string | null; sources: string[] }>();
  const loadVideoFrames = async (): Promise<void> => {
    const next = new Map<number, { bank: string; category: string | null; sources: string[] }>();
    for await (const e of store.videoFrameEntries()) {
      if (next.size >= MAX_VIDEO_FRAME_ENTRIES) break;
      next.set(e.id, { bank: e.bank, category: e.category, sources: e.sources });
    }
    videoFrames = next;
  };
  await loadVideoFrames();
  const frameMatcher: FrameMatcher = (pdq) =>
    matcher.pdqIndex.query(pdq, PDQ_MATCH_THRESHOLD).map((h): KnownMatch => {
      const v = videoFrames.get(h.id);
      if (!v) return { id: String(h.id), distance: h.distance };
      return { id: String(h.id), distance: h.distance, bank: v.bank, ...(v.category !== null ? { category: v.category } : {}), sources: v.sources };
    });

  const fresh = async (): Promise<void> => {
    // A refresh in flight (e.g. started by a bank change) is awaited, so a query never runs on the old index.
    if (!dirty && refreshing === undefined && now() - refreshedAt < refreshMs) return;
    refreshing ??= (async () => {
      dirty = false;
      try {
        if ((await matcher.pdqIndex.refresh()) > 0) await loadVideoFrames();
        await textLists.refresh();
        refreshedAt = now();
      } catch (e) {
        dirty = true;
        throw e;
      } finally {
        refreshing = undefined;
      }
    })();
    await refreshing;
  };

  return {
    pdqIndex: matcher.pdqIndex,
    frameMatcher,
    textLists,
    async refresh() {
      dirty = true;
      await fresh();
    },
    banks: {
      store,
      changed() {
        dirty = true;
        // Bring the in-memory indexes up to date soon, so the pipeline (which never waits) sees the change.
        void fresh().catch((err: unknown) => logger.warn('index refresh after a bank change failed', { err }));
      },
    },
    matching: {
      async matchHashes(h, o = {}) {
        await fresh();
        return matcher.matchHashes(
          {
            ...(h.pdq ? { pdq: h.pdq } : {}),
            ...(h.pdq && h.pdqVariants ? { pdqVariants: Object.fromEntries(h.pdqVariants.map((v) => [v.name, v.hash])) } : {}),
            ...(h.md5 ? { md5: h.md5 } : {}),
            ...(h.sha256 ? { sha256: h.sha256 } : {}),
            ...(h.opaque ? { opaque: h.opaque } : {}),
          },
          { ...(o.banks ? { banks: o.banks } : {}), ...(o.sources ? { sources: o.sources } : {}) },
        );
      },
      // ffmpeg samples 1 frame/s; a video in a request gets at most 600 frames and 2 minutes of work, and one
      // decode slot (frames arrive one at a time; the estimate is a 1080p frame). Absent without ffmpeg.
      ...(ffmpeg.available
        ? {
            async matchVideo(path: string, o: { banks?: string[]; maxFramePixels: number; robust?: boolean }) {
              await fresh();
              return decodeQueue.run(decodeCostBytes(Math.min(o.maxFramePixels, 1920 * 1080), 3), () =>
                matcher.matchVideo(path, { ...(o.banks ? { banks: o.banks } : {}), robust: o.robust !== false, ffmpegPath: config.ffmpegPath, maxFramePixels: o.maxFramePixels, maxFrames: 600, timeoutMs: 120_000, ...(opts.videoThresholds ? { videoThresholds: opts.videoThresholds } : {}) }),
              );
            },
          }
        : {}),
    },
    lists: {
      async check(text, o = {}) {
        await fresh();
        const r = textLists.matcher.match(text, o.only);
        const bankIds = o.banks && o.banks.length > 0 ? new Set(await Promise.all(o.banks.map(async (n) => (await store.requireBank(n)).id))) : undefined;
        const entries = new Map((await store.getEntries(r.hits.map((h) => h.entryId))).map((e) => [e.id, e]));
        const matches: ListMatch[] = [];
        for (const h of r.hits) {
          const e = entries.get(h.entryId);
          // Removed or disabled since the index last refreshed, or filtered out.
          if (!e || e.disabled || (bankIds && !bankIds.has(e.bankId))) continue;
          if (o.sources && o.sources.length > 0 && !e.sources.some((s) => o.sources!.includes(s))) continue;
          matches.push({
            bank: e.bankName,
            entryId: e.id,
            signalType: h.signalType,
            value: e.value,
            externalId: e.externalId,
            category: e.category,
            sources: e.sources,
            language: e.language,
            found: h.found,
            ...(h.obfuscated ? { obfuscated: true } : {}),
          });
        }
        return { matches, urls: r.urls.map((u) => u.url.canonical), unresolvable: r.unresolvable };
      },
    },
    hashing: {
      probe: (bytes, maxPixels) => probeImage(bytes, { maxPixels }),
      async hashImage(bytes, limits) {
        // The header decides the cost before any pixel is decoded; big images are reduced in the decoder.
        const header = await probeImage(bytes, { maxPixels: limits.maxPixels });
        const out = reducedSize(header.width, header.height, fullPixels) ?? header;
        return decodeQueue.run(decodeCostBytes(out.width * out.height, header.channels), () =>
          hashImage(bytes, { maxPixels: limits.maxPixels, maxBytes: limits.maxBytes, reduceAbovePixels: fullPixels, ...(limits.robust ? { robust: true } : {}) }),
        );
      },
      decodeSlot: (decodedPixels, channels, job) => decodeQueue.run(decodeCostBytes(decodedPixels, channels), job),
    },
    media,
    decodeQueue,
    async close() {
      if (matcher.pdqIndex.unsavedChanges === 0) return;
      try {
        await matcher.pdqIndex.save();
      } catch (e) {
        logger.warn('could not save the pdq index snapshot', { err: e });
      }
    },
  };
}
