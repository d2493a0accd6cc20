// One-dimensional running-mean box filters with the reference's exact arithmetic.
//
// The reference keeps a float32 running sum (add the entering sample, then subtract the leaving one) and
// divides by the number of samples inside the window, which shrinks near the edges. The window is
// off-centre for even sizes: with `half = floor((window + 2) / 2)`, output i averages samples
// i − (window − half) .. i + half − 1 (for window 8: 3 before, 4 after).
//
// The sum is rounded to float32 after every step (Math.fround, or a store into a Float32Array), so every
// output is bit-identical to the reference's. Dividing by n is done as multiplying by the double 1/n and
// rounding to float32: s/n (s float32, n a small integer) is never close enough to a float32 rounding
// boundary for the tiny error of the double reciprocal to matter (checked in box-filter.test.ts).

/** Reciprocals 1/n for n = 0..max (index 0 unused). */
export function reciprocals(max: number): Float64Array {
  const r = new Float64Array(max + 1);
  for (let n = 1; n <= max; n++) r[n] = 1 / n;
  return r;
}

/** `floor((dimension + 127) / 128)`: the box window along a dimension when downsampling to 64. */
export const jaroszWindow = (dimension: number): number => Math.floor((dimension + 127) / 128);

/**
 * Box-filters four rows of `n` samples at once: source rows at s0..s3 of `src`, outputs at d0..d3 of `dst`
 * (each contiguous). `recip[k]` must hold 1/k for k ≤ window. The four running sums are independent, so their
 * float32 rounding steps overlap instead of waiting on each other: a single row's chain is latency-bound,
 * four in one loop run about three times faster.
 */
export function boxRows4(
  src: Float32Array,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  dst: Float32Array,
  d0: number,
  d1: number,
  d2: number,
  d3: number,
  n: number,
  window: number,
  recip: Float64Array,
): void {
  const fround = Math.fround;
  const half = (window + 2) >> 1;
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let ri = 0;
  let li = 0;
  let oi = 0;
  let count = 0;
  for (let i = 1; i < half; i++, ri++) {
    a0 = fround(a0 + src[s0 + ri]!);
    a1 = fround(a1 + src[s1 + ri]!);
    a2 = fround(a2 + src[s2 + ri]!);
    a3 = fround(a3 + src[s3 + ri]!);
    count++;
  }
  for (let i = 0, e = window - half + 1; i < e; i++, ri++, oi++) {
    a0 = fround(a0 + src[s0 + ri]!);
    a1 = fround(a1 + src[s1 + ri]!);
    a2 = fround(a2 + src[s2 + ri]!);
    a3 = fround(a3 + src[s3 + ri]!);
    count++;
    const inv = recip[count]!;
    dst[d0 + oi] = a0 * inv;
    dst[d1 + oi] = a1 * inv;
    dst[d2 + oi] = a2 * inv;
    dst[d3 + oi] = a3 * inv;
  }
  const inv = recip[window]!;
  for (let i = 0, e = n - window; i < e; i++, ri++, li++, oi++) {
    a0 = fround(fround(a0 + src[s0 + ri]!) - src[s0 + li]!);
    a1 = fround(fround(a1 + src[s1 + ri]!) - src[s1 + li]!);
    a2 = fround(fround(a2 + src[s2 + ri]!) - src[s2 + li]!);
    a3 = fround(fround(a3 + src[s3 + ri]!) - src[s3 + li]!);
    dst[d0 + oi] = a0 * inv;
    dst[d1 + oi] = a1 * inv;
    dst[d2 + oi] = a2 * inv;
    dst[d3 + oi] = a3 * inv;
  }
  for (let i = 1; i < half; i++, li++, oi++) {
    a0 = fround(a0 - src[s0 + li]!);
    a1 = fround(a1 - src[s1 + li]!);
    a2 = fround(a2 - src[s2 + li]!);
    a3 = fround(a3 - src[s3 + li]!);
    count--;
    const invc = recip[count]!;
    dst[d0 + oi] = a0 * invc;
    dst[d1 + oi] = a1 * invc;
    dst[d2 + oi] = a2 * invc;
    dst[d3 + oi] = a3 * invc;
  }
}

