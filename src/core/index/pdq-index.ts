// Exact radius search over 256-bit PDQ hashes: every stored hash within the threshold is returned (no false
// negatives compared with a linear scan). Layout: an LSM-like stack of immutable multi-index-hashing
// segments (see chunk-plan.ts) plus a small linearly scanned list of recent additions. Removals are
// tombstones; maintenance builds the recent list into a segment once it is worth it, merges segments of
// similar size (so each entry is rebuilt O(log n) times) and rebuilds mostly-removed ones.
import { invalidInput } from '../lifeguard-error.ts';
import { PDQ_MATCH_THRESHOLD, pdqHexToWords } from '../pdq/index.ts';
import { readSnapshot, snapshotParts, type ReadSnapshotOptions } from './index-snapshot.ts';
import { MatchSink, type PdqMatch } from './match-sink.ts';
import { PendingEntries } from './pending-entries.ts';
import { mergeById, sortById } from './segment-build.ts';
import { Segment } from './segment.ts';

/** Recent additions up to this many are scanned (tens of microseconds) instead of indexed. */
const PENDING_SCAN_LIMIT = 4096;
/** Adjacent segments merge when the smaller holds at least 1/MERGE_RATIO of the larger's live entries. */
const MERGE_RATIO = 2;

/** Shape of an index, for monitoring and benchmarks. */
export interface PdqIndexStats {
  size: number;
  pending: number;
  segments: { entries: number; live: number; chunkBits: number; chunks: number }[];
  /** Bytes held in typed arrays by the segments (hashes, ids, posting tables, tombstones). */
  segmentBytes: number;
}

/** An exact Hamming-radius index of PDQ hashes keyed by uint32 ids (e.g. bank entry row ids). */
export class PdqIndex {
  #segments: Segment[] = [];
  #pending = new PendingEntries();
  #size = 0;
  #sink = new MatchSink();

  /** Number of stored (live) entries. */
  get size(): number {
    return this.#size;
  }

