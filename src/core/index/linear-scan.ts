// The reference answer for exactness tests and the benchmark's baseline: check every hash.
import { invalidInput } from '../lifeguard-error.ts';
import { pdqHexToWords } from '../pdq/index.ts';
import { popcount32 } from './bits.ts';

/** One hash of a scanned array within the radius: its position (hash number, not word offset) and distance. */
export interface ScanMatch {
  index: number;
  distance: number;
}

/** Every hash of `hashes` (n × 8 words) within `threshold` of `query`, sorted by distance, then index. */
export function linearScan(hashes: Uint32Array, query: string | Uint32Array, threshold: number): ScanMatch[] {
  if (hashes.length % 8 !== 0) throw invalidInput('invalid_hash', 'a hash array holds 8 words per hash');
  const q = typeof query === 'string' ? pdqHexToWords(query) : query;
  if (q.length !== 8) throw invalidInput('invalid_hash', 'a PDQ hash is 8 words');
  const q0 = q[0]!, q1 = q[1]!, q2 = q[2]!, q3 = q[3]!, q4 = q[4]!, q5 = q[5]!, q6 = q[6]!, q7 = q[7]!;
  const out: ScanMatch[] = [];
  for (let o = 0; o < hashes.length; o += 8) {
    let d = popcount32(hashes[o]! ^ q0) + popcount32(hashes[o + 1]! ^ q1) + popcount32(hashes[o + 2]! ^ q2) + popcount32(hashes[o + 3]! ^ q3);
    if (d > threshold) continue;
    d += popcount32(hashes[o + 4]! ^ q4) + popcount32(hashes[o + 5]! ^ q5) + popcount32(hashes[o + 6]! ^ q6) + popcount32(hashes[o + 7]! ^ q7);
    if (d <= threshold) out.push({ index: o >>> 3, distance: d });
  }
  return out.sort((a, b) => a.distance - b.distance || a.index - b.index);
}
