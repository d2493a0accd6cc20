// Finds the picture inside a frame: borders of one solid colour (black, white, any colour; one side or all),
// blurred-edge letterboxing (the picture over a blurred, enlarged copy of itself) and picture-in-picture
// frames (the picture inset in another picture, bounded by four straight edges).
//
// Works on a luma thumbnail sampled with a stride (nearest pixels keep edges one line sharp), so the cost
// is independent of the image size. Returns rectangles in full-resolution pixels; the caller hashes them.

/** A rectangle in image pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What was found: the picture with its borders trimmed, and/or an inset picture bounded by straight edges. */
export interface ContentRects {
  /** Uniform or blurred borders trimmed (any subset of the four sides). */
  trimmed?: Rect;
  /** Only the widest borders trimmed (those at least half as wide as the widest), when that differs. */
  trimmedMajor?: Rect;
  /** Only the solid-colour borders trimmed, when that differs (a flat block of the picture can pass for a band). */
  trimmedUniform?: Rect;
  /** A picture-in-picture inset (all four sides bounded by straight edges, the surround textured). */
  inset?: Rect;
}

/** A luma thumbnail: `width × height` floats, row-major, and the stride it was sampled with. */
export interface LumaThumb {
  data: Float32Array;
  width: number;
  height: number;
  /** Full-resolution pixels per thumbnail pixel, horizontally and vertically. */
  stepX: number;
  stepY: number;
}

/** The longest side of the thumbnail the detector looks at. */
export const TRIM_THUMB_SIDE = 192;

/**
 * Samples a luma thumbnail from a row loader: `rowLuma(r, columns)` returns a row of luma in which at least
 * the given columns are filled.
 */
export function sampleLumaThumb(width: number, height: number, rowLuma: (r: number, columns: Int32Array) => Float32Array): LumaThumb {
  const step = Math.max(1, Math.ceil(Math.max(width, height) / TRIM_THUMB_SIDE));
  const tw = Math.max(1, Math.floor(width / step));
  const th = Math.max(1, Math.floor(height / step));
  const stepX = width / tw;
  const stepY = height / th;
  const columns = new Int32Array(tw);
  for (let j = 0; j < tw; j++) columns[j] = Math.min(width - 1, Math.floor((j + 0.5) * stepX));
  const data = new Float32Array(tw * th);
  for (let i = 0; i < th; i++) {
    const row = rowLuma(Math.min(height - 1, Math.floor((i + 0.5) * stepY)), columns);
    for (let j = 0; j < tw; j++) data[i * tw + j] = row[columns[j]!]!;
  }
  return { data, width: tw, height: th, stepX, stepY };
}

/** Borders thinner than this share of a side are ignored (they hardly move the hash). */
const MIN_TRIM = 0.015;
/** At most this share of a side is trimmed per side. */
const MAX_TRIM = 0.4;
/** A border line: this share of its pixels within UNIFORM_TOLERANCE of the border colour. */
const UNIFORM_SHARE = 0.96;
const UNIFORM_TOLERANCE = 14;
/** A straight edge: mean step across it at least EDGE_MIN levels and EDGE_RATIO × its neighbours' steps. */
const EDGE_MIN = 8;
const EDGE_RATIO = 3.5;
/** Share of the edge's pixels with a visible step (> EDGE_PIXEL levels). */
const EDGE_SHARE = 0.55;
const EDGE_PIXEL = 5;
/** An inset's edges: found with this ridge share over the whole side, confirmed with the next along the inset. */
const INSET_FIND_SHARE = 0.45;
const INSET_EDGE_SHARE = 0.6;
/** Ridge share of an edge along the whole side that, with its opposite side, makes a letterbox. */
const PAIR_EDGE_SHARE = 0.6;
/** A blurred border's texture is at most this share of the picture's. */
const FLAT_RATIO = 0.35;

type Side = 'top' | 'bottom' | 'left' | 'right';
const sides: readonly Side[] = ['top', 'bottom', 'left', 'right'];

/**
 * The thumbnail seen from one side: line k (k = 0 outermost) is a row or column, copied so that reads are
 * plain array reads; full-length statistics per line are computed once and cached.
 */
function lineReader(t: LumaThumb, side: Side) {
  const { data, width, height } = t;
  const vertical = side === 'left' || side === 'right';
  const count = vertical ? width : height;
  const length = vertical ? height : width;
  const v = new Float32Array(count * length);
  if (side === 'top') v.set(data.subarray(0, count * length));
  else if (side === 'bottom') for (let k = 0; k < count; k++) v.set(data.subarray((height - 1 - k) * width, (height - k) * width), k * length);
  else {
    for (let i = 0; i < length; i++) {
      const row = i * width;
      if (side === 'left') for (let k = 0; k < count; k++) v[k * length + i] = data[row + k]!;
      else for (let k = 0; k < count; k++) v[k * length + i] = data[row + width - 1 - k]!;
    }
  }
  const at = (k: number, i: number): number => v[k * length + i]!;
  return { count, length, v, at, steps: new Map<number, { mean: number; share: number }>(), ridges: new Map<number, number>(), textures: new Map<number, number>() };
}

