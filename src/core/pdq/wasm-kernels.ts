// The hot loops of the PDQ blur as WebAssembly: native float32 arithmetic (JavaScript has to emulate it with
// Math.fround, which costs two conversions per step) and 4-lane SIMD for the column filter. They compute
// exactly what box-filter.ts and luma-from-pixels.ts compute (tests compare them on many sizes).
// Pointers and strides are byte offsets into the module's memory.
import { Body, emitModule, F32, F64, I32, V128, type FunctionDef } from './wasm-emitter.ts';

/** The parts of the WebAssembly API used here (the project's TypeScript libs do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/** Exports of the kernel module. */
export interface PdqKernels {
  memory: WasmMemory;
  /** Luma of `n` RGB pixels `stride` bytes apart from `src`, as float32 at `dst` (uses the tables at 0). */
  lumaRgb(src: number, n: number, stride: number, dst: number): void;
  /** Box filter of ROWS_PER_GROUP rows of `n` floats (row q at src + q·srcStride) into dst + q·dstStride. */
  boxRows(src: number, srcStride: number, dst: number, dstStride: number, n: number, window: number): void;
  /** Column step, `nvec` groups of 4 floats: sums += add. */
  colAdd(sums: number, add: number, nvec: number): void;
  /** sums += add; out = sums / count. */
  colAddEmit(sums: number, add: number, out: number, nvec: number, count: number): void;
  /** sums += add; sums −= sub; out = sums / count. */
  colSlideEmit(sums: number, add: number, sub: number, out: number, nvec: number, count: number): void;
  /** sums −= sub; out = sums / count. */
  colSubEmit(sums: number, sub: number, out: number, nvec: number, count: number): void;
}

/** `while (counter > 0) { body(); counter-- }` */
function countdown(b: Body, counter: number, body: () => void): void {
  b.block().loop();
  b.get(counter).eqz().brIf(1);
  body();
  b.get(counter).i32(1).sub().set(counter);
  b.br(0).end().end();
}

/** local += step (i32). */
const bump = (b: Body, local: number, step: number) => b.get(local).i32(step).add().set(local);

/**
 * Bytes 0 .. LUMA_TABLES_BYTES of the kernel memory hold three tables of 256 float32 products
 * (0.299 · v, 0.587 · v, 0.114 · v, each rounded to float32, exactly the reference's products).
 * Looking them up avoids an int-to-float conversion per channel, which is slow on x64.
 */
export const LUMA_TABLES_BYTES = 3 * 256 * 4;

const lumaRgb: FunctionDef = {
  name: 'lumaRgb',
  params: 4,
  build(b) {
    const [src, n, stride, dst] = [0, 1, 2, 3];
    // table[channel][v] is at (channel · 256 + v) · 4.
    const lookup = (channel: number) => b.get(src).u8Load(channel).i32(4).mul().f32Load(channel * 1024);
    countdown(b, n, () => {
      b.get(dst);
      lookup(0);
      lookup(1).f32Add();
      lookup(2).f32Add();
      b.f32Store();
      b.get(src).get(stride).add().set(src);
      bump(b, dst, 4);
    });
  },
};

/** Rows filtered together by boxRows: their running sums are independent, so their latencies overlap. */
export const ROWS_PER_GROUP = 8;

