import { isPdqHex } from './pdq-hex.ts';
import { invalidInput } from '../lifeguard-error.ts';

/** Number of set bits of a 32-bit integer. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Hamming distance of two 256-bit hashes held as 8 uint32 words each (at the given word offsets). */
export function hammingDistanceWords(a: Uint32Array, b: Uint32Array, aOffset = 0, bOffset = 0): number {
  let d = 0;
  for (let m = 0; m < 8; m++) d += popcount32(a[aOffset + m]! ^ b[bOffset + m]!);
  return d;
}

/** Hamming distance of two PDQ hex hashes (0..256). Throws invalid_hash on malformed input. */
export function hammingDistance(a: string, b: string): number {
  if (!isPdqHex(a) || !isPdqHex(b)) {
    throw invalidInput('invalid_hash', 'hamming distance needs two PDQ hashes of 64 lower-case hex digits');
  }
  let d = 0;
  for (let m = 0; m < 64; m += 8) {
    d += popcount32(Number.parseInt(a.slice(m, m + 8), 16) ^ Number.parseInt(b.slice(m, m + 8), 16));
  }
  return d;
}
