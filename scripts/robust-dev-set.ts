/**
 * The development set for robust matching: benign originals (Meta's distinct sample images from the shared
 * PDQ folder, plus generated pictures) and the transforms re-shared captures go through (crops, borders,
 * letterboxing, picture-in-picture, re-encoding, resizing, watermarks, mirrors, turns), all made with sharp.
 * Also the corpus of unrelated generated pictures (gradients, patterns, text, noise fields) for false matches.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import { seededRandom } from '../src/core/seeded-random.ts';
import { renderTestPattern, testPatternNames } from '../src/matching/test-patterns.ts';

/** Raw pixels of one picture. */
export interface Raw {
  pixels: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** Distinct pictures among the shared samples (the others are rotations/edits of the bridge or the desk). */
export const sampleFiles = [
  'reg-test-input/dih/bridge-1-original.jpg',
  'reg-test-input/exif-rotn/exif-rotn-1.jpg',
  'reg-test-input/labelme-subset/q0122.jpg',
  'reg-test-input/labelme-subset/q0291.jpg',
  'reg-test-input/labelme-subset/q0746.jpg',
  'reg-test-input/labelme-subset/q1050.jpg',
  'reg-test-input/labelme-subset/q2821.jpg',
  'reg-test-input/pen-and-coaster.png',
  'misc-images/c.png',
  'misc-images/wee.jpg',
];

/** An original as a PNG, at most 1024 px on its longest side (hashes hardly depend on size). */
export async function loadSample(dir: string, file: string): Promise<Buffer> {
  return sharp(join(dir, file)).removeAlpha().resize({ width: 1024, height: 1024, fit: 'inside', withoutEnlargement: true }).png().toBuffer();
}

const patternsForQueries = testPatternNames.filter((n) => n !== 'flat');

/** Generated photo-like originals (seeded patterns with soft texture), 640×480. */
export async function generatedOriginals(count: number): Promise<{ name: string; png: Buffer }[]> {
  const out: { name: string; png: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const name = patternsForQueries[i % patternsForQueries.length]!;
    out.push({ name: `gen-${name}-${1000 + i}`, png: await renderTestPattern(name, 1000 + i, 640, 480) });
  }
  return out;
}

const words = ['river', 'harbour', 'maple', 'lantern', 'meadow', 'granite', 'orchard', 'signal', 'copper', 'violet', 'summit', 'ferry'];

/** One unrelated corpus picture of kind `i % 5`: pattern, text card, smooth noise field, gradient with shapes, plain gradient. */
export async function corpusPicture(i: number): Promise<Raw> {
  const r = seededRandom(i * 2654435761 + 7);
  const kind = i % 5;
  let png: Buffer;
  if (kind === 0) {
    png = await renderTestPattern(patternsForQueries[Math.floor(r() * patternsForQueries.length)]!, 50_000 + i, 256, 192);
  } else if (kind === 1) {
    const lines = Array.from({ length: 3 + Math.floor(r() * 4) }, (_, k) => {
      const text = Array.from({ length: 2 + Math.floor(r() * 3) }, () => words[Math.floor(r() * words.length)]).join(' ');
      return `<text x="${10 + r() * 40}" y="${30 + k * 34}" font-size="${18 + r() * 14}" fill="rgb(${r() * 120},${r() * 120},${r() * 120})" font-family="sans-serif">${text}</text>`;
    });
    const bg = `rgb(${150 + r() * 100},${150 + r() * 100},${150 + r() * 100})`;
    png = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="192"><rect width="256" height="192" fill="${bg}"/>${lines.join('')}</svg>`)).png().toBuffer();
  } else if (kind === 2) {
    const g = 4 + Math.floor(r() * 8);
    const cells = Buffer.alloc(g * g * 3);
    for (let k = 0; k < cells.length; k++) cells[k] = Math.floor(r() * 256);
    png = await sharp(cells, { raw: { width: g, height: g, channels: 3 } }).resize(256, 192, { kernel: 'cubic' }).png().toBuffer();
  } else if (kind === 4) {
    // Plain two-colour gradients at any angle: the hardest case for false matches (they all look alike).
    const a = `rgb(${r() * 255},${r() * 255},${r() * 255})`;
    const b = `rgb(${r() * 255},${r() * 255},${r() * 255})`;
    const angle = r() * Math.PI * 2;
    const [x2, y2] = [0.5 + 0.5 * Math.cos(angle), 0.5 + 0.5 * Math.sin(angle)];
    png = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="192"><defs><linearGradient id="g" x1="${1 - x2}" y1="${1 - y2}" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs><rect width="256" height="192" fill="url(#g)"/></svg>`)).png().toBuffer();
  } else {
    const a = `rgb(${r() * 255},${r() * 255},${r() * 255})`;
    const b = `rgb(${r() * 255},${r() * 255},${r() * 255})`;
    const [x2, y2] = [r(), r()];
    const shapes = Array.from({ length: 1 + Math.floor(r() * 4) }, () =>
      `<circle cx="${r() * 256}" cy="${r() * 192}" r="${10 + r() * 60}" fill="rgb(${r() * 255},${r() * 255},${r() * 255})" fill-opacity="${0.3 + r() * 0.7}"/>`).join('');
    png = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="192"><defs><linearGradient id="g" x1="0" y1="0" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs><rect width="256" height="192" fill="url(#g)"/>${shapes}</svg>`)).png().toBuffer();
  }
  return raw(png);
}

/** Decodes to raw RGB. */
export async function raw(input: Buffer | ReturnType<typeof sharp>): Promise<Raw> {
  const s = Buffer.isBuffer(input) ? sharp(input) : input;
  const { data, info } = await s.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { pixels: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels: info.channels };
}

type Rgb = { r: number; g: number; b: number };
const black: Rgb = { r: 0, g: 0, b: 0 };
const white: Rgb = { r: 255, g: 255, b: 255 };
const colour: Rgb = { r: 36, g: 92, b: 168 };

/** A transform of the development set: its group (for the table) and how to apply it to a PNG. */
export interface Transform {
  name: string;
  group: string;
  apply(png: Buffer, meta: { width: number; height: number }, other: Buffer): Promise<Raw>;
}

const crop = (keepW: number, keepH: number, alignX: number, alignY: number) => async (png: Buffer, m: { width: number; height: number }) => {
  const width = Math.round(m.width * keepW);
  const height = Math.round(m.height * keepH);
  return raw(sharp(png).extract({ left: Math.round((m.width - width) * alignX), top: Math.round((m.height - height) * alignY), width, height }));
};

const border = (share: number, bg: Rgb, which: 'all' | 'top' | 'bottom' | 'left' | 'right' | 'lr' | 'tb') => async (png: Buffer, m: { width: number; height: number }) => {
  const h = Math.round(m.height * share);
  const w = Math.round(m.width * share);
  const has = (s: string) => which === 'all' || which === s || (which === 'lr' && (s === 'left' || s === 'right')) || (which === 'tb' && (s === 'top' || s === 'bottom'));
  return raw(sharp(png).extend({ top: has('top') ? h : 0, bottom: has('bottom') ? h : 0, left: has('left') ? w : 0, right: has('right') ? w : 0, background: bg }));
};

/** Blurred-edge letterbox: the picture over a blurred, darkened, enlarged copy of itself. */
const blurBox = (share: number, which: 'all' | 'lr' | 'tb') => async (png: Buffer, m: { width: number; height: number }) => {
  const [padW, padH] = [which === 'tb' ? 0 : Math.round(m.width * share), which === 'lr' ? 0 : Math.round(m.height * share)];
  const [W, H] = [m.width + 2 * padW, m.height + 2 * padH];
  const bg = await sharp(png).resize(W, H, { fit: 'cover' }).blur(Math.max(4, W / 40)).modulate({ brightness: 0.7 }).png().toBuffer();
  return raw(sharp(bg).composite([{ input: png, left: padW, top: padH }]));
};

/** Picture-in-picture: the picture at `share` of another picture's size, centred or in a corner. */
const pip = (share: number, corner: boolean) => async (png: Buffer, m: { width: number; height: number }, other: Buffer) => {
  const [W, H] = [Math.round(m.width / share), Math.round(m.height / share)];
  const bg = await sharp(other).resize(W, H, { fit: 'cover' }).png().toBuffer();
  const [left, top] = corner ? [Math.round(W * 0.04), Math.round(H * 0.04)] : [Math.round((W - m.width) / 2), Math.round((H - m.height) / 2)];
  return raw(sharp(bg).composite([{ input: png, left, top }]));
};

const watermark = async (png: Buffer, m: { width: number; height: number }) => {
  const fs = Math.max(10, Math.round(m.height / 14));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${m.width}" height="${m.height}"><text x="${m.width * 0.55}" y="${m.height - fs}" font-size="${fs}" fill="white" fill-opacity="0.7" font-family="sans-serif">@reshared</text></svg>`;
  return raw(sharp(png).composite([{ input: Buffer.from(svg), left: 0, top: 0 }]));
};

