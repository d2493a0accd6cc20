// "Un-cropped" candidates at full resolution. If the query is the original with `scale` of a side kept, the
// original's 64×64 PDQ image samples the same blurred picture (the blur window depends on the side length,
// which a 5% crop rarely changes) at the original's 64 cell centres. Those centres that fall inside the
// query are read from the query's own blurred image, exactly, while the blur runs (extra-samples.ts); only
// the ones in the cut-away band are unknown and get filled. Resampling the 64×64 image instead
// (uncrop.ts) interpolates between samples that are a whole blur width apart, which loses detail.
import { dctMatrix } from './dct.ts';
import type { ExtraSamples } from './extra-samples.ts';
import { dct64To16Fast } from './uncrop.ts';

/** How the samples that fall in the cut-away band are filled. */
export type UncropFill = 'edge' | 'fade';

/** Where the kept part sat in the original (as UncropPlacement in uncrop.ts) and how the rest is filled. */
export interface FullUncrop {
  scaleX: number;
  scaleY: number;
  alignX: 0 | 0.5 | 1;
  alignY: 0 | 0.5 | 1;
  /** 'edge': the nearest blurred sample inside; 'fade': halfway between that and the candidate's mean. */
  fill: UncropFill;
}

/** Full-resolution un-crop candidates: `uncrop-<where>-<kept %>-<fill>`; `where` is the side that was cut or `centre`. */
export const fullUncropCandidates: Readonly<Record<string, FullUncrop>> = (() => {
  const out: Record<string, FullUncrop> = {};
  for (const kept of [94, 95, 96]) {
    const s = kept / 100;
    for (const fill of ['edge', 'fade'] as const) {
      out[`uncrop-centre-${kept}-${fill}`] = { scaleX: s, scaleY: s, alignX: 0.5, alignY: 0.5, fill };
      out[`uncrop-top-${kept}-${fill}`] = { scaleX: 1, scaleY: s, alignX: 0.5, alignY: 1, fill };
      out[`uncrop-bottom-${kept}-${fill}`] = { scaleX: 1, scaleY: s, alignX: 0.5, alignY: 0, fill };
      out[`uncrop-left-${kept}-${fill}`] = { scaleX: s, scaleY: 1, alignX: 1, alignY: 0.5, fill };
      out[`uncrop-right-${kept}-${fill}`] = { scaleX: s, scaleY: 1, alignX: 0, alignY: 0.5, fill };
    }
  }
  return out;
})();

/** One placement of a plan (its fills are candidates): which extra samples make its 64×64 image, which lie inside the query. */
interface PlannedUncrop {
  /** Candidate names by fill, for the fills asked for. */
  names: Partial<Record<UncropFill, string>>;
  /** For each of the 64 columns/rows of the candidate: index into the plan's extra columns/rows. */
  colAt: Int32Array;
  rowAt: Int32Array;
  insideX: Uint8Array;
  insideY: Uint8Array;
}

/** The extra samples a set of candidates needs from one blur, and how each candidate reads them. */
export interface UncropPlan {
  extra: ExtraSamples;
  candidates: PlannedUncrop[];
}

/**
 * The original's 64 sample positions along an axis of `n` query pixels, as query indices clamped inside,
 * for a crop that kept `scale` of the side with the kept part at `align`.
 */
export function originalGrid(n: number, scale: number, align: number): { index: Int32Array; inside: Uint8Array } {
  const whole = n / scale;
  const offset = Math.round(align * (whole - n));
  const index = new Int32Array(64);
  const inside = new Uint8Array(64);
  for (let k = 0; k < 64; k++) {
    const p = Math.trunc(((k + 0.5) * whole) / 64) - offset;
    inside[k] = p >= 0 && p < n ? 1 : 0;
    index[k] = p < 0 ? 0 : p >= n ? n - 1 : p;
  }
  return { index, inside };
}

/** Positions shared between candidates are sampled once. */
function collect(positions: Map<number, number>, index: Int32Array): Int32Array {
  const at = new Int32Array(64);
  for (let k = 0; k < 64; k++) {
    const p = index[k]!;
    let slot = positions.get(p);
    if (slot === undefined) positions.set(p, (slot = positions.size));
    at[k] = slot;
  }
  return at;
}

