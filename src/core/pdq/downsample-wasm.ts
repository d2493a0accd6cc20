// The streaming blur of downsample.ts with its hot loops in WebAssembly (see wasm-kernels.ts): same ring of
// pass-1 rows, same order of operations, same float32 results, about twice as fast or better.
//
// Layout in the kernel memory (byte offsets, 16-aligned; `row` = width padded to a multiple of 4 floats,
// G = ROWS_PER_GROUP rows filtered together):
//   luma tables | ring (ringRows × row) | sums (row) | pending column outputs (G × row) | pass-2 rows (G × row)
//   | luma staging (G × row) | pixel staging (G × width × channels bytes)
// The ring holds a multiple of G rows and rows are produced in aligned groups of G, so each group is
// contiguous. The padding floats start at zero and stay zero, so the 4-wide column kernels need no tail;
// rows past the bottom of the image are filtered too (with stale inputs) but never read.
import { boxColumns, jaroszWindow, reciprocals } from './box-filter.ts';
import type { LumaSource } from './downsample.ts';
import { ExtraCollector, type ExtraSamples } from './extra-samples.ts';
import { LUMA_TABLES_BYTES, pdqKernels, ROWS_PER_GROUP as G, type PdqKernels } from './wasm-kernels.ts';

let f32 = new Float32Array(0);
let u8 = new Uint8Array(0);
let strip = new Float32Array(0);
let stripOut = new Float32Array(0);
const stripSums = new Float32Array(64);
let recip = reciprocals(64);
const sampleCols = new Int32Array(64);
const sampleRows = new Int32Array(64);
const keepFloats = 1 << 20;

/** Wider images use the JavaScript path, so the kernel memory (which never shrinks) stays a few MB. */
export const WASM_MAX_WIDTH = 16384;

function views(k: PdqKernels, bytes: number): void {
  const have = k.memory.buffer.byteLength;
  if (have < bytes) k.memory.grow(Math.ceil((bytes - have) / 65536));
  if (f32.buffer !== k.memory.buffer) {
    f32 = new Float32Array(k.memory.buffer);
    u8 = new Uint8Array(k.memory.buffer);
  }
}

const align16 = (n: number): number => (n + 15) & ~15;

/**
 * Blurs and decimates like downsampleTo64Js using the WebAssembly kernels (and takes the same `extra`
 * samples). Returns false (doing nothing) when WebAssembly SIMD is not available or the image is wider
 * than WASM_MAX_WIDTH.
 */
export function downsampleTo64Wasm(source: LumaSource, out: Float32Array, extra?: ExtraSamples): boolean {
  const k = pdqKernels();
  const { width, height } = source;
  if (k === null || width > WASM_MAX_WIDTH) return false;
  const collector = extra === undefined ? undefined : new ExtraCollector(extra, height);
  const windowAlongRows = jaroszWindow(width);
  const windowAlongCols = jaroszWindow(height);
  // Rows a multiple of 1 KiB apart would make the parallel row streams alias in the L1 cache (4K aliasing).
  const rowBytes = align16(width * 4) + ((width * 4) % 1024 === 0 ? 80 : 0);
  // Rows alive in the ring: li .. ri + G − 1, at most window + G; rounded up to a multiple of G.
  const ringRows = Math.ceil((windowAlongCols + G + 1) / G) * G;
  const channels = source.rgb?.channels ?? 0;
  const ring = align16(LUMA_TABLES_BYTES);
  const sums = ring + ringRows * rowBytes;
  const colOut = sums + rowBytes;
  const rowOut = colOut + G * rowBytes;
  const lumaStage = rowOut + G * rowBytes;
  const pixStage = lumaStage + G * rowBytes;
  const total = pixStage + align16(G * width * channels);
  views(k, total);
  u8.fill(0, ring, pixStage);
  if (strip.length < height * 64) {
    strip = new Float32Array(height * 64);
    stripOut = new Float32Array(height * 64);
  }
  const maxWindow = Math.max(windowAlongRows, windowAlongCols);
  if (recip.length <= maxWindow) recip = reciprocals(maxWindow);
  for (let i = 0; i < 64; i++) {
    sampleCols[i] = Math.trunc(((i + 0.5) * width) / 64);
    sampleRows[i] = Math.trunc(((i + 0.5) * height) / 64);
  }
  const rowFloats = rowBytes >> 2;
  const nvec = rowBytes >> 4;

  // Pass 1 rows, G at a time into the ring.
  let produced = 0;
  const slot = (r: number): number => {
    while (produced <= r) {
      const count = Math.min(G, height - produced);
      if (source.rgb !== undefined) {
        const start = produced * width * channels;
        u8.set(source.rgb.pixels.subarray(start, start + count * width * channels), pixStage);
        for (let q = 0; q < count; q++) k.lumaRgb(pixStage + q * width * channels, width, channels, lumaStage + q * rowBytes);
      } else {
        for (let q = 0; q < count; q++) {
          const from = source.load(produced + q, 1);
          f32.set(source.data.subarray(from, from + width), (lumaStage >> 2) + q * rowFloats);
        }
      }
      k.boxRows(lumaStage, rowBytes, ring + (produced % ringRows) * rowBytes, rowBytes, width, windowAlongRows);
      produced += G;
    }
    return ring + (r % ringRows) * rowBytes;
  };

  // Pass 2 rows on groups of G pass-1 column outputs; keep the 64 sampled columns of each.
  let pending = 0;
  let firstPending = 0;
  const flushRows = (): void => {
    if (pending === 0) return;
    k.boxRows(colOut, rowBytes, rowOut, rowBytes, width, windowAlongRows);
    for (let q = 0; q < pending; q++) {
      const base = (firstPending + q) * 64;
      const from = (rowOut >> 2) + q * rowFloats;
      for (let i = 0; i < 64; i++) strip[base + i] = f32[from + sampleCols[i]!]!;
      collector?.addRow(firstPending + q, f32, from);
    }
    firstPending += pending;
    pending = 0;
  };
  const nextOut = (): number => {
    if (pending === G) flushRows();
    return colOut + rowBytes * pending++;
  };

  // Pass 1 columns: grow, grow and emit, slide, shrink.
  const window = windowAlongCols;
  const half = (window + 2) >> 1;
  let ri = 0;
  let li = 0;
  let count = 0;
  for (let i = 1; i < half; i++) {
    k.colAdd(sums, slot(ri++), nvec);
    count++;
  }
  for (let i = 0, e = window - half + 1; i < e; i++) {
    const add = slot(ri++);
    count++;
    k.colAddEmit(sums, add, nextOut(), nvec, count);
  }
  for (let i = 0, e = height - window; i < e; i++) {
    const add = slot(ri++);
    const sub = slot(li++);
    k.colSlideEmit(sums, add, sub, nextOut(), nvec, window);
  }
  for (let i = 1; i < half; i++) {
    const sub = slot(li++);
    count--;
    k.colSubEmit(sums, sub, nextOut(), nvec, count);
  }
  flushRows();

  // Pass 2 columns on the height × 64 strip (small), then sample the 64 rows.
  boxColumns(strip, stripOut, 64, height, windowAlongCols, recip, stripSums);
  for (let i = 0; i < 64; i++) out.set(stripOut.subarray(sampleRows[i]! * 64, sampleRows[i]! * 64 + 64), i * 64);
  collector?.finish();
  if (strip.length > keepFloats) {
    strip = new Float32Array(0);
    stripOut = new Float32Array(0);
  }
  return true;
}
