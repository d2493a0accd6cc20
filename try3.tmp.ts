import sharp from 'sharp';
import { createFaceApiEstimator } from './src/age-estimators/face-api-estimator.ts';
import { schematicFaceSvg, svgToPng } from './src/age-estimators/generated-images.ts';
const est = await createFaceApiEstimator();
const bg = '#c8d3dc';
async function canvas(w: number, h: number, parts: { s: number; l: number; t: number }[]) {
  const comps = [];
  for (const p of parts) comps.push({ input: Buffer.from(await svgToPng(schematicFaceSvg(p.s))), left: p.l, top: p.t });
  return new Uint8Array(await sharp({ create: { width: w, height: h, channels: 3, background: bg } }).composite(comps).png().toBuffer());
}
const tries: [string, Uint8Array][] = [
  ['grid4 256', await canvas(256, 256, [{ s: 128, l: 0, t: 0 }, { s: 128, l: 128, t: 0 }, { s: 128, l: 0, t: 128 }, { s: 128, l: 128, t: 128 }])],
  ['diag 256', await canvas(256, 256, [{ s: 128, l: 0, t: 0 }, { s: 128, l: 128, t: 128 }])],
  ['side square 256', await canvas(256, 256, [{ s: 128, l: 0, t: 64 }, { s: 128, l: 128, t: 64 }])],
  ['grid4 512', await canvas(512, 512, [{ s: 256, l: 0, t: 0 }, { s: 256, l: 256, t: 0 }, { s: 256, l: 0, t: 256 }, { s: 256, l: 256, t: 256 }])],
  ['side square 512', await canvas(512, 512, [{ s: 256, l: 0, t: 128 }, { s: 256, l: 256, t: 128 }])],
  ['overlap 200x128', await canvas(200, 128, [{ s: 128, l: 0, t: 0 }, { s: 128, l: 72, t: 0 }])],
  ['one small in 256', await canvas(256, 256, [{ s: 128, l: 64, t: 64 }])],
  ['one 192 in 256', await canvas(256, 256, [{ s: 192, l: 32, t: 32 }])],
];
for (const [n, img] of tries) console.log(n, (await est.estimate(img)).kind);
// stretched side by side: each face drawn squeezed? stretch the pair to 2:1 faces that the detector squeezes back
const pair = Buffer.from(await canvas(256, 128, [{ s: 128, l: 0, t: 0 }, { s: 128, l: 128, t: 0 }]));
const tall = new Uint8Array(await sharp(pair).resize(256, 256, { fit: 'fill' }).png().toBuffer());
console.log('pair stretched to square', (await est.estimate(tall)).kind);
