const sorted = new Float32Array(256);

/**
 * The lower middle value of 256 coefficients (the 128th smallest): what the reference's Torben median
 * returns for an even count. Bits are set for coefficients strictly above it, so exactly 128 bits are set
 * unless values tie at the median.
 */
export function lowerMedian256(values: Float32Array): number {
  sorted.set(values.subarray(0, 256));
  sorted.sort();
  return sorted[127]!;
}
