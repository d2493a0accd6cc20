// Multi-index hashing (Norouzi et al.): the 256 bits are cut into `count` chunks of `bits` bits each. If two
// hashes are within distance t, then by pigeonhole some chunk c differs by at most r_c bits for ANY radii
// with sum(r_c + 1) > t (restricted to the covered bits the distance is still ≤ t). So probing every chunk
// value within r_c of the query's chunk finds every hash within t — exact, no false negatives.

/** How a segment cuts hashes into chunks: chunk c covers bits [c·bits, (c+1)·bits) of the word form. */
export interface ChunkLayout {
  bits: number;
  count: number;
}

/** Which chunks to probe at which radius for one threshold, or a plain scan when that is cheaper. */
export interface ProbePlan {
  /** Radius per chunk; −1 means the chunk is not probed. */
  radii: Int8Array;
  /** True when scanning every entry is estimated cheaper than probing. */
  scan: boolean;
  /** Estimated probes and candidates, for the scan decision and for tests. */
  probes: number;
  candidates: number;
}

export const MIN_CHUNK_BITS = 8;
export const MAX_CHUNK_BITS = 24;
/** A scanned entry costs about this fraction of a probed candidate (sequential vs random memory access). */
const SCAN_COST_PER_ENTRY = 0.05;

/**
 * Chunk width ≈ log2(n), so an average bucket holds about one entry: probes and candidates stay balanced and
 * the offsets tables (4·2^bits bytes per chunk) stay about as large as the posting lists.
 */
export function layoutFor(entries: number): ChunkLayout {
  const ideal = Math.round(Math.log2(Math.max(entries, 2)));
  const bits = Math.min(MAX_CHUNK_BITS, Math.max(MIN_CHUNK_BITS, ideal));
  return { bits, count: Math.floor(256 / bits) };
}

/** Number of `bits`-bit values within Hamming distance `radius` of a given value (0 when radius < 0). */
export function ballVolume(bits: number, radius: number): number {
  let total = 0;
  let term = 1;
  for (let k = 0; k <= Math.min(radius, bits); k++) {
    total += term;
    term = (term * (bits - k)) / (k + 1);
  }
  return total;
}

/** The cheapest radii for `threshold`: equal-width chunks, so spread sum(r + 1) = t + 1 evenly. */
export function planFor(layout: ChunkLayout, entries: number, threshold: number): ProbePlan {
  const { bits, count } = layout;
  const need = Math.min(threshold, bits * count) + 1;
  const base = Math.floor(need / count);
  const extra = need % count;
  const radii = new Int8Array(count);
  let probes = 0;
  for (let c = 0; c < count; c++) {
    radii[c] = (c < extra ? base + 1 : base) - 1;
    probes += ballVolume(bits, radii[c]!);
  }
  const candidates = (probes * entries) / 2 ** bits;
  const scan = probes + candidates > entries * SCAN_COST_PER_ENTRY || radii.some((r) => r >= bits);
  return { radii, scan, probes, candidates };
}

const maskCache = new Map<number, Uint32Array>();

/** Every `bits`-bit mask with at most `radius` set bits (cached; the plan keeps these small). */
export function probeMasks(bits: number, radius: number): Uint32Array {
  const key = bits * 64 + radius;
  let masks = maskCache.get(key);
  if (masks === undefined) {
    masks = new Uint32Array(ballVolume(bits, radius));
    let n = 0;
    const walk = (from: number, left: number, mask: number): void => {
      masks![n++] = mask >>> 0;
      if (left === 0) return;
      for (let b = from; b < bits; b++) walk(b + 1, left - 1, mask | (1 << b));
    };
    walk(0, radius, 0);
    maskCache.set(key, masks);
  }
  return masks;
}

/** The value of chunk `chunk` (of `bits` bits) of the hash at word offset `base`. */
export function chunkValue(words: Uint32Array, base: number, bits: number, chunk: number): number {
  const start = chunk * bits;
  const w = start >>> 5;
  const shift = start & 31;
  let v = words[base + w]! >>> shift;
  if (shift + bits > 32) v |= words[base + w + 1]! << (32 - shift);
  return (v & ((1 << bits) - 1)) >>> 0;
}