/** Plans the named candidates (unknown names are skipped) for a `width × height` query. */
export function planUncrop(width: number, height: number, names: readonly string[]): UncropPlan {
  const cols = new Map<number, number>();
  const rows = new Map<number, number>();
  const byPlacement = new Map<string, PlannedUncrop>();
  for (const name of names) {
    const c = fullUncropCandidates[name];
    if (c === undefined) continue;
    const key = `${c.scaleX} ${c.scaleY} ${c.alignX} ${c.alignY}`;
    const known = byPlacement.get(key);
    if (known !== undefined) {
      known.names[c.fill] = name;
      continue;
    }
    const x = originalGrid(width, c.scaleX, c.alignX);
    const y = originalGrid(height, c.scaleY, c.alignY);
    byPlacement.set(key, { names: { [c.fill]: name }, colAt: collect(cols, x.index), rowAt: collect(rows, y.index), insideX: x.inside, insideY: y.inside });
  }
  const extra: ExtraSamples = { cols: Int32Array.from(cols.keys()), rows: Int32Array.from(rows.keys()), out: new Float32Array(cols.size * rows.size) };
  return { extra, candidates: [...byPlacement.values()] };
}

/** Fills `extra.out` from an unblurred 64×64 image (the reference hashes 64×64 input without a blur). */
export function sampleExtraFrom64(image64: Float32Array, extra: ExtraSamples): void {
  const n = extra.cols.length;
  for (let i = 0; i < extra.rows.length; i++) {
    for (let j = 0; j < n; j++) extra.out[i * n + j] = image64[extra.rows[i]! * 64 + extra.cols[j]!]!;
  }
}

const image = new Float32Array(64 * 64);
const coefficients = new Float32Array(256);
const faded = new Float32Array(256);
const rowPart = new Float64Array(64 * 16);

/**
 * Writes the planned placement's 64×64 image with edge fill into `out` (once `plan.extra.out` holds the
 * blurred samples) and returns the mean of the samples inside the query.
 */
export function uncropImage(plan: UncropPlan, c: PlannedUncrop, out: Float32Array): number {
  const { out: samples, cols } = plan.extra;
  const n = cols.length;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < 64; i++) {
    const row = c.rowAt[i]! * n;
    for (let j = 0; j < 64; j++) {
      const v = samples[row + c.colAt[j]!]!;
      out[i * 64 + j] = v;
      if (c.insideY[i] === 1 && c.insideX[j] === 1) {
        sum += v;
        count++;
      }
    }
  }
  return count === 0 ? 0 : sum / count;
}

/**
 * 'fade' from 'edge' without a second full DCT: the fill changes only the cut-away band, so the 16×16 DCT
 * of that change (D · Δ · Dᵀ, Δ zero inside) is added to the edge candidate's coefficients.
 */
function fadeCoefficients(c: PlannedUncrop, edgeImage: Float32Array, mean: number, edge: Float32Array, out: Float32Array): void {
  const d = dctMatrix;
  rowPart.fill(0);
  for (let i = 0; i < 64; i++) {
    const wholeRow = c.insideY[i] === 0;
    for (let j = 0; j < 64; j++) {
      if (!wholeRow && c.insideX[j] === 1) continue;
      const delta = 0.5 * (mean - edgeImage[i * 64 + j]!);
      for (let v = 0; v < 16; v++) rowPart[i * 16 + v] += delta * d[v * 64 + j]!;
    }
  }
  out.set(edge);
  const everyColumnInside = c.insideX.every((x) => x === 1);
  for (let i = 0; i < 64; i++) {
    if (c.insideY[i] === 1 && everyColumnInside) continue;
    for (let u = 0; u < 16; u++) {
      const du = d[u * 64 + i]!;
      for (let v = 0; v < 16; v++) out[u * 16 + v] += du * rowPart[i * 16 + v]!;
    }
  }
}

/**
 * Calls `emit(name, coefficients)` with the 16×16 DCT coefficients of every planned candidate, once
 * `plan.extra.out` holds the blurred samples ('fade': halfway between the edge fill and the mean of the
 * samples inside, as what lay beyond the cut is as likely to differ from the edge as to continue it).
 */
export function uncropCoefficients(plan: UncropPlan, emit: (name: string, coefficients: Float32Array) => void): void {
  for (const c of plan.candidates) {
    const mean = uncropImage(plan, c, image);
    dct64To16Fast(image, dctMatrix, coefficients);
    if (c.names.edge !== undefined) emit(c.names.edge, coefficients);
    if (c.names.fade !== undefined) {
      fadeCoefficients(c, image, mean, coefficients, faded);
      emit(c.names.fade, faded);
    }
  }
}
