/**
 * The matcher: checks content against the hash banks — MD5/SHA-256 by exact lookup in the store, PDQ by
 * radius search in the bank PDQ index (flagged low-quality entries are never in it). Results are candidates
 * for human review, never verdicts.
 *
 * Low-quality query hashes (PDQ quality < 50, e.g. near-blank images) are still matched, because missing
 * known content is the costlier error, but the result says `lowQuality: true` so a reviewer weighs it.
 */
import type { BankMatch, BankEntry } from '../core/banks/types.ts';
import { invalidInput } from '../core/lifeguard-error.ts';
import { dihedralNames, isPdqHex, PDQ_MATCH_THRESHOLD, PDQ_MIN_QUALITY } from '../core/pdq/index.ts';
import { exactSignalTypeNames, signalTypes } from '../core/signal-types.ts';
import { describeVariant, type RobustChoice } from '../core/pdq/robust-variants.ts';
import { videoLevelMatches, type VideoLevelMatch, type VideoMatchThresholds } from '../core/banks/video-match.ts';
import { hashImage } from '../media/hash-image.ts';
import { hashVideo, type VideoFrameOptions } from '../media/video-frames.ts';
import type { BankStore } from '../store/bank-store.ts';
import { BankPdqIndex, type IndexLoadReport } from './bank-pdq-index.ts';

export interface MatcherOptions {
  store: BankStore;
  /** Snapshot file of the PDQ index (see BankPdqIndex); without it the index is built in memory. */
  snapshotPath?: string;
  /** Default PDQ threshold (Hamming distance, default 31). */
  threshold?: number;
}

export interface MatchOptions {
  /** PDQ threshold for this query. */
  threshold?: number;
  /** Only these banks (by name). */
  banks?: readonly string[];
  /** Only entries from one of these sources (a list name, `exchange:<name>`). */
  sources?: readonly string[];
  /** Also match the 7 rotations/flips of the image (PDQ). */
  dihedral?: boolean;
  /** Extra query hashes that survive borders, crops and mirroring (default true = the measured default set). */
  robust?: RobustChoice;
  /** Apply EXIF orientation before hashing (off by default, as hash lists are built without it). */
  applyExifOrientation?: boolean;
  maxPixels?: number;
  maxBytes?: number;
}

/** Hashes to match directly (any subset). */
export interface HashQuery {
  pdq?: string;
  /** PDQ query variants by name (dihedral or robust), matched besides `pdq` (the 'original' is `pdq` itself). */
  pdqVariants?: Partial<Record<string, string>>;
  md5?: string;
  sha256?: string;
  /** An opaque third-party hash the platform computed (e.g. PhotoDNA), matched exactly. */
  opaque?: string;
}

export interface ImageMatch {
  pdq: string;
  quality: number;
  md5: string;
  sha256: string;
  /** PDQ quality below 50: PDQ matches are less trustworthy. */
  lowQuality: boolean;
  dihedral?: string[];
  matches: BankMatch[];
}

export interface VideoFrameMatch {
  t: number;
  pdq: string;
  quality: number;
  lowQuality?: true;
  matches: BankMatch[];
}

export interface VideoMatch {
  md5: string;
  sha256: string;
  fps: number;
  frameCount: number;
  matchedFrames: number;
  /** matchedFrames / frameCount (0 when no frame). */
  matchedFraction: number;
  /** Frames with at least one match (all frames are in `frameCount`). */
  frames: VideoFrameMatch[];
  /** Exact file matches (MD5/SHA-256) plus every entry matched by some frame (smallest distance, first time). */
  matches: (BankMatch & { t?: number })[];
  /** Banked videos (added with `bank add-video`) its frames matched, with query and compared shares. */
  videos: VideoLevelMatch[];
}

const toMatch = (e: BankEntry, distance: number, variant?: string): BankMatch => {
  const m: BankMatch = {
    bank: e.bankName,
    bankId: e.bankId,
    entryId: e.id,
    externalId: e.externalId,
    category: e.category,
    signalType: e.signalType,
    value: e.value,
    distance,
    sources: e.sources,
  };
  if (variant !== undefined && variant !== 'original') {
    m.variant = variant;
    m.note = `matched ${describeVariant(variant)}, distance ${distance}`;
  }
  return m;
};

