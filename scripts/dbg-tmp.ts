import sharp from 'sharp';
import { findContentRects, sampleLumaThumb } from '../src/core/pdq/border-trim.ts';
import { lumaFromPixels } from '../src/core/pdq/index.ts';
import { generatedOriginals, loadSample, sampleFiles, transforms } from '../scripts/robust-dev-set.ts';
const names = process.argv.slice(2);
const origs = [] as {name:string,png:Buffer}[];
for (const f of sampleFiles) origs.push({ name: f.split('/').pop()!, png: await loadSample('/work/shared/data/pdq', f) });
for (const g of await generatedOriginals(4)) origs.push(g);
for (const [k,o] of origs.entries()) {
  const m = await sharp(o.png).metadata();
  for (const t of transforms.filter(t => names.includes(t.name))) {
    const r = await t.apply(o.png, {width:m.width!,height:m.height!}, origs[(k+7)%origs.length]!.png);
    const luma = lumaFromPixels(r.pixels, r.width, r.height, r.channels);
    const th = sampleLumaThumb(r.width, r.height, (row) => luma.subarray(row*r.width, (row+1)*r.width));
    console.log(o.name, t.name, `${m.width}x${m.height} -> ${r.width}x${r.height}`, JSON.stringify(findContentRects(th, r.width, r.height)));
  }
}
