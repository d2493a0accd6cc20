/**
 * How much reducing a large image in the decoder moves its PDQ hash. `serve` hashes images of more than
 * LIFEGUARD_HASH_FULL_PIXELS (default 16 Mpx) at a reduced size so no full bitmap is held; at or below it the
 * pixels, and so the hash, are exact (the 39 reference vectors are all ≤ 12.2 Mpx). Each shared PDQ vector
 * (photos, JPEG/PNG) is enlarged to about LIFEGUARD_BENCH_TARGET_MPX (default 40) megapixels and saved as a
 * JPEG (quality 95); that file is hashed at full resolution and with reduction to each limit below, and the
 * Hamming distances are printed (max, p50, p90) with the distance between the enlarged and the original file's
 * hash for scale. Run: npm run bench -- large-image-hash
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { hammingDistance, pdqFromPixels } from '../src/core/pdq/index.ts';
import { decodeImageBytes } from '../src/media/decode-image.ts';
import { sharedDataPath } from '../scripts/shared-data-dir.ts';

const vectors = process.env.LIFEGUARD_PDQ_VECTORS ?? sharedDataPath('data/pdq');
const targetMpx = Number(process.env.LIFEGUARD_BENCH_TARGET_MPX ?? 40);
const limits = [16_000_000, 4_000_000, 1_000_000];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : /\.(jpe?g|png)$/i.test(d.name) ? [join(dir, d.name)] : [],
  );
}

const files = walk(vectors).sort();
const distances = new Map<number, number[]>(limits.map((l) => [l, []]));
const vsOriginal: number[] = [];
let used = 0;
for (const file of files) {
  const meta = await sharp(file).metadata();
  if (!meta.width || !meta.height || meta.width < 64 || meta.height < 64) continue;
  const scale = Math.sqrt((targetMpx * 1e6) / (meta.width * meta.height));
  const big = await sharp(file, { limitInputPixels: false })
    .resize(Math.round(meta.width * scale), Math.round(meta.height * scale), { kernel: 'lanczos3' })
    .jpeg({ quality: 95 })
    .toBuffer();
  const full = await decodeImageBytes(big, { maxPixels: 100_000_000 });
  const fullHash = pdqFromPixels(full.pixels, full.width, full.height, full.channels);
  const original = await decodeImageBytes(await sharp(file).toBuffer(), {});
  vsOriginal.push(hammingDistance(fullHash.hash, pdqFromPixels(original.pixels, original.width, original.height, original.channels).hash));
  for (const limit of limits) {
    const small = await decodeImageBytes(big, { maxPixels: 100_000_000, reduceAbovePixels: limit });
    distances.get(limit)!.push(hammingDistance(fullHash.hash, pdqFromPixels(small.pixels, small.width, small.height, small.channels).hash));
  }
  used++;
}

const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { max: s[s.length - 1], p50: at(0.5), p90: at(0.9), mean: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 10) / 10 };
};
for (const limit of limits) {
  console.log(JSON.stringify({ bench: 'large-image-hash', images: used, enlarged_mpx: targetMpx, reduced_to_mpx: limit / 1e6, distance_full_vs_reduced: summary(distances.get(limit)!) }));
}
console.log(JSON.stringify({ bench: 'large-image-hash', images: used, distance_enlarged_vs_original_file: summary(vsOriginal) }));