const boxRows: FunctionDef = {
  name: 'boxRows',
  params: 6,
  build(b) {
    const Q = ROWS_PER_GROUP;
    const rows = Array.from({ length: Q }, (_, q) => q);
    const [src, srcStride, dst, dstStride, n, window] = [0, 1, 2, 3, 4, 5];
    const s = rows.map(() => b.local(I32));
    const d = rows.map(() => b.local(I32));
    const acc = rows.map(() => b.local(F32));
    const [half, ri, li, oi, count, k] = [0, 1, 2, 3, 4, 5].map(() => b.local(I32));
    const inv = b.local(F64);
    for (let q = 0; q < Q; q++) {
      b.get(src).get(srcStride).i32(q).mul().add().set(s[q]!);
      b.get(dst).get(dstStride).i32(q).mul().add().set(d[q]!);
    }
    b.get(window).i32(2).add().i32(1).shrS().set(half); // half = (window + 2) >> 1
    const addIn = (q: number) => b.get(acc[q]!).get(s[q]!).get(ri).add().f32Load().f32Add().set(acc[q]!);
    const subOut = (q: number) => b.get(acc[q]!).get(s[q]!).get(li).add().f32Load().f32Sub().set(acc[q]!);
    const storeDiv = (q: number) => b.get(d[q]!).get(oi).add().get(acc[q]!).get(count).f32FromI32().f32Div().f32Store();
    // Phase 1: accumulate half − 1 samples.
    b.get(half).i32(1).sub().set(k);
    countdown(b, k, () => {
      for (let q = 0; q < Q; q++) addIn(q);
      bump(b, ri, 4);
      bump(b, count, 1);
    });
    // Phase 2: grow the window and write.
    b.get(window).get(half).sub().i32(1).add().set(k);
    countdown(b, k, () => {
      for (let q = 0; q < Q; q++) addIn(q);
      bump(b, ri, 4);
      bump(b, count, 1);
      for (let q = 0; q < Q; q++) storeDiv(q);
      bump(b, oi, 4);
    });
    // Phase 3: slide the full window; multiply by the double reciprocal (same result as dividing).
    b.f64(1).get(window).f64FromI32().f64Div().set(inv);
    b.get(n).get(window).sub().set(k);
    countdown(b, k, () => {
      for (let q = 0; q < Q; q++) {
        b.get(acc[q]!).get(s[q]!).get(ri).add().f32Load().f32Add();
        b.get(s[q]!).get(li).add().f32Load().f32Sub().set(acc[q]!);
      }
      for (let q = 0; q < Q; q++) b.get(d[q]!).get(oi).add().get(acc[q]!).f64Promote().get(inv).f64Mul().f32Demote().f32Store();
      bump(b, ri, 4);
      bump(b, li, 4);
      bump(b, oi, 4);
    });
    // Phase 4: shrink the window.
    b.get(half).i32(1).sub().set(k);
    countdown(b, k, () => {
      for (let q = 0; q < Q; q++) subOut(q);
      bump(b, li, 4);
      b.get(count).i32(1).sub().set(count);
      for (let q = 0; q < Q; q++) storeDiv(q);
      bump(b, oi, 4);
    });
  },
};

/** A column step over `nvec` groups of 4 floats: optionally add a row, subtract a row, emit sums / count. */
function columnKernel(name: string, add: boolean, sub: boolean, emit: boolean): FunctionDef {
  const params = 2 + (add ? 1 : 0) + (sub ? 1 : 0) + (emit ? 2 : 0);
  return {
    name,
    params,
    build(b) {
      let p = 0;
      const sums = p++;
      const addPtr = add ? p++ : -1;
      const subPtr = sub ? p++ : -1;
      const out = emit ? p++ : -1;
      const nvec = p++;
      const count = emit ? p++ : -1;
      const divisor = b.local(V128);
      const t = b.local(V128);
      if (emit) b.get(count).f32FromI32().f32x4Splat().set(divisor);
      countdown(b, nvec, () => {
        b.get(sums).v128Load();
        if (add) b.get(addPtr).v128Load().f32x4Add();
        if (sub) b.get(subPtr).v128Load().f32x4Sub();
        b.set(t);
        b.get(sums).get(t).v128Store();
        bump(b, sums, 16);
        if (add) bump(b, addPtr, 16);
        if (sub) bump(b, subPtr, 16);
        if (emit) {
          b.get(out).get(t).get(divisor).f32x4Div().v128Store();
          bump(b, out, 16);
        }
      });
    },
  };
}

let instance: PdqKernels | null | undefined;

/** The compiled kernels, or null when this JavaScript engine has no WebAssembly SIMD. */
export function pdqKernels(): PdqKernels | null {
  if (instance !== undefined) return instance;
  try {
    const bytes = emitModule([
      lumaRgb,
      boxRows,
      columnKernel('colAdd', true, false, false),
      columnKernel('colAddEmit', true, false, true),
      columnKernel('colSlideEmit', true, true, true),
      columnKernel('colSubEmit', false, true, true),
    ]);
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (wasm === undefined) return (instance = null);
    const module = new wasm.Module(bytes);
    const kernels = new wasm.Instance(module, {}).exports as PdqKernels;
    const tables = new Float32Array(kernels.memory.buffer, 0, 3 * 256);
    [0.299, 0.587, 0.114].forEach((c, channel) => {
      for (let v = 0; v < 256; v++) tables[channel * 256 + v] = Math.fround(c) * v;
    });
    instance = kernels;
  } catch {
    instance = null;
  }
  return instance;
}