type Reader = ReturnType<typeof lineReader>;

/** Lines of one colour from the outside in; returns how many (0 when the outermost line is not uniform). */
function uniformLines(r: Reader, from: number, to: number): number {
  const outer: number[] = [];
  for (let i = from; i < to; i++) outer.push(r.at(0, i));
  outer.sort((a, b) => a - b);
  const ref = outer[outer.length >> 1]!;
  const limit = Math.floor(r.count * MAX_TRIM);
  let k = 0;
  for (; k < limit; k++) {
    let near = 0;
    const v = r.v;
    for (let i = from, o = k * r.length + from; i < to; i++, o++) if (Math.abs(v[o]! - ref) <= UNIFORM_TOLERANCE) near++;
    if (near < UNIFORM_SHARE * (to - from)) break;
  }
  return k;
}

/** Mean |step| between lines k−1 and k over [from, to), and the share of pixels with a visible step. */
function stepAcross(r: Reader, k: number, from: number, to: number): { mean: number; share: number } {
  const full = from === 0 && to === r.length;
  const cached = full ? r.steps.get(k) : undefined;
  if (cached) return cached;
  let sum = 0;
  let visible = 0;
  for (let i = from; i < to; i++) {
    const o = k * r.length + i;
    const d = Math.abs(r.v[o]! - r.v[o - r.length]!);
    sum += d;
    if (d > EDGE_PIXEL) visible++;
  }
  const n = Math.max(1, to - from);
  const out = { mean: sum / n, share: visible / n };
  if (full) r.steps.set(k, out);
  return out;
}

/** Mean |difference| along lines [a, b) (their own texture) over [from, to). */
function textureOf(r: Reader, a: number, b: number, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  const full = from === 0 && to === r.length;
  for (let k = a; k < b; k++) {
    let line = full ? r.textures.get(k) : undefined;
    if (line === undefined) {
      line = 0;
      const v = r.v;
      for (let i = from + 1, o = k * r.length + from + 1; i < to; i++, o++) line += Math.abs(v[o]! - v[o - 1]!);
      if (full) r.textures.set(k, line);
    }
    sum += line;
    n += Math.max(0, to - from - 1);
  }
  return n === 0 ? 0 : sum / n;
}

/**
 * Share of the positions in [from, to) where the step across line k is visible and larger than the steps
 * across the lines on either side: near 1 along a real straight edge, about 1/3 in noise or texture.
 */
function ridgeShare(r: Reader, k: number, from: number, to: number): number {
  if (k < 2 || k + 1 >= r.count) return 0;
  const full = from === 0 && to === r.length;
  const cached = full ? r.ridges.get(k) : undefined;
  if (cached !== undefined) return cached;
  let ridge = 0;
  for (let i = from; i < to; i++) {
    const v = r.v;
    const L = r.length;
    const o = k * L + i;
    const d = Math.abs(v[o]! - v[o - L]!);
    if (d > EDGE_PIXEL && d > Math.abs(v[o - L]! - v[o - 2 * L]!) && d > Math.abs(v[o + L]! - v[o]!)) ridge++;
  }
  const out = ridge / Math.max(1, to - from);
  if (full) r.ridges.set(k, out);
  return out;
}

/** The straightest edge parallel to the side within its outer MAX_TRIM, over [from, to). */
function strongestEdge(r: Reader, from: number, to: number, minK: number, minShare: number): { k: number; share: number } | undefined {
  const limit = Math.floor(r.count * MAX_TRIM);
  let best: { k: number; share: number } | undefined;
  for (let k = Math.max(2, minK); k <= limit; k++) {
    const share = ridgeShare(r, k, from, to);
    if (share < minShare || (best !== undefined && share <= best.share)) continue;
    if (stepAcross(r, k, from, to).mean < EDGE_MIN) continue;
    best = { k, share };
  }
  return best;
}

/**
 * The edge where a flat (solid or blurred) band gives way to the picture: the line whose step stands out
 * against the steps just outside it (the flat side) and is not drowned by the picture's own texture inside.
 */
