// PDQ perceptual hashing (Meta's open 256-bit image hash), bit-compatible with the reference C++.
export { lumaFromPixels } from './luma-from-pixels.ts';
export { pdqFromLuma, pdqFromPixels, PDQ_MIN_DIMENSION, type PdqResult } from './pdq-hash.ts';
export {
  dihedralNames,
  pdqDihedralFromLuma,
  pdqDihedralFromPixels,
  type DihedralName,
  type PdqDihedralResult,
} from './dihedral.ts';
export { isPdqHex, pdqHexToWords, pdqWordsToHex, zeroPdqHex } from './pdq-hex.ts';
export { hammingDistance, hammingDistanceWords, popcount32 } from './hamming.ts';
export { PDQ_MATCH_THRESHOLD, PDQ_MIN_QUALITY } from './thresholds.ts';
