/**
 * On-device age estimator speed. Prints JSON lines: the cold load (tfjs wasm backend + three nets from the
 * package's model/ folder), then ms per image for estimate() on generated images (a landscape with no face,
 * as PNG bytes and as decoded RGB, and a schematic drawn face), each for about half LIFEGUARD_BENCH_SECONDS
 * (default 2, so ~1 s per case; at least 3 and at most 50 calls per case): the whole run takes a few seconds.
 * Memory: the process's resident set after the model load, and its peak (maxRSS) and resident set after each
 * case; a 4000x3000 PNG (a 12 MP photo's size) shows the cost of decoding a large picture before it is downsized.
 * Run: npm run bench -- age-estimator
 */
import { cpus, platform, release } from 'node:os';
import { memoryUsage, resourceUsage } from 'node:process';
import sharp from 'sharp';
import { createFaceApiEstimator } from '../src/age-estimators/face-api-estimator.ts';
import { landscapeSvg, schematicFaceSvg, svgToPng } from '../src/age-estimators/generated-images.ts';
import type { EstimatorImage } from '../src/age-estimators/provider.ts';

const secondsPerCase = Number(process.env.LIFEGUARD_BENCH_SECONDS ?? 2) / 2;
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, os: `${platform()} ${release()}` };
const emit = (figures: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'age-estimator', ...figures }));
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  emit({ metric: 'machine', ...machine });
  const t0 = performance.now();
  const estimator = await createFaceApiEstimator();
  emit({ metric: 'load_ms', ms: round(performance.now() - t0) });
  const mb = (bytes: number) => round(bytes / 1024 / 1024);
  emit({ metric: 'memory_after_load', rssMb: mb(memoryUsage().rss), maxRssMb: mb(resourceUsage().maxRSS * 1024) });

  const landscape = await svgToPng(landscapeSvg(640, 480));
  const raw = await sharp(Buffer.from(landscape)).removeAlpha().raw().toBuffer();
  const cases: [string, string, EstimatorImage][] = [
    ['landscape', 'png_640x480', landscape],
    ['landscape', 'rgb_640x480', { data: new Uint8Array(raw), width: 640, height: 480, channels: 3 }],
    ['schematic_face', 'png_128x128', await svgToPng(schematicFaceSvg(128))],
    ['landscape', 'png_4000x3000', await svgToPng(landscapeSvg(4000, 3000))],
  ];
  for (const [picture, input, image] of cases) {
    const first = performance.now();
    const result = await estimator.estimate(image);
    const firstMs = performance.now() - first;
    // A few calls at least, a bounded number at most, about `secondsPerCase` in between.
    let calls = 0;
    const start = performance.now();
    while (calls < 3 || (calls < 50 && performance.now() - start < secondsPerCase * 1000)) {
      await estimator.estimate(image);
      calls++;
    }
    const ms = (performance.now() - start) / calls;
    emit({ metric: 'estimate_ms_per_image', picture, input, result: result.kind, firstCallMs: round(firstMs), msPerImage: round(ms), calls, rssMb: mb(memoryUsage().rss), maxRssMb: mb(resourceUsage().maxRSS * 1024) });
  }
}

await main();