function flatBandEdge(r: Reader, minK: number): number | undefined {
  const limit = Math.floor(r.count * MAX_TRIM);
  const steps: number[] = [];
  for (let k = 1; k <= Math.min(limit + 4, r.count - 1); k++) steps[k] = stepAcross(r, k, 0, r.length).mean;
  // Median of the (up to 4) steps on one side of k, without allocating.
  const near = [0, 0, 0, 0];
  const med = (k: number, dir: 1 | -1): number => {
    let n = 0;
    for (let d = 1; d <= 4; d++) {
      const v = steps[k + dir * d];
      if (k + dir * d < 1 || v === undefined) continue;
      let j = n++;
      while (j > 0 && near[j - 1]! > v) near[j] = near[--j]!;
      near[j] = v;
    }
    return n === 0 ? 0 : near[n >> 1]!;
  };
  let best: { k: number; score: number } | undefined;
  for (let k = Math.max(2, minK); k <= limit; k++) {
    const here = steps[k]!;
    if (here < EDGE_MIN) continue;
    const outside = med(k, -1);
    const inside = med(k, 1);
    const score = here / (outside + 1);
    if (score < EDGE_RATIO || here < 1.5 * inside) continue;
    if (best === undefined || score > best.score) best = { k, score };
  }
  if (best === undefined || stepAcross(r, best.k, 0, r.length).share < EDGE_SHARE) return undefined;
  const band = Math.max(best.k, minLines(r));
  const outside = textureOf(r, 0, best.k, 0, r.length);
  const inside = textureOf(r, best.k, Math.min(r.count, best.k + band), 0, r.length);
  return outside <= FLAT_RATIO * inside ? best.k : undefined;
}

const minLines = (r: Reader): number => Math.max(2, Math.ceil(r.count * MIN_TRIM));

/** Lines to trim on one side: a uniform border, or a flat (blurred) band ending at a straight edge. */
function trimSide(r: Reader): { k: number; band: boolean } {
  const uniform = uniformLines(r, 0, r.length);
  if (uniform >= Math.floor(r.count * MAX_TRIM)) return { k: 0, band: false }; // the whole picture is flat
  // A solid border ends at a visible edge. A band can instead start uniform and then drift (a gradient, a
  // blurred copy): then the picture starts at the band's edge further in.
  if (uniform >= minLines(r) && stepAcross(r, uniform, 0, r.length).mean >= EDGE_MIN) return { k: uniform, band: false };
  const band = flatBandEdge(r, Math.max(minLines(r), uniform));
  if (band !== undefined) return { k: band, band: uniform < minLines(r) };
  return uniform >= minLines(r) ? { k: uniform, band: false } : { k: 0, band: false };
}

/**
 * Letterboxes are nearly always symmetric: when one side has a band of k lines and its opposite side none,
 * the opposite side gets one too if its outer k (±2) lines are flat next to the picture's texture there.
 */
function mirrorBand(r: Reader, k: number): number {
  if (k < minLines(r) || k > r.count * MAX_TRIM) return 0;
  let best = 0;
  let bestStep = -1;
  for (let c = Math.max(1, k - 2); c <= Math.min(r.count - 1, k + 2); c++) {
    const step = stepAcross(r, c, 0, r.length).mean;
    if (step > bestStep) [best, bestStep] = [c, step];
  }
  // Either the band is flat next to the picture, or the picture's edge runs straight along the whole side.
  if (bestStep >= EDGE_MIN && ridgeShare(r, best, 0, r.length) >= PAIR_EDGE_SHARE) return best;
  const outside = textureOf(r, 0, best, 0, r.length);
  const inside = textureOf(r, best, Math.min(r.count, 2 * best), 0, r.length);
  return outside <= FLAT_RATIO * inside ? best : 0;
}

/**
 * A letterbox around a smooth picture (its blurred copy is hardly flatter than the picture itself): two
 * straight edges along the whole length of opposite sides, at the same distance (±2 lines) from the edge.
 */
function symmetricEdges(a: Reader, b: Reader): number {
  const limit = Math.floor(Math.min(a.count, b.count) * MAX_TRIM);
  let best = 0;
  let bestShare = 0;
  for (let k = minLines(a); k <= limit; k++) {
    const sa = ridgeShare(a, k, 0, a.length);
    if (sa < PAIR_EDGE_SHARE || stepAcross(a, k, 0, a.length).mean < EDGE_MIN) continue;
    for (let c = Math.max(2, k - 2); c <= Math.min(limit, k + 2); c++) {
      const sb = ridgeShare(b, c, 0, b.length);
      if (sb < PAIR_EDGE_SHARE || stepAcross(b, c, 0, b.length).mean < EDGE_MIN) continue;
      if (Math.min(sa, sb) > bestShare) [best, bestShare] = [k, Math.min(sa, sb)];
    }
  }
  return best;
}

/** Thumbnail rectangle → full-resolution rectangle. */
function toImage(t: LumaThumb, top: number, bottom: number, left: number, right: number, width: number, height: number): Rect {
  const x = Math.round(left * t.stepX);
  const y = Math.round(top * t.stepY);
  const x2 = Math.min(width, Math.round((t.width - right) * t.stepX));
  const y2 = Math.min(height, Math.round((t.height - bottom) * t.stepY));
  return { x, y, width: x2 - x, height: y2 - y };
}

