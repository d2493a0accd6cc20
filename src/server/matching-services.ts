/**
 * Banks, matching and hashing for the HTTP API over one database. The matcher's PDQ index lives in memory;
 * before a query it catches up with the store (at once after a bank change in this process, otherwise at most
 * every `refreshMs`, which is how changes made by other processes arrive).
 */
import { join } from 'node:path';
import type { Config } from '../config/read-env.ts';
import type { BankPdqIndex } from '../matching/bank-pdq-index.ts';
import { Matcher } from '../matching/matcher.ts';
import { hashImage } from '../media/hash-image.ts';
import { createBankStore } from '../store/bank-store.ts';
import type { Database } from '../store/database.ts';
import type { Logger } from './logger.ts';
import type { BankService, HashingService, MatchingService } from './services.ts';

export interface MatchingServices {
  banks: BankService;
  /** The in-memory PDQ index (synchronous queries for the guardian's frame matcher). */
  pdqIndex: BankPdqIndex;
  /** Catches the index up with the store now. */
  refresh(): Promise<void>;
  matching: MatchingService;
  hashing: HashingService;
  /** Saves the PDQ index snapshot when it has unsaved changes. */
  close(): Promise<void>;
}

/** Opens the bank store and the matcher (loading the PDQ index from its snapshot in the data directory). */
export async function createMatchingServices(database: Database, config: Config, logger: Logger, opts: { refreshMs?: number; now?: () => number } = {}): Promise<MatchingServices> {
  const refreshMs = opts.refreshMs ?? 1000;
  const now = opts.now ?? Date.now;
  const store = createBankStore(database);
  const matcher = await Matcher.open({ store, snapshotPath: join(config.dataDir, 'pdq-index.bin') });
  logger.info('pdq index loaded', { ...matcher.loadReport });
  let dirty = false;
  let refreshedAt = now();
  let refreshing: Promise<void> | undefined;

  const fresh = async (): Promise<void> => {
    if (!dirty && now() - refreshedAt < refreshMs) return;
    refreshing ??= (async () => {
      dirty = false;
      try {
        await matcher.pdqIndex.refresh();
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
    async refresh() {
      dirty = true;
      await fresh();
    },
    banks: {
      store,
      changed() {
        dirty = true;
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
          },
          o.banks ? { banks: o.banks } : {},
        );
      },
      // ffmpeg samples 1 frame/s; a video in a request gets at most 600 frames and 2 minutes of work.
      async matchVideo(path, o) {
        await fresh();
        return matcher.matchVideo(path, { ...(o.banks ? { banks: o.banks } : {}), robust: o.robust !== false, maxFramePixels: o.maxFramePixels, maxFrames: 600, timeoutMs: 120_000 });
      },
    },
    hashing: {
      hashImage: (bytes, limits) => hashImage(bytes, { maxPixels: limits.maxPixels, maxBytes: limits.maxBytes, ...(limits.robust ? { robust: true } : {}) }),
    },
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