  /** Stores `hash` under `id` (a uint32), replacing any hash stored under that id. */
  add(id: number, hash: string | Uint32Array): void {
    checkId(id);
    const words = toWords(hash);
    // New to the pending list: it may replace a segment entry (size unchanged) or be new altogether.
    if (this.#pending.set(id, words) && !this.#removeFromSegments(id)) this.#size++;
  }

  /** Removes `id`; true when it was stored. */
  remove(id: number): boolean {
    if (!isId(id)) return false;
    if (this.#pending.delete(id) || this.#removeFromSegments(id)) {
      this.#size--;
      return true;
    }
    return false;
  }

  /** True when `id` is stored. */
  has(id: number): boolean {
    if (!isId(id)) return false;
    return this.#pending.has(id) || this.#segments.some((s) => s.liveSlotOf(id) >= 0);
  }

  /** Every stored entry within `threshold` (0..256) of `hash`, sorted by distance, then id. */
  query(hash: string | Uint32Array, threshold: number = PDQ_MATCH_THRESHOLD): PdqMatch[] {
    if (!Number.isInteger(threshold) || threshold < 0 || threshold > 256) {
      throw invalidInput('invalid_threshold', `a PDQ threshold is an integer from 0 to 256, got ${String(threshold)}`);
    }
    const q = toWords(hash);
    this.#maintain();
    const sink = this.#sink;
    sink.reset();
    for (const segment of this.#segments) segment.query(q, threshold, sink);
    this.#pending.scan(q, threshold, sink);
    return sink.finish();
  }

  /** Builds everything into a single segment without tombstones: fastest queries, e.g. after a bulk load. */
  compact(): void {
    if (this.#pending.count > 0) this.#flushPending();
    if (this.#segments.length === 1 && this.#segments[0]!.deadCount === 0) return;
    let merged = null;
    for (const s of this.#segments) merged = merged === null ? s.liveEntries() : mergeById(merged, s.liveEntries());
    this.#segments = merged === null || merged.ids.length === 0 ? [] : [Segment.build(merged)];
  }

  /** A binary snapshot for `PdqIndex.deserialize` (one contiguous copy; see serializeParts to avoid it). */
  serialize(): Uint8Array {
    const parts = this.serializeParts();
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /**
   * The snapshot as consecutive byte views, mostly over the index's own arrays, so a writer can stream a
   * multi-gigabyte index to disk without a second copy in memory. Valid until the index next changes.
   */
  serializeParts(): Uint8Array[] {
    this.#maintain();
    return snapshotParts({ segments: this.#segments, pending: this.#pending.toArrays() });
  }

  /**
   * Loads a snapshot by wrapping views over `bytes` (nothing is rebuilt; keep the bytes unchanged while the
   * index lives). Throws index_corrupt on bytes that are not an intact snapshot.
   */
  static deserialize(bytes: Uint8Array, options?: ReadSnapshotOptions): PdqIndex {
    const contents = readSnapshot(bytes, options);
    const index = new PdqIndex();
    index.#segments = contents.segments.map((arrays) => new Segment(arrays));
    const { ids, words } = contents.pending;
    for (let i = 0; i < ids.length; i++) index.#pending.set(ids[i]!, words.subarray(i * 8, i * 8 + 8));
    index.#size = index.#segments.reduce((n, s) => n + s.live, 0) + index.#pending.count;
    return index;
  }

  /** Sizes of the parts, for monitoring and benchmarks. */
  stats(): PdqIndexStats {
    let segmentBytes = 0;
    for (const s of this.#segments) {
      segmentBytes += s.ids.byteLength + s.words.byteLength + s.dead.byteLength;
      for (const a of [...s.offsets, ...s.postings]) segmentBytes += a.byteLength;
    }
    return {
      size: this.#size,
      pending: this.#pending.count,
      segments: this.#segments.map((s) => ({ entries: s.entries, live: s.live, chunkBits: s.layout.bits, chunks: s.layout.count })),
      segmentBytes,
    };
  }

  #removeFromSegments(id: number): boolean {
    for (const segment of this.#segments) {
      const slot = segment.liveSlotOf(id);
      if (slot >= 0) {
        segment.kill(slot);
        return true;
      }
    }
    return false;
  }

  #flushPending(): void {
    const entries = sortById(this.#pending.toArrays());
    this.#pending.clear();
    this.#segments.push(Segment.build(entries));
  }

  /** Incremental upkeep before queries and snapshots; cheap when there is nothing to do. */
  #maintain(): void {
    let changed = false;
    if (this.#pending.count > PENDING_SCAN_LIMIT) {
      this.#flushPending();
      changed = true;
    }
    for (let i = 0; i < this.#segments.length; i++) {
      const s = this.#segments[i]!;
      if (s.deadCount > s.live) {
        changed = true;
        this.#segments[i] = s.live === 0 ? s : Segment.build(s.liveEntries());
      }
    }
    if (!changed) return;
    const segments = this.#segments.filter((s) => s.live > 0).sort((a, b) => b.live - a.live);
    for (let i = segments.length - 1; i > 0; i--) {
      if (segments[i]!.live * MERGE_RATIO >= segments[i - 1]!.live) {
        const merged = Segment.build(mergeById(segments[i - 1]!.liveEntries(), segments[i]!.liveEntries()));
        segments.splice(i - 1, 2, merged);
        segments.sort((a, b) => b.live - a.live);
        i = segments.length;
      }
    }
    this.#segments = segments;
  }
}

/** A hash as 8 words (words[0] = first 8 hex digits, as src/core/pdq defines). */
function toWords(hash: string | Uint32Array): Uint32Array {
  if (typeof hash === 'string') return pdqHexToWords(hash);
  if (hash instanceof Uint32Array && hash.length === 8) return hash;
  throw invalidInput('invalid_hash', 'a PDQ hash is 64 lower-case hex digits or a Uint32Array of 8 words');
}

const isId = (id: number): boolean => Number.isInteger(id) && id >= 0 && id <= 0xffffffff;

function checkId(id: number): void {
  if (!isId(id)) throw invalidInput('invalid_index_id', `an index id is an integer from 0 to 2^32 − 1, got ${String(id)}`);
}
