/** PDQ perceptual image hash: 256 bits, matched by Hamming distance (31 by default). */
import { hammingDistance } from '../pdq/hamming.ts';
import { PDQ_MATCH_THRESHOLD } from '../pdq/thresholds.ts';
import { normalizeHex } from './hex-type.ts';
import { defineSignalType } from './signal-type.ts';

const a = 'f8f8f0cee0f4a84f06370a32038f67f0b36e2ed596623e1d33e6339c4e9c9b22';
// `a` with its first 8 bits flipped (distance 8), and its complement (distance 256).
const near = `07${a.slice(2)}`;
const far = a.replace(/[0-9a-f]/g, (d) => (15 - parseInt(d, 16)).toString(16));

export const pdq = defineSignalType<'pdq'>({
  name: 'pdq',
  description: 'PDQ perceptual image hash (256 bits)',
  valueFormat: '64 hex digits',
  contentKind: 'media',
  indexKind: 'pdq',
  matchKind: 'distance',
  defaultThreshold: PDQ_MATCH_THRESHOLD,
  hexLength: 64,
  maxLength: 64,
  normalize: (v: string) => normalizeHex('pdq', 64, v),
  distance: (x: string, y: string) => hammingDistance(x, y),
  matches: (listed: string, query: string, threshold = PDQ_MATCH_THRESHOLD) => hammingDistance(listed, query) <= threshold,
  examples: {
    valid: [[a.toUpperCase(), a]],
    invalid: [a.slice(2), 'xyz'],
    matching: [[a, a], [a, near]],
    notMatching: [[a, far]],
  },
});