/** Checks a threshold given by a caller. */
export function checkThreshold(t: number): number {
  if (!Number.isInteger(t) || t < 0 || t > 256) throw invalidInput('invalid_threshold', `threshold must be an integer 0..256, got ${t}`);
  return t;
}

export class Matcher {
  readonly #store: BankStore;
  readonly #index: BankPdqIndex;
  readonly #threshold: number;
  /** How the PDQ index was loaded. */
  readonly loadReport: IndexLoadReport;

  private constructor(store: BankStore, index: BankPdqIndex, threshold: number, report: IndexLoadReport) {
    this.#store = store;
    this.#index = index;
    this.#threshold = threshold;
    this.loadReport = report;
  }

  /** Loads the bank PDQ index (snapshot + delta) and returns a ready matcher. */
  static async open(opts: MatcherOptions): Promise<Matcher> {
    const threshold = checkThreshold(opts.threshold ?? PDQ_MATCH_THRESHOLD);
    const { index, report } = await BankPdqIndex.load({ store: opts.store, ...(opts.snapshotPath !== undefined ? { snapshotPath: opts.snapshotPath } : {}) });
    return new Matcher(opts.store, index, threshold, report);
  }

  /** The underlying PDQ index (to refresh or save it). */
  get pdqIndex(): BankPdqIndex {
    return this.#index;
  }