/** Raw pixels re-encoded as JPEG quality 60 and decoded again. */
async function reencode(r: Raw): Promise<Raw> {
  const channels = r.channels as 1 | 2 | 3 | 4;
  return raw(await sharp(Buffer.from(r.pixels), { raw: { width: r.width, height: r.height, channels } }).jpeg({ quality: 60 }).toBuffer());
}

/** Every transform of the development set. */
export const transforms: Transform[] = [
  { name: 'identity', group: 'identity', apply: (p) => raw(sharp(p)) },
  { name: 'resize-50', group: 'resize / re-encode', apply: (p, m) => raw(sharp(p).resize(Math.max(8, Math.round(m.width / 2)))) },
  { name: 'jpeg-40', group: 'resize / re-encode', apply: async (p) => raw(await sharp(p).jpeg({ quality: 40 }).toBuffer()) },
  { name: 'watermark', group: 'watermark', apply: watermark },
  ...[98, 95, 93, 90, 85].map((k) => ({ name: `crop-centre-${k}`, group: `crop centred, ${k}% kept`, apply: crop(k / 100, k / 100, 0.5, 0.5) })),
  ...[98, 95, 93, 90].flatMap((k) => [
    { name: `crop-bottom-${k}`, group: `crop one side, ${100 - k}% cut`, apply: crop(1, k / 100, 0.5, 0) },
    { name: `crop-top-${k}`, group: `crop one side, ${100 - k}% cut`, apply: crop(1, k / 100, 0.5, 1) },
    { name: `crop-left-${k}`, group: `crop one side, ${100 - k}% cut`, apply: crop(k / 100, 1, 1, 0.5) },
    { name: `crop-right-${k}`, group: `crop one side, ${100 - k}% cut`, apply: crop(k / 100, 1, 0, 0.5) },
  ]),
  ...[5, 10, 20].flatMap((k) => [
    { name: `border-black-${k}`, group: `border all sides, ${k}%`, apply: border(k / 100, black, 'all') },
    { name: `border-white-${k}`, group: `border all sides, ${k}%`, apply: border(k / 100, white, 'all') },
    { name: `border-colour-${k}`, group: `border all sides, ${k}%`, apply: border(k / 100, colour, 'all') },
    { name: `letterbox-black-tb-${k}`, group: `border two sides, ${k}%`, apply: border(k / 100, black, 'tb') },
    { name: `letterbox-white-lr-${k}`, group: `border two sides, ${k}%`, apply: border(k / 100, white, 'lr') },
    { name: `border-black-bottom-${k}`, group: `border one side, ${k}%`, apply: border(k / 100, black, 'bottom') },
    { name: `border-colour-left-${k}`, group: `border one side, ${k}%`, apply: border(k / 100, colour, 'left') },
    { name: `blur-box-lr-${k}`, group: `blurred letterbox, ${k}%`, apply: blurBox(k / 100, 'lr') },
    { name: `blur-box-all-${k}`, group: `blurred letterbox, ${k}%`, apply: blurBox(k / 100, 'all') },
  ]),
  { name: 'pip-80-centre', group: 'picture-in-picture', apply: pip(0.8, false) },
  { name: 'pip-70-corner', group: 'picture-in-picture', apply: pip(0.7, true) },
  {
    name: 'crop-95-border-black-10',
    group: 'crop + border',
    apply: async (p, m) => {
      const c = await sharp(p).extract({ left: Math.round(m.width * 0.025), top: Math.round(m.height * 0.025), width: Math.round(m.width * 0.95), height: Math.round(m.height * 0.95) }).png().toBuffer();
      return border(0.1, black, 'all')(c, { width: Math.round(m.width * 0.95), height: Math.round(m.height * 0.95) });
    },
  },
  { name: 'mirror', group: 'mirror', apply: (p) => raw(sharp(p).flop()) },
  { name: 'rotate-90', group: 'turned 90° / 180°', apply: (p) => raw(sharp(p).rotate(90)) },
  { name: 'rotate-180', group: 'turned 90° / 180°', apply: (p) => raw(sharp(p).rotate(180)) },
  { name: 'rotate-270', group: 'turned 90° / 180°', apply: (p) => raw(sharp(p).rotate(270)) },
  {
    name: 'border-black-10-jpeg-60',
    group: 'border + JPEG',
    apply: async (p, m) => reencode(await border(0.1, black, 'all')(p, m)),
  },
  {
    name: 'blur-box-lr-10-jpeg-60',
    group: 'border + JPEG',
    apply: async (p, m) => reencode(await blurBox(0.1, 'lr')(p, m)),
  },
];
