/**
 * PDQ quality of a 64×64 downsampled image (0..100): the sum over vertically and horizontally adjacent pairs
 * of |trunc((u − v) · 100 / 255)|, divided by 90 and capped at 100. Computed in float32 as the reference
 * does, so the truncation lands on the same side.
 */
export function qualityOf64(a: Float32Array): number {
  const fround = Math.fround;
  let sum = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      const d = Math.trunc(fround(fround(fround(a[i * 64 + j]! - a[(i + 1) * 64 + j]!) * 100) / 255));
      sum += d < 0 ? -d : d;
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      const d = Math.trunc(fround(fround(fround(a[i * 64 + j]! - a[i * 64 + j + 1]!) * 100) / 255));
      sum += d < 0 ? -d : d;
    }
  }
  return Math.min(100, Math.floor(sum / 90));
}
