// Query-side robustness for PDQ: besides the plain hash (bit-identical to pdqFromPixels), extra query hashes
// that approximate the hash of the original when the query was framed, cropped or turned:
// - 'trimmed': the picture with uniform or blurred borders trimmed (border-trim.ts), hashed again;
// - 'inset': a picture-in-picture inset cut out and hashed;
// - 'uncrop-…-edge/-fade': the query's blurred picture sampled at an estimate of the uncropped original's grid,
//   in the same blur as the plain hash (uncrop-full.ts); 'uncrop-…' without those suffixes: the query's 64×64
//   image shrunk back into such an estimate (uncrop.ts, kept for measuring);
// - dihedral names: rotations/flips of the plain coefficients (no new DCT).
// Banks hold only hashes (the original is never available), so all of this happens on the query side.
import { dct64To16, dctMatrix } from './dct.ts';
import { dihedralCoefficients, type DihedralName } from './dihedral.ts';
import { downsampleTo64, type LumaSource } from './downsample.ts';
import type { ExtraSamples } from './extra-samples.ts';
import { lowerMedian256 } from './median.ts';
import { pixelSource, tooSmallForPdq } from './pdq-hash.ts';
import { hexFromCoefficients, zeroPdqHex } from './pdq-hex.ts';
import { qualityOf64 } from './quality.ts';
import { findContentRects, sampleLumaThumb, type Rect } from './border-trim.ts';
import { dct64To16Fast, uncrop64, type UncropPlacement } from './uncrop.ts';
import { fullUncropCandidates, planUncrop, sampleExtraFrom64, uncropCoefficients, type UncropPlan } from './uncrop-full.ts';

/** Un-crop candidates by name: `uncrop-<where>-<kept %>[-extend]`; `where` is the side that was cut or `centre`. */
export const uncropCandidates: Readonly<Record<string, UncropPlacement>> = (() => {
  const out: Record<string, UncropPlacement> = {};
  for (const kept of [95, 90, 85]) {
    const s = kept / 100;
    for (const fill of ['reflect', 'extend'] as const) {
      const tail = fill === 'extend' ? '-extend' : '';
      out[`uncrop-centre-${kept}${tail}`] = { scaleX: s, scaleY: s, alignX: 0.5, alignY: 0.5, fill };
      // The cut side is empty in the original: the kept part sits against the opposite side.
      out[`uncrop-top-${kept}${tail}`] = { scaleX: 1, scaleY: s, alignX: 0.5, alignY: 1, fill };
      out[`uncrop-bottom-${kept}${tail}`] = { scaleX: 1, scaleY: s, alignX: 0.5, alignY: 0, fill };
      out[`uncrop-left-${kept}${tail}`] = { scaleX: s, scaleY: 1, alignX: 1, alignY: 0.5, fill };
      out[`uncrop-right-${kept}${tail}`] = { scaleX: s, scaleY: 1, alignX: 0, alignY: 0.5, fill };
    }
  }
  return out;
})();

/** Which extra query hashes to make. */
export interface RobustOptions {
  /** Trim uniform/blurred borders and hash the rest. */
  trim: boolean;
  /** Cut out a picture-in-picture inset and hash it. */
  inset: boolean;
  /** Names from `uncropCandidates`. */
  uncrop: readonly string[];
  /** Dihedral variants besides the original. */
  dihedral: readonly Exclude<DihedralName, 'original'>[];
  /** Un-crop candidates of the trimmed picture too (cropped, then framed), named `trimmed+<name>`. */
  trimUncrop?: readonly string[];
}

/**
 * The default set, chosen from `npm run eval:robust` (figures in the README, "Matching that survives crops
 * and borders", and docs/robust-matching.md): border trimming and the inset cost a hash only when a frame is
 * found; the full-resolution un-crops (95% kept, centred and each side, with edge and fade fills) rescue
 * 90% of 5% crops from the one blur and cost no false match on the corpus; the trimmed picture's 64×64
 * un-crop rescues crop + border; the mirror image rescues mirrored copies for a small false-match cost.
 * Dropped: the 64×64 un-crops of the plain picture (the full-resolution ones do better); the 96% un-crops
 * (they lift 2% crops from about 70% to 85–90%, but five more lookups take the whole query to the issue's
 * 1.5× limit); the 94%, 90% and 85% ones (larger crops, not targeted); 90° turns and the other flips (they
 * add false matches on plain gradients and are still available with `dihedral`).
 */
