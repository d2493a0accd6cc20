// The PDQ hex format: a 256-bit big-endian number, 64 lower-case hex digits, where bit k (k = 0 least
// significant) is DCT coefficient (row k >> 4, column k & 15). The reference builds 16 words of 16 bits
// (w[k >> 4] |= 1 << (k & 15)) and prints w[15] first.
//
// Word form used across Lifeguard (index, store): 8 × uint32 in reading order — words[0] holds the first
// 8 hex digits (bits 255..224), words[7] the last 8 (bits 31..0). So words[m] = w[15 − 2m] << 16 | w[14 − 2m].
import { invalidInput } from '../lifeguard-error.ts';

const hexPattern = /^[0-9a-f]{64}$/;

/** True when `s` is a PDQ hash: exactly 64 lower-case hex digits. */
export const isPdqHex = (s: string): boolean => typeof s === 'string' && hexPattern.test(s);

/** Hex of the 256 coefficients thresholded strictly above `median`. */
export function hexFromCoefficients(coefficients: Float32Array, median: number): string {
  let hex = '';
  for (let w = 15; w >= 0; w--) {
    let word = 0;
    const base = w * 16;
    for (let b = 0; b < 16; b++) if (coefficients[base + b]! > median) word |= 1 << b;
    hex += word.toString(16).padStart(4, '0');
  }
  return hex;
}

/** The all-zero hash (images too small to hash). */
export const zeroPdqHex = '0'.repeat(64);

/** Parses a PDQ hex hash into 8 uint32 words (words[0] = first 8 hex digits). Throws on bad input. */
export function pdqHexToWords(hex: string, into: Uint32Array = new Uint32Array(8), offset = 0): Uint32Array {
  if (!isPdqHex(hex)) {
    throw invalidInput('invalid_hash', `a PDQ hash is 64 lower-case hex digits, got ${describe(hex)}`);
  }
  for (let m = 0; m < 8; m++) into[offset + m] = Number.parseInt(hex.slice(m * 8, m * 8 + 8), 16) >>> 0;
  return into;
}

/** Formats 8 uint32 words (words[0] = first 8 hex digits) as a PDQ hex hash. */
export function pdqWordsToHex(words: Uint32Array, offset = 0): string {
  let hex = '';
  for (let m = 0; m < 8; m++) hex += (words[offset + m]! >>> 0).toString(16).padStart(8, '0');
  return hex;
}

function describe(value: unknown): string {
  if (typeof value !== 'string') return typeof value;
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return `${JSON.stringify(shown)} (${value.length} characters)`;
}