/** A picture-in-picture inset: four straight edges that agree on one rectangle with a textured surround. */
function findInset(t: LumaThumb, readers: Record<Side, Reader>): { top: number; bottom: number; left: number; right: number } | undefined {
  const found: Partial<Record<Side, number>> = {};
  for (const side of sides) {
    const r = readers[side];
    const e = strongestEdge(r, 0, r.length, minLines(r), INSET_FIND_SHARE);
    if (e === undefined) return undefined;
    found[side] = e.k;
  }
  let { top = 0, bottom = 0, left = 0, right = 0 } = found;
  // Check each edge again along the inset's own span only: a real frame edge is visible along all of it.
  for (const side of sides) {
    const r = readers[side];
    const [from, to] = side === 'top' || side === 'bottom' ? [left, t.width - right] : [top, t.height - bottom];
    if (to - from < r.length * 0.3) return undefined;
    const k = { top, bottom, left, right }[side];
    if (stepAcross(r, k, from, to).mean < EDGE_MIN || ridgeShare(r, k, from, to) < INSET_EDGE_SHARE) return undefined;
  }
  return { top, bottom, left, right };
}

/** The picture inside any border or frame of an image, from its luma thumbnail; empty when there is none. */
export function findContentRects(t: LumaThumb, width: number, height: number): ContentRects {
  const out: ContentRects = {};
  if (t.width < 16 || t.height < 16) return out;
  const readers = { top: lineReader(t, 'top'), bottom: lineReader(t, 'bottom'), left: lineReader(t, 'left'), right: lineReader(t, 'right') };
  const found = { top: trimSide(readers.top), bottom: trimSide(readers.bottom), left: trimSide(readers.left), right: trimSide(readers.right) };
  const trim = { top: found.top.k, bottom: found.bottom.k, left: found.left.k, right: found.right.k };
  // Only blurred bands are mirrored: a solid border on one side is common (a caption bar), a blurred one is not.
  for (const [a, b] of [['top', 'bottom'], ['bottom', 'top'], ['left', 'right'], ['right', 'left']] as const) {
    if (trim[b] === 0 && found[a].band) trim[b] = mirrorBand(readers[b], trim[a]);
  }
  for (const [a, b] of [['top', 'bottom'], ['left', 'right']] as const) {
    if (trim[a] !== 0 || trim[b] !== 0) continue;
    const k = symmetricEdges(readers[a], readers[b]);
    if (k > 0) {
      // The far side's edge is within ±2 lines of k: take its own strongest line there.
      trim[a] = k;
      trim[b] = mirrorBand(readers[b], k) || k;
    }
  }
  if (trim.top + trim.bottom + trim.left + trim.right > 0 && t.height - trim.top - trim.bottom >= 8 && t.width - trim.left - trim.right >= 8) {
    out.trimmed = toImage(t, trim.top, trim.bottom, trim.left, trim.right, width, height);
    // A picture's own dark or flat edge can pass for a thin border beside a real one: also try without it.
    const widest = Math.max(trim.top / t.height, trim.bottom / t.height, trim.left / t.width, trim.right / t.width);
    const keep = (n: number, side: number) => (n / side >= widest / 2 ? n : 0);
    const major = { top: keep(trim.top, t.height), bottom: keep(trim.bottom, t.height), left: keep(trim.left, t.width), right: keep(trim.right, t.width) };
    const differs = (a: typeof trim, b: typeof trim) => a.top !== b.top || a.bottom !== b.bottom || a.left !== b.left || a.right !== b.right;
    if (differs(major, trim)) out.trimmedMajor = toImage(t, major.top, major.bottom, major.left, major.right, width, height);
    const solid = (side: Side) => (found[side].band || found[side].k !== trim[side] ? 0 : trim[side]);
    const uniform = { top: solid('top'), bottom: solid('bottom'), left: solid('left'), right: solid('right') };
    if (uniform.top + uniform.bottom + uniform.left + uniform.right > 0 && differs(uniform, trim) && differs(uniform, major)) {
      out.trimmedUniform = toImage(t, uniform.top, uniform.bottom, uniform.left, uniform.right, width, height);
    }
  }
  const inset = findInset(t, readers);
  if (inset !== undefined) {
    const rect = toImage(t, inset.top, inset.bottom, inset.left, inset.right, width, height);
    const same = out.trimmed && Math.abs(out.trimmed.x - rect.x) + Math.abs(out.trimmed.y - rect.y) + Math.abs(out.trimmed.width - rect.width) + Math.abs(out.trimmed.height - rect.height) <= 4 * Math.max(t.stepX, t.stepY);
    if (!same) out.inset = rect;
  }
  return out;
}