export const defaultRobustOptions: RobustOptions = Object.freeze({
  trim: true,
  inset: true,
  uncrop: Object.freeze(
    ['centre', 'top', 'bottom', 'left', 'right'].flatMap((w) => [`uncrop-${w}-95-edge`, `uncrop-${w}-95-fade`]),
  ),
  dihedral: Object.freeze(['flipy'] as const),
  trimUncrop: Object.freeze(['uncrop-centre-95-extend']),
});

/** The 7 dihedral variants besides the original, in dihedralNames order. */
export const dihedralVariantNames = Object.freeze(['rotate90', 'rotate180', 'rotate270', 'flipx', 'flipy', 'flipplus1', 'flipminus1'] as const);

/** Every candidate (for measuring). */
export const allRobustOptions: RobustOptions = Object.freeze({
  trim: true,
  inset: true,
  uncrop: Object.freeze([...Object.keys(uncropCandidates), ...Object.keys(fullUncropCandidates)]),
  dihedral: dihedralVariantNames,
  trimUncrop: Object.freeze(['uncrop-centre-95', 'uncrop-centre-95-extend', 'uncrop-centre-90', 'uncrop-centre-95-edge', 'uncrop-centre-95-fade']),
});

/** `true` = the default set, `false` = none, or an explicit set. */
export type RobustChoice = boolean | RobustOptions;

/** The options a choice stands for (undefined = robustness off); `dihedral` adds all 7 rotations/flips. */
export function resolveRobust(choice: RobustChoice, dihedral = false): RobustOptions | undefined {
  if (choice === false) return dihedral ? { trim: false, inset: false, uncrop: [], dihedral: dihedralVariantNames } : undefined;
  const base = choice === true ? defaultRobustOptions : choice;
  return dihedral ? { ...base, dihedral: dihedralVariantNames } : base;
}

/** One extra query hash. */
export interface RobustVariant {
  name: string;
  hash: string;
  /** The part of the image hashed, for 'trimmed' and 'inset'. */
  rect?: Rect;
}

export interface PdqRobustResult {
  /** The plain PDQ hash and quality (identical to pdqFromPixels). */
  hash: string;
  quality: number;
  /** Extra query hashes, in a fixed order (a variant may equal the plain hash; matchers skip repeats). */
  variants: RobustVariant[];
}

const image64 = new Float32Array(64 * 64);
const scratch64 = new Float32Array(64 * 64);
const coefficients = new Float32Array(256);
const turned = new Float32Array(256);
const candidate = new Float32Array(256);

/** The 64×64 PDQ image of a source, exactly as the plain hash makes it, and any extra blurred samples. */
function pdqImage64(source: LumaSource, out: Float32Array, extra?: ExtraSamples): void {
  if (source.width === 64 && source.height === 64) {
    for (let r = 0; r < 64; r++) {
      const from = source.load(r, 1);
      out.set(source.data.subarray(from, from + 64), r * 64);
    }
    if (extra !== undefined) sampleExtraFrom64(out, extra);
  } else {
    downsampleTo64(source, out, extra);
  }
}

/** The full-resolution un-crops among `names` for a picture size (the last plan is reused: frames share a size). */
let lastPlan: { key: string; plan: UncropPlan } | undefined;
function fullPlan(width: number, height: number, names: readonly string[]): UncropPlan | undefined {
  const full = names.filter((n) => fullUncropCandidates[n] !== undefined);
  if (full.length === 0) return undefined;
  const key = `${width}x${height}:${full.join(',')}`;
  if (lastPlan?.key !== key) lastPlan = { key, plan: planUncrop(width, height, full) };
  return lastPlan.plan;
}

/** Adds one hash per un-crop name, in order: full-resolution ones from `plan`, 64×64 ones from `image`. */
function addUncrops(names: readonly string[], image: Float32Array, plan: UncropPlan | undefined, add: (name: string, hash: string) => void): void {
  const full = new Map<string, string>();
  if (plan !== undefined) uncropCoefficients(plan, (name, c) => full.set(name, hexOf(c)));
  for (const name of names) {
    const done = full.get(name);
    if (done !== undefined) {
      add(name, done);
      continue;
    }
    const placement = uncropCandidates[name];
    if (placement === undefined) continue;
    uncrop64(image, placement, scratch64);
    dct64To16Fast(scratch64, dctMatrix, candidate);
    add(name, hexOf(candidate));
  }
}

const hexOf = (c: Float32Array): string => hexFromCoefficients(c, lowerMedian256(c));

/**
 * Row loader for the border detector's thumbnail: luma (0.299 R + 0.587 G + 0.114 B) of the pixels the
 * thumbnail samples only; the rest of the row is left as it was (never read).
 */