/**
 * Box-filters `n` samples of `src` starting at `srcOff` into `dst` from `dstOff`. It is boxRows4 with the row
 * in every lane: each lane computes the same numbers into the same place. The spare lanes cost about a third
 * more than a one-lane loop; only the few rows left over from batches of four come here.
 */
export function boxRow(src: Float32Array, srcOff: number, dst: Float32Array, dstOff: number, n: number, window: number, recip: Float64Array): void {
  boxRows4(src, srcOff, srcOff, srcOff, srcOff, dst, dstOff, dstOff, dstOff, dstOff, n, window, recip);
}

// Column filters keep one running float32 sum per column in `sums` and walk the matrix row by row, so
// memory is read sequentially and the per-column chains are independent (no latency-bound loop).

/** Column step without output: sums += a[offA ..]. */
export function columnAdd(sums: Float32Array, a: Float32Array, offA: number, width: number): void {
  for (let j = 0; j < width; j++) sums[j] = sums[j]! + a[offA + j]!;
}

/** Column step while the window grows: sums += a[offA ..]; out = sums * inv. */
export function columnAddEmit(
  sums: Float32Array, a: Float32Array, offA: number, out: Float32Array, outOff: number, inv: number, width: number,
): void {
  for (let j = 0; j < width; j++) {
    const t = Math.fround(sums[j]! + a[offA + j]!);
    sums[j] = t;
    out[outOff + j] = t * inv;
  }
}

/** Column step at full window: sums += a[offAdd ..]; sums -= a[offSub ..]; out = sums * inv. */
export function columnSlideEmit(
  sums: Float32Array, a: Float32Array, offAdd: number, offSub: number, out: Float32Array, outOff: number, inv: number,
  width: number,
): void {
  for (let j = 0; j < width; j++) {
    const t = Math.fround(Math.fround(sums[j]! + a[offAdd + j]!) - a[offSub + j]!);
    sums[j] = t;
    out[outOff + j] = t * inv;
  }
}

/** Column step while the window shrinks: sums -= a[offSub ..]; out = sums * inv. */
export function columnSubEmit(
  sums: Float32Array, a: Float32Array, offSub: number, out: Float32Array, outOff: number, inv: number, width: number,
): void {
  for (let j = 0; j < width; j++) {
    const t = Math.fround(sums[j]! - a[offSub + j]!);
    sums[j] = t;
    out[outOff + j] = t * inv;
  }
}

/**
 * Box-filters every column of the row-major `height × width` matrix `src` into `dst` (same shape).
 * `recip[k]` must hold 1/k for k ≤ window; `sums` is scratch of length ≥ width.
 */
export function boxColumns(
  src: Float32Array, dst: Float32Array, width: number, height: number, window: number, recip: Float64Array,
  sums: Float32Array,
): void {
  const half = (window + 2) >> 1;
  sums.fill(0, 0, width);
  let ri = 0;
  let li = 0;
  let oi = 0;
  let count = 0;
  for (let i = 1; i < half; i++) {
    columnAdd(sums, src, width * ri++, width);
    count++;
  }
  for (let i = 0, e = window - half + 1; i < e; i++) {
    count++;
    columnAddEmit(sums, src, width * ri++, dst, width * oi++, recip[count]!, width);
  }
  const inv = recip[window]!;
  for (let i = 0, e = height - window; i < e; i++) {
    columnSlideEmit(sums, src, width * ri++, width * li++, dst, width * oi++, inv, width);
  }
  for (let i = 1; i < half; i++) {
    count--;
    columnSubEmit(sums, src, width * li++, dst, width * oi++, recip[count]!, width);
  }
}
