// An immutable multi-index-hashing segment: entries ordered by id (so id lookup is a binary search and the
// id array doubles as slot → id), one CSR posting table per chunk, and a mutable tombstone bitmap.
import { popcount32 } from './bits.ts';
import { chunkValue, layoutFor, planFor, probeMasks, type ChunkLayout, type ProbePlan } from './chunk-plan.ts';
import type { MatchSink } from './match-sink.ts';
import { buildChunkPostings, buildScratch, copyHash, type EntryArrays } from './segment-build.ts';

/** Everything a segment is made of; the snapshot format stores exactly these arrays. */
export interface SegmentArrays extends EntryArrays {
  layout: ChunkLayout;
  /** Per chunk, 2^bits + 1 bucket starts into `postings`. */
  offsets: Uint32Array[];
  /** Per chunk, n slots grouped by chunk value. */
  postings: Uint32Array[];
  /** One bit per slot: removed. */
  dead: Uint32Array;
}

// Query scratch shared by all segments (queries run one at a time): bucket bounds, candidate slots, and
// the slots that passed verification, so their seen bits can be cleared afterwards.
let starts: Uint32Array = new Uint32Array(1024);
let ends: Uint32Array = new Uint32Array(1024);
let candidates: Uint32Array = new Uint32Array(4096);
let touched: Uint32Array = new Uint32Array(1024);

/** A built, query-ready group of entries; removals only set tombstones. */
export class Segment {
  readonly ids: Uint32Array;
  readonly words: Uint32Array;
  readonly layout: ChunkLayout;
  readonly offsets: Uint32Array[];
  readonly postings: Uint32Array[];
  readonly dead: Uint32Array;
  #deadCount: number;
  #seen: Uint32Array | null = null;
  #plans = new Map<number, ProbePlan>();

  constructor(arrays: SegmentArrays) {
    this.ids = arrays.ids;
    this.words = arrays.words;
    this.layout = arrays.layout;
    this.offsets = arrays.offsets;
    this.postings = arrays.postings;
    this.dead = arrays.dead;
    let deadCount = 0;
    for (let i = 0; i < this.dead.length; i++) deadCount += popcount32(this.dead[i]! | 0);
    this.#deadCount = deadCount;
  }

  /** Builds a segment from entries ordered by ascending, distinct id. */
  static build(entries: EntryArrays): Segment {
    const n = entries.ids.length;
    const layout = layoutFor(n);
    const scratch = buildScratch(n);
    const offsets: Uint32Array[] = [];
    const postings: Uint32Array[] = [];
    for (let c = 0; c < layout.count; c++) {
      const chunk = buildChunkPostings(entries.words, n, layout.bits, c, scratch);
      offsets.push(chunk.offsets);
      postings.push(chunk.postings);
    }
    return new Segment({ ...entries, layout, offsets, postings, dead: new Uint32Array(Math.ceil(n / 32)) });
  }

  get entries(): number {
    return this.ids.length;
  }

  get live(): number {
    return this.ids.length - this.#deadCount;
  }

  get deadCount(): number {
    return this.#deadCount;
  }

