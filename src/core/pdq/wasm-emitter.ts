// A minimal WebAssembly binary emitter: just enough to write the PDQ filter kernels in TypeScript and get a
// module at start-up, without a build step or an opaque binary blob in the repository.

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));

export const I32 = 0x7f;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;
type ValType = typeof I32 | typeof F32 | typeof F64 | typeof V128;

/** Builds one function body; methods append instructions and return `this` for chaining. */
export class Body {
  readonly code: number[] = [];
  private readonly locals: ValType[] = [];

  constructor(private readonly paramCount: number) {}

  /** Declares a local of the given type and returns its index. */
  local(type: ValType): number {
    this.locals.push(type);
    return this.paramCount + this.locals.length - 1;
  }

  private op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }

  get = (i: number) => this.op(0x20, ...uleb(i));
  set = (i: number) => this.op(0x21, ...uleb(i));
  tee = (i: number) => this.op(0x22, ...uleb(i));
  i32 = (n: number) => this.op(0x41, ...sleb(n | 0));
  f32 = (x: number) => this.op(0x43, ...new Uint8Array(Float32Array.of(x).buffer));
  f64 = (x: number) => this.op(0x44, ...new Uint8Array(Float64Array.of(x).buffer));
  // Control flow (block types are always empty).
  block = () => this.op(0x02, 0x40);
  loop = () => this.op(0x03, 0x40);
  if_ = () => this.op(0x04, 0x40);
  end = () => this.op(0x0b);
  br = (depth: number) => this.op(0x0c, ...uleb(depth));
  brIf = (depth: number) => this.op(0x0d, ...uleb(depth));
  // Integer arithmetic and comparison.
  add = () => this.op(0x6a);
  sub = () => this.op(0x6b);
  mul = () => this.op(0x6c);
  shrS = () => this.op(0x75);
  geS = () => this.op(0x4e);
  leS = () => this.op(0x4c);
  eqz = () => this.op(0x45);
  // Float arithmetic.
  f32Add = () => this.op(0x92);
  f32Sub = () => this.op(0x93);
  f32Mul = () => this.op(0x94);
  f32Div = () => this.op(0x95);
  f64Mul = () => this.op(0xa2);
  f64Div = () => this.op(0xa3);
  f32FromI32 = () => this.op(0xb2);
  f64FromI32 = () => this.op(0xb7);
  f32Demote = () => this.op(0xb6);
  f64Promote = () => this.op(0xbb);
  // Memory (natural alignment hints; `offset` in bytes).
  f32Load = (offset = 0) => this.op(0x2a, 2, ...uleb(offset));
  f32Store = (offset = 0) => this.op(0x38, 2, ...uleb(offset));
  u8Load = (offset = 0) => this.op(0x2d, 0, ...uleb(offset));
  // SIMD (prefix 0xfd).
  v128Load = (offset = 0) => this.op(0xfd, ...uleb(0), 4, ...uleb(offset));
  v128Store = (offset = 0) => this.op(0xfd, ...uleb(11), 4, ...uleb(offset));
  f32x4Splat = () => this.op(0xfd, ...uleb(19));
  f32x4Add = () => this.op(0xfd, ...uleb(228));
  f32x4Sub = () => this.op(0xfd, ...uleb(229));
  f32x4Div = () => this.op(0xfd, ...uleb(231));

  /** The encoded body: local declarations then code. */
  encode(): number[] {
    const groups = this.locals.map((t) => [1, t]);
    const body = [...vec(groups), ...this.code, 0x0b];
    return [...uleb(body.length), ...body];
  }
}

export interface FunctionDef {
  name: string;
  params: number;
  /** Writes the body; parameters are i32 locals 0..params−1. */
  build(b: Body): void;
}

/** A module exporting `memory` and the given functions (all parameters i32, no results). */
export function emitModule(functions: FunctionDef[]): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(Array.from({ length: f.params }, () => [I32])), 0]);
  const bodies = functions.map((f) => {
    const b = new Body(f.params);
    f.build(b);
    return b.encode();
  });
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(5, vec([[0x00, ...uleb(1)]])),
    ...section(7, vec([[...name('memory'), 0x02, 0], ...functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)])])),
    ...section(10, vec(bodies)),
  ];
  return Uint8Array.from(bytes);
}