  async #bankIds(names: readonly string[] | undefined): Promise<number[] | undefined> {
    if (names === undefined || names.length === 0) return undefined;
    return Promise.all(names.map(async (n) => (await this.#store.requireBank(n)).id));
  }

  /** Matches hashes; every entry appears once (smallest distance wins). */
  async matchHashes(q: HashQuery, opts: Pick<MatchOptions, 'threshold' | 'banks' | 'sources'> = {}): Promise<BankMatch[]> {
    return this.#match(q, checkThreshold(opts.threshold ?? this.#threshold), await this.#bankIds(opts.banks), undefined, opts.sources);
  }

  async #match(q: HashQuery, threshold: number, bankIds: number[] | undefined, cache?: Map<number, BankEntry>, sources?: readonly string[]): Promise<BankMatch[]> {
    const out: BankMatch[] = [];
    const fromSource = (e: BankEntry) => sources === undefined || sources.length === 0 || e.sources.some((x) => sources.includes(x));
    // Every exact-match type in the registry (MD5, SHA-256, opaque third-party hashes, ...).
    for (const type of exactSignalTypeNames) {
      const v = (q as Partial<Record<string, string>>)[type];
      if (v === undefined) continue;
      const found = await this.#store.lookup(type, [signalTypes[type].normalize(v)], { ...(bankIds ? { bankIds } : {}), ...(sources ? { sources } : {}) });
      out.push(...found.map((e) => toMatch(e, 0)));
    }
    const variants: [string, string][] = [];
    if (q.pdq !== undefined) variants.push(['original', q.pdq]);
    // A variant equal to an earlier hash (e.g. an un-crop of a flat picture) is not looked up twice.
    const seen = new Set(variants.map(([, h]) => h));
    for (const [name, h] of Object.entries(q.pdqVariants ?? {})) {
      if (h === undefined || name === 'original' || seen.has(h)) continue;
      seen.add(h);
      variants.push([name, h]);
    }
    const best = new Map<number, { distance: number; variant: string }>();
    for (const [variant, hash] of variants) {
      if (!isPdqHex(hash)) throw invalidInput('invalid_hash', 'a PDQ hash is 64 lower-case hex digits');
      for (const hit of this.#index.query(hash, threshold)) {
        const prev = best.get(hit.id);
        if (!prev || hit.distance < prev.distance) best.set(hit.id, { distance: hit.distance, variant });
      }
    }
    if (best.size > 0) {
      const missing = [...best.keys()].filter((id) => !cache?.has(id));
      const fetched = missing.length > 0 ? await this.#store.getEntries(missing) : [];
      for (const e of fetched) cache?.set(e.id, e);
      const byId = new Map(fetched.map((e) => [e.id, e]));
      const pdqMatches: BankMatch[] = [];
      for (const [id, { distance, variant }] of best) {
        const e = byId.get(id) ?? cache?.get(id);
        // An entry removed since the index was loaded is simply gone.
        if (!e || e.flaggedLowQuality || e.disabled || (bankIds && !bankIds.includes(e.bankId)) || !fromSource(e)) continue;
        pdqMatches.push(toMatch(e, distance, variant));
      }
      pdqMatches.sort((a, b) => a.distance - b.distance || a.entryId - b.entryId);
      out.push(...pdqMatches);
    }
    return out;
  }

  /** Hashes an image (file path or bytes) and matches it. */
  async matchImage(input: string | Buffer, opts: MatchOptions = {}): Promise<ImageMatch> {
    const h = await hashImage(input, {
      dihedral: opts.dihedral === true,
      robust: opts.robust ?? true,
      applyExifOrientation: opts.applyExifOrientation === true,
      ...(opts.maxPixels !== undefined ? { maxPixels: opts.maxPixels } : {}),
      ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
    });
    const variants: Record<string, string> = {};
    if (h.dihedral) h.dihedral.forEach((hash, i) => (variants[dihedralNames[i]!] = hash));
    for (const v of h.variants ?? []) variants[v.name] = v.hash;
    const matches = await this.matchHashes({ pdq: h.pdq, pdqVariants: variants, md5: h.md5, sha256: h.sha256 }, opts);
    const result: ImageMatch = { pdq: h.pdq, quality: h.quality, md5: h.md5, sha256: h.sha256, lowQuality: h.quality < PDQ_MIN_QUALITY, matches };
    if (h.dihedral) result.dihedral = h.dihedral;
    return result;
  }

  /** Samples a video's frames, matches each frame's PDQ and the file's digests. */
  async matchVideo(
    path: string,
    opts: Pick<MatchOptions, 'threshold' | 'banks' | 'robust'> & VideoFrameOptions & { videoThresholds?: VideoMatchThresholds } = {},
  ): Promise<VideoMatch> {
    const threshold = checkThreshold(opts.threshold ?? this.#threshold);
    const bankIds = await this.#bankIds(opts.banks);
    const v = await hashVideo(path, { ...opts, robust: opts.robust ?? true });
    // Frames of one video often hit the same entries: fetch each entry once.
    const cache = new Map<number, BankEntry>();
    const exact = await this.#match({ md5: v.md5, sha256: v.sha256 }, threshold, bankIds, cache);
    const frames: VideoFrameMatch[] = [];
    const byEntry = new Map<number, BankMatch & { t?: number }>();
    for (const f of v.frames) {
      const pdqVariants = Object.fromEntries((f.variants ?? []).map((x) => [x.name, x.hash]));
      const matches = await this.#match({ pdq: f.pdq, pdqVariants }, threshold, bankIds, cache);
      if (matches.length === 0) continue;
      const fm: VideoFrameMatch = { t: f.t, pdq: f.pdq, quality: f.quality, matches };
      if (f.quality < PDQ_MIN_QUALITY) fm.lowQuality = true;
      frames.push(fm);
      for (const m of matches) {
        const prev = byEntry.get(m.entryId);
        if (!prev || m.distance < prev.distance) byEntry.set(m.entryId, { ...m, t: f.t });
      }
    }
    const frameCount = v.frames.length;
    return {
      md5: v.md5,
      sha256: v.sha256,
      fps: v.fps,
      frameCount,
      matchedFrames: frames.length,
      matchedFraction: frameCount === 0 ? 0 : Math.round((frames.length / frameCount) * 10_000) / 10_000,
      frames,
      matches: [...exact, ...[...byEntry.values()].sort((a, b) => a.distance - b.distance || a.entryId - b.entryId)],
      videos: videoLevelMatches(frames, frameCount, opts.videoThresholds),
    };
  }
}
