// Blur and decimate a luma image to 64×64 exactly as the reference does (two passes of a row box filter
// then a column box filter, then nearest sampling at the cell centres), streaming over rows.
//
// The reference filters whole buffers; we get the same numbers with far less memory traffic:
// - pass 1 rows are produced on demand, four at a time, into a ring of `window + 5` rows (the column filter
//   never looks further back), so no full-size float buffer exists and the working set stays in cache;
// - pass 1 columns keep one running sum per column while walking rows in order;
// - pass 2 rows run their running sum along every row (each output depends on the whole chain), four rows
//   at a time, and only the 64 sampled columns are kept;
// - pass 2 columns then run on that height × 64 strip only.
// Every chain adds and subtracts in the reference's order with float32 rounding, so results are identical.
// This file is the plain JavaScript version and the dispatcher; downsample-wasm.ts runs the same steps with
// WebAssembly kernels (used whenever available; tests check both agree).
import {
  boxColumns,
  boxRow,
  boxRows4,
  columnAdd,
  columnAddEmit,
  columnSlideEmit,
  columnSubEmit,
  jaroszWindow,
  reciprocals,
} from './box-filter.ts';
import { downsampleTo64Wasm } from './downsample-wasm.ts';
import { ExtraCollector, type ExtraSamples } from './extra-samples.ts';

/** Rows of a luma image, fetched in small batches. */
export interface LumaSource {
  readonly width: number;
  readonly height: number;
  /** Set when the rows come from 8-bit RGB(A) pixels, so a faster path can convert them itself. */
  readonly rgb?: { readonly pixels: Uint8Array; readonly channels: 3 | 4 };
  /** Float32 buffer the rows are read from (may change after `load`). */
  data: Float32Array;
  /** Makes rows r .. r+count−1 (count ≤ 4) available in `data`, consecutive, and returns the offset of row r. */
  load(r: number, count: number): number;
}

/** Scratch buffers reused across calls (the hasher is synchronous, so one set per module is safe). */
class Workspace {
  ring = new Float32Array(0);
  sums = new Float32Array(64);
  colOut = new Float32Array(0);
  rowOut = new Float32Array(0);
  strip = new Float32Array(0);
  stripOut = new Float32Array(0);
  recip = reciprocals(64);
  sampleCols = new Int32Array(64);
  sampleRows = new Int32Array(64);

  prepare(width: number, height: number, ringRows: number, maxWindow: number): void {
    if (this.ring.length < ringRows * width) this.ring = new Float32Array(ringRows * width);
    if (this.sums.length < width) this.sums = new Float32Array(width);
    if (this.colOut.length < 4 * width) {
      this.colOut = new Float32Array(4 * width);
      this.rowOut = new Float32Array(4 * width);
    }
    if (this.strip.length < height * 64) {
      this.strip = new Float32Array(height * 64);
      this.stripOut = new Float32Array(height * 64);
    }
    if (this.recip.length <= maxWindow) this.recip = reciprocals(maxWindow);
    for (let k = 0; k < 64; k++) {
      this.sampleCols[k] = Math.trunc(((k + 0.5) * width) / 64);
      this.sampleRows[k] = Math.trunc(((k + 0.5) * height) / 64);
    }
  }

  /** Drops the buffers of very large images so one big file does not pin memory for the process's life. */
  release(limitFloats: number): void {
    if (this.ring.length > limitFloats) this.ring = new Float32Array(0);
    if (this.colOut.length > limitFloats) {
      this.sums = new Float32Array(64);
      this.colOut = new Float32Array(0);
      this.rowOut = new Float32Array(0);
    }
    if (this.strip.length > limitFloats) {
      this.strip = new Float32Array(0);
      this.stripOut = new Float32Array(0);
    }
  }
}

const workspace = new Workspace();
const keepFloats = 1 << 20;

/**
 * Blurs a luma image (both sides ≥ 1) with the reference's two-pass Jarosz filter and decimates it into
 * `out` (64×64, row-major). Uses the WebAssembly kernels when available, else plain JavaScript; both give
 * identical results.
 */
export function downsampleTo64(source: LumaSource, out: Float32Array, extra?: ExtraSamples): void {
  if (!downsampleTo64Wasm(source, out, extra)) downsampleTo64Js(source, out, extra);
}