function pixelSampler(pixels: Uint8Array, width: number, channels: number): (r: number, columns: Int32Array) => Float32Array {
  const row = new Float32Array(width);
  return (r, columns) => {
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j]!;
      const p = (r * width + c) * channels;
      row[c] = channels < 3 ? pixels[p]! : 0.299 * pixels[p]! + 0.587 * pixels[p + 1]! + 0.114 * pixels[p + 2]!;
    }
    return row;
  };
}

/** Copies a rectangle of interleaved pixels. */
function cropPixels(pixels: Uint8Array, width: number, channels: number, r: Rect): Uint8Array {
  const out = new Uint8Array(r.width * r.height * channels);
  for (let y = 0; y < r.height; y++) {
    const from = ((r.y + y) * width + r.x) * channels;
    out.set(pixels.subarray(from, from + r.width * channels), y * r.width * channels);
  }
  return out;
}

/** The plain PDQ hash plus the robust query variants of interleaved 8-bit pixels (1, 3 or 4 channels). */
export function pdqRobustFromPixels(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
  opts: RobustOptions = defaultRobustOptions,
): PdqRobustResult {
  const source = pixelSource(pixels, width, height, channels);
  if (tooSmallForPdq(width, height)) return { hash: zeroPdqHex, quality: 0, variants: [] };
  const plan = fullPlan(width, height, opts.uncrop);
  pdqImage64(source, image64, plan?.extra);
  const quality = qualityOf64(image64);
  dct64To16(image64, coefficients);
  const hash = hexOf(coefficients);
  const variants: RobustVariant[] = [];
  const add = (v: RobustVariant): void => void variants.push(v);

  for (const name of opts.dihedral) {
    dihedralCoefficients(coefficients, name, turned);
    add({ name, hash: hexOf(turned) });
  }
  addUncrops(opts.uncrop, image64, plan, (name, h) => add({ name, hash: h }));
  if (opts.trim || opts.inset) {
    const thumb = sampleLumaThumb(width, height, pixelSampler(pixels, width, channels));
    const rects = findContentRects(thumb, width, height);
    const found = [
      ['trimmed', opts.trim ? rects.trimmed : undefined],
      ['trimmed-major', opts.trim ? rects.trimmedMajor : undefined],
      ['trimmed-uniform', opts.trim ? rects.trimmedUniform : undefined],
      ['inset', opts.inset ? rects.inset : undefined],
    ] as const;
    for (const [name, rect] of found) {
      if (rect === undefined || tooSmallForPdq(rect.width, rect.height)) continue;
      const part = cropPixels(pixels, width, channels, rect);
      const trimUncrop = name === 'trimmed' ? (opts.trimUncrop ?? []) : [];
      // Not the cached plan: the trimmed picture has another size than the frames around it.
      const full = trimUncrop.filter((n) => fullUncropCandidates[n] !== undefined);
      const partPlan = full.length > 0 ? planUncrop(rect.width, rect.height, full) : undefined;
      pdqImage64(pixelSource(part, rect.width, rect.height, channels), image64, partPlan?.extra);
      dct64To16(image64, candidate);
      add({ name, hash: hexOf(candidate), rect });
      addUncrops(trimUncrop, image64, partPlan, (u, h) => add({ name: `trimmed+${u}`, hash: h, rect }));
    }
  }
  return { hash, quality, variants };
}

const dihedralWords: Record<string, string> = {
  rotate90: 'turned 90° counter-clockwise',
  rotate180: 'turned 180°',
  rotate270: 'turned 90° clockwise',
  flipx: 'flipped upside down',
  flipy: 'as a mirror image',
  flipplus1: 'transposed',
  flipminus1: 'transposed about the other diagonal',
};

/** Plain words for a variant name, for reviewers: "after trimming a border". */
export function describeVariant(name: string): string {
  if (name === 'trimmed' || name === 'trimmed-major' || name === 'trimmed-uniform') return 'after trimming a border';
  if (name.startsWith('trimmed+')) return `after trimming a border, ${describeVariant(name.slice(8))}`;
  if (name === 'inset') return 'after cutting out a picture-in-picture inset';
  const m = /^uncrop-(centre|top|bottom|left|right)-(\d+)(-extend|-edge|-fade)?$/.exec(name);
  if (m) return m[1] === 'centre' ? `as if its edges had been cropped (${m[2]}% of each side kept)` : `as if its ${m[1]} had been cropped (${m[2]}% kept)`;
  return dihedralWords[name] ?? `as variant ${name}`;
}
