// Seeded synthetic hash sets for exactness tests and benchmarks. Random bits stand in for unrelated images
// (PDQ distances between unrelated images average ~128, like random bits); "clustered" sets mimic real banks,
// where a known image appears as families of near-duplicates (re-encodes, crops, overlays).

/** xorshift32: tiny, fast and reproducible; not for anything security-related. */
export class XorShift32 {
  #s: number;

  constructor(seed: number) {
    this.#s = seed >>> 0 || 0x9e3779b9;
  }

  /** A uniform uint32. */
  next(): number {
    let s = this.#s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.#s = s;
    return s >>> 0;
  }

  /** A uniform integer in [0, n) for n ≤ 2^32. */
  below(n: number): number {
    return Math.floor((this.next() / 2 ** 32) * n);
  }

  /** A uniform float in (0, 1]. */
  unit(): number {
    return (this.next() + 1) / 2 ** 32;
  }
}

/** `count` uniformly random hashes (count × 8 words). */
export function randomHashes(count: number, seed: number): Uint32Array {
  const rng = new XorShift32(seed);
  const words = new Uint32Array(count * 8);
  for (let i = 0; i < words.length; i++) words[i] = rng.next();
  return words;
}

/** Writes a copy of the hash at `fromOffset` with exactly `flips` distinct bits flipped to `to` at `toOffset`. */
export function nearDuplicate(
  from: Uint32Array,
  fromOffset: number,
  flips: number,
  rng: XorShift32,
  to: Uint32Array = new Uint32Array(8),
  toOffset = 0,
): Uint32Array {
  for (let w = 0; w < 8; w++) to[toOffset + w] = from[fromOffset + w]!;
  for (let done = 0; done < Math.min(flips, 256); ) {
    const bit = rng.next() & 255;
    const before = to[toOffset + (bit >>> 5)]!;
    const after = before ^ (1 << (bit & 31));
    // Only a bit not flipped yet counts, so the distance to the source is exactly `flips`.
    if ((before ^ from[fromOffset + (bit >>> 5)]!) & (1 << (bit & 31))) continue;
    to[toOffset + (bit >>> 5)] = after;
    done++;
  }
  return to;
}

/** Shape of a clustered set. */
export interface ClusterOptions {
  /** Members differ from their family's centre by a uniform 0..maxFlips bits (default 30). */
  maxFlips?: number;
  /** Family sizes follow a Pareto law of this exponent (default 1.1: mostly singletons, a few huge)… */
  alpha?: number;
  /** …capped at this size (default 1000). */
  maxFamily?: number;
}

/**
 * `count` hashes in families around random centres, in shuffled order (a bank's ids do not follow
 * families). With the defaults the mean family has ~6 members and ~15% of hashes sit in families of 500+.
 */
export function clusteredHashes(count: number, seed: number, options: ClusterOptions = {}): Uint32Array {
  const { maxFlips = 30, alpha = 1.1, maxFamily = 1000 } = options;
  const rng = new XorShift32(seed);
  const words = new Uint32Array(count * 8);
  const centre = new Uint32Array(8);
  for (let i = 0; i < count; ) {
    for (let w = 0; w < 8; w++) centre[w] = rng.next();
    const family = Math.min(maxFamily, Math.floor(rng.unit() ** (-1 / alpha)), count - i);
    for (let m = 0; m < family; m++, i++) nearDuplicate(centre, 0, rng.below(maxFlips + 1), rng, words, i * 8);
  }
  for (let i = count - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    for (let w = 0; w < 8; w++) {
      const t = words[i * 8 + w]!;
      words[i * 8 + w] = words[j * 8 + w]!;
      words[j * 8 + w] = t;
    }
  }
  return words;
}