  /** Slot of `id` when it is stored and not removed, else −1. */
  liveSlotOf(id: number): number {
    const ids = this.ids;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid]!;
      if (v < id) lo = mid + 1;
      else if (v > id) hi = mid - 1;
      else return (this.dead[mid >>> 5]! >>> (mid & 31)) & 1 ? -1 : mid;
    }
    return -1;
  }

  /** Marks a live slot removed. */
  kill(slot: number): void {
    this.dead[slot >>> 5]! |= 1 << (slot & 31);
    this.#deadCount++;
  }

  /** The live entries, ordered by id (the segment's own arrays when nothing was removed). */
  liveEntries(): EntryArrays {
    if (this.#deadCount === 0) return { ids: this.ids, words: this.words };
    const ids = new Uint32Array(this.live);
    const words = new Uint32Array(this.live * 8);
    let k = 0;
    for (let s = 0; s < this.ids.length; s++) {
      if ((this.dead[s >>> 5]! >>> (s & 31)) & 1) continue;
      ids[k] = this.ids[s]!;
      copyHash(this.words, s * 8, words, k * 8);
      k++;
    }
    return { ids, words };
  }

  /** The probe plan for a threshold (cached: a service uses one or two thresholds). */
  plan(threshold: number): ProbePlan {
    let plan = this.#plans.get(threshold);
    if (plan === undefined) {
      plan = planFor(this.layout, this.ids.length, threshold);
      this.#plans.set(threshold, plan);
    }
    return plan;
  }

  /** Pushes every live entry within `threshold` of `q` (8 words) into `sink` (tests may force a plan). */
  query(q: Uint32Array, threshold: number, sink: MatchSink, plan: ProbePlan = this.plan(threshold)): void {
    if (plan.scan) {
      this.#scan(q, threshold, sink);
      return;
    }
    const { bits, count } = this.layout;
    const { words, ids, dead } = this;
    const anyDead = this.#deadCount > 0;
    const q0 = q[0]!, q1 = q[1]!, q2 = q[2]!, q3 = q[3]!, q4 = q[4]!, q5 = q[5]!, q6 = q[6]!, q7 = q[7]!;
    // An entry close in several chunks is found once per chunk; the seen bitmap (n bits, cache-resident)
    // reports it once. Only verified matches touch it, so misses pay nothing for deduplication.
    const seen = (this.#seen ??= new Uint32Array(dead.length));
    let nTouched = 0;
    // A seen bit left set would hide that entry from every later query, so clear them whatever happens.
    try {
      for (let c = 0; c < count; c++) {
        const radius = plan.radii[c]!;
        if (radius < 0) continue;
        const masks = probeMasks(bits, radius);
        const v = chunkValue(q, 0, bits, c);
        const offsets = this.offsets[c]!;
        const postings = this.postings[c]!;
        // Three passes (bucket bounds, then slots, then hashes) instead of one nested loop: each pass issues
        // independent loads the CPU overlaps, where the nested loop waits on one cache miss after another.
        if (starts.length < masks.length) [starts, ends] = [new Uint32Array(masks.length), new Uint32Array(masks.length)];
        // Locals, not the module-level bindings: a `let` read in a hot loop is a context load plus a TDZ check.
        const st = starts;
        const en = ends;
        let total = 0;
        for (let m = 0; m < masks.length; m++) {
          const key = v ^ masks[m]!;
          const a = offsets[key]!;
          const e = offsets[key + 1]!;
          st[m] = a;
          en[m] = e;
          total += e - a;
        }
        if (candidates.length < total) candidates = new Uint32Array(Math.max(total, candidates.length * 2));
        const cand = candidates;
        let n = 0;
        for (let m = 0; m < masks.length; m++) {
          const e = en[m]!;
          for (let a = st[m]!; a < e; a++) cand[n++] = postings[a]!;
        }
        for (let i = 0; i < n; i++) {
          const slot = cand[i]!;
          const o = slot * 8;
          let d = popcount32(words[o]! ^ q0) + popcount32(words[o + 1]! ^ q1) + popcount32(words[o + 2]! ^ q2) + popcount32(words[o + 3]! ^ q3);
          if (d > threshold) continue;
          d += popcount32(words[o + 4]! ^ q4) + popcount32(words[o + 5]! ^ q5) + popcount32(words[o + 6]! ^ q6) + popcount32(words[o + 7]! ^ q7);
          if (d > threshold) continue;
          const bit = 1 << (slot & 31);
          if (seen[slot >>> 5]! & bit) continue;
          seen[slot >>> 5]! |= bit;
          if (nTouched === touched.length) touched = grow(touched);
          touched[nTouched++] = slot;
          if (anyDead && dead[slot >>> 5]! & bit) continue;
          sink.push(d, ids[slot]!);
        }
      }
    } finally {
      for (let i = 0; i < nTouched; i++) seen[touched[i]! >>> 5] = 0;
    }
  }

  /** Exact answer by checking every entry: used when the threshold is so large that probing costs more. */
  #scan(q: Uint32Array, threshold: number, sink: MatchSink): void {
    const { words, ids, dead } = this;
    const q0 = q[0]!, q1 = q[1]!, q2 = q[2]!, q3 = q[3]!, q4 = q[4]!, q5 = q[5]!, q6 = q[6]!, q7 = q[7]!;
    for (let slot = 0, o = 0; slot < ids.length; slot++, o += 8) {
      let d = popcount32(words[o]! ^ q0) + popcount32(words[o + 1]! ^ q1) + popcount32(words[o + 2]! ^ q2) + popcount32(words[o + 3]! ^ q3);
      if (d > threshold) continue;
      d += popcount32(words[o + 4]! ^ q4) + popcount32(words[o + 5]! ^ q5) + popcount32(words[o + 6]! ^ q6) + popcount32(words[o + 7]! ^ q7);
      if (d > threshold || (dead[slot >>> 5]! >>> (slot & 31)) & 1) continue;
      sink.push(d, ids[slot]!);
    }
  }
}

function grow(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}
