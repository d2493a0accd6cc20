import sharp from 'sharp';
import { createFaceApiEstimator } from './src/age-estimators/face-api-estimator.ts';
import { schematicFaceSvg, svgToPng } from './src/age-estimators/generated-images.ts';
const est = await createFaceApiEstimator();
for (const size of [200, 400]) {
  const k = size / 400;
  for (const [x0, x1, y0, y1] of [[90, 310, 60, 340], [100, 300, 70, 330], [95, 305, 40, 380], [80, 320, 0, 400]]) {
    const face = await sharp(Buffer.from(await svgToPng(schematicFaceSvg(size)))).extract({ left: Math.round(x0 * k), top: Math.round(y0 * k), width: Math.round((x1 - x0) * k), height: Math.round((y1 - y0) * k) }).png().toBuffer();
    const m = await sharp(face).metadata();
    const single = (await est.estimate(new Uint8Array(face))).kind;
    const pair = new Uint8Array(await sharp({ create: { width: m.width! * 2, height: m.height!, channels: 3, background: '#c8d3dc' } }).composite([{ input: face, left: 0, top: 0 }, { input: face, left: m.width!, top: 0 }]).png().toBuffer());
    console.log(size, x0, x1, y0, y1, single, (await est.estimate(pair)).kind);
  }
}