/**
 * downsampleTo64 in plain JavaScript (float32 arithmetic emulated with Math.fround). With `extra`, also
 * samples the blurred image at other rows and columns (extra-samples.ts); the 64×64 output is unchanged.
 */
export function downsampleTo64Js(source: LumaSource, out: Float32Array, extra?: ExtraSamples): void {
  const { width, height } = source;
  const collector = extra === undefined ? undefined : new ExtraCollector(extra, height);
  const windowAlongRows = jaroszWindow(width);
  const windowAlongCols = jaroszWindow(height);
  const ringRows = windowAlongCols + 5;
  const ws = workspace;
  ws.prepare(width, height, ringRows, Math.max(windowAlongRows, windowAlongCols));
  const { ring, sums, colOut, rowOut, strip, stripOut, recip, sampleCols, sampleRows } = ws;

  // Pass 1 rows, produced lazily (four at a time) into the ring.
  let produced = 0;
  const slot = (r: number): number => {
    while (produced <= r) {
      const count = Math.min(4, height - produced);
      const from = source.load(produced, count);
      const data = source.data;
      if (count === 4) {
        boxRows4(
          data, from, from + width, from + 2 * width, from + 3 * width,
          ring,
          (produced % ringRows) * width,
          ((produced + 1) % ringRows) * width,
          ((produced + 2) % ringRows) * width,
          ((produced + 3) % ringRows) * width,
          width, windowAlongRows, recip,
        );
      } else {
        for (let q = 0; q < count; q++) {
          boxRow(data, from + q * width, ring, ((produced + q) % ringRows) * width, width, windowAlongRows, recip);
        }
      }
      produced += count;
    }
    return (r % ringRows) * width;
  };

  // Pass 2 rows on batches of four pass-1 column outputs; keep the 64 sampled columns of each.
  let pending = 0;
  let firstPending = 0;
  const flushRows = (): void => {
    if (pending === 4) {
      boxRows4(colOut, 0, width, 2 * width, 3 * width, rowOut, 0, width, 2 * width, 3 * width, width, windowAlongRows, recip);
    } else {
      for (let q = 0; q < pending; q++) boxRow(colOut, q * width, rowOut, q * width, width, windowAlongRows, recip);
    }
    for (let q = 0; q < pending; q++) {
      const base = (firstPending + q) * 64;
      const from = q * width;
      for (let k = 0; k < 64; k++) strip[base + k] = rowOut[from + sampleCols[k]!]!;
      collector?.addRow(firstPending + q, rowOut, from);
    }
    firstPending += pending;
    pending = 0;
  };
  // Offset in colOut where the next pass-1 column output row goes.
  const nextOut = (): number => {
    if (pending === 4) flushRows();
    return width * pending++;
  };

  // Pass 1 columns: the four phases of the running mean (grow, grow and emit, slide, shrink).
  const window = windowAlongCols;
  const half = (window + 2) >> 1;
  sums.fill(0, 0, width);
  let ri = 0;
  let li = 0;
  let count = 0;
  for (let i = 1; i < half; i++) {
    columnAdd(sums, ring, slot(ri++), width);
    count++;
  }
  for (let i = 0, e = window - half + 1; i < e; i++) {
    count++;
    columnAddEmit(sums, ring, slot(ri++), colOut, nextOut(), recip[count]!, width);
  }
  const inv = recip[window]!;
  for (let i = 0, e = height - window; i < e; i++) {
    const add = slot(ri++);
    columnSlideEmit(sums, ring, add, slot(li++), colOut, nextOut(), inv, width);
  }
  for (let i = 1; i < half; i++) {
    count--;
    columnSubEmit(sums, ring, slot(li++), colOut, nextOut(), recip[count]!, width);
  }
  flushRows();

  // Pass 2 columns on the height × 64 strip, then sample the 64 rows.
  boxColumns(strip, stripOut, 64, height, windowAlongCols, recip, sums);
  for (let i = 0; i < 64; i++) out.set(stripOut.subarray(sampleRows[i]! * 64, sampleRows[i]! * 64 + 64), i * 64);
  collector?.finish();
  ws.release(keepFloats);
}
