/**
 * The cost of robust matching. Prints JSON lines: hashes/s of the plain PDQ hash and of the robust query
 * (default set, and every candidate) on decoded pixels — the shared bridge images as they are and with a
 * 10% black border (then the trimmed picture is hashed too) — and the index time per query image against a
 * clustered 1M-hash index: one lookup for the plain hash vs one per query hash with robustness on.
 * Run: npm run bench -- robust   (LIFEGUARD_BENCH_SECONDS per case, default 2; LIFEGUARD_BENCH_INDEX_SIZE)
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { PdqIndex, clusteredHashes } from '../src/core/index/index.ts';
import { pdqFromPixels, pdqHexToWords } from '../src/core/pdq/index.ts';
import { allRobustOptions, defaultRobustOptions, pdqRobustFromPixels, type RobustOptions } from '../src/core/pdq/robust-variants.ts';
import { decodeImage } from '../src/media/decode-image.ts';
import { hashImage } from '../src/media/hash-image.ts';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { sharedDataPath } from '../scripts/shared-data-dir.ts';

const vectors = process.env.LIFEGUARD_PDQ_VECTORS ?? sharedDataPath('data/pdq');
const seconds = Number(process.env.LIFEGUARD_BENCH_SECONDS ?? 2);
const indexSize = Number(process.env.LIFEGUARD_BENCH_INDEX_SIZE ?? 1_000_000);
const emit = (figures: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'robust', ...figures }));
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Calls per second of `fn` over about `seconds` after a short warm-up, and the CPU time per call (user +
 * system of the whole process): on a shared machine the wall clock also counts waiting for a core.
 */
function rate(fn: () => unknown): { perSecond: number; msPerCall: number; cpuMsPerCall: number } {
  const warm = performance.now() + 300;
  while (performance.now() < warm) fn();
  let calls = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now < start + seconds * 1000) {
    fn();
    calls++;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  return { perSecond: round((calls * 1000) / (now - start)), msPerCall: round((now - start) / calls, 3), cpuMsPerCall: round((cpu.user + cpu.system) / 1000 / calls, 3) };
}

async function main(): Promise<void> {
  emit({ metric: 'machine', cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version });
  const dir = join(vectors, 'bench');
  if (!existsSync(dir)) {
    emit({ metric: 'skipped', reason: `PDQ vectors not found at ${vectors}` });
    return;
  }
  const sets: [string, RobustOptions | undefined][] = [['plain', undefined], ['robust_default', defaultRobustOptions], ['robust_all', allRobustOptions]];
  const images: { label: string; pixels: Uint8Array; width: number; height: number; channels: number }[] = [];
  for (const name of ['bridge-1024x768.png', 'bridge-500x500.png']) {
    const img = await decodeImage(join(dir, name));
    images.push({ label: `${img.width}x${img.height}`, ...img });
    const m = Math.round(img.height / 10);
    const { data, info } = await sharp(join(dir, name)).removeAlpha().extend({ top: m, bottom: m, left: m, right: m, background: '#000' }).raw().toBuffer({ resolveWithObject: true });
    images.push({ label: `${img.width}x${img.height}+border`, pixels: new Uint8Array(data), width: info.width, height: info.height, channels: info.channels });
  }

  // Hashing: plain vs robust on the same decoded pixels.
  const queries = new Map<string, string[]>();
  for (const img of images) {
    const base = rate(() => pdqFromPixels(img.pixels, img.width, img.height, img.channels));
    for (const [set, opts] of sets) {
      const r = opts === undefined ? base : rate(() => pdqRobustFromPixels(img.pixels, img.width, img.height, img.channels, opts));
      const hashes = opts === undefined ? [pdqFromPixels(img.pixels, img.width, img.height, img.channels).hash] : (() => {
        const out = pdqRobustFromPixels(img.pixels, img.width, img.height, img.channels, opts);
        return [out.hash, ...new Set(out.variants.map((v) => v.hash).filter((h) => h !== out.hash))];
      })();
      queries.set(`${img.label}/${set}`, hashes);
      emit({ metric: 'hash_per_s', image: img.label, set, queryHashes: hashes.length, hashesPerSecond: r.perSecond, msPerImage: r.msPerCall, cpuMsPerImage: r.cpuMsPerCall, cpuVsPlain: round(r.cpuMsPerCall / base.cpuMsPerCall, 2) });
    }
  }

  // End to end over the shared sample files (bytes in memory): decode, digests, plain hash or robust query.
  const files: Buffer[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(jpe?g|png)$/i.test(n) && !p.includes('/bench/')) files.push(readFileSync(p));
    }
  };
  walk(vectors);
  const perFile: Record<string, { wall: number; cpu: number }> = {};
  for (const robust of [false, true, false, true]) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < seconds * 1000) {
      for (const f of files) await hashImage(f, { robust });
      n += files.length;
    }
    const cpu = process.cpuUsage(cpu0);
    // Two rounds each, interleaved; the second round of each counts (warm caches, fewer outliers).
    perFile[robust ? 'robust' : 'plain'] = { wall: (performance.now() - start) / n, cpu: (cpu.user + cpu.system) / 1000 / n };
  }
  const [p, r] = [perFile.plain!, perFile.robust!];
  emit({ metric: 'decode_and_hash_ms_per_file', files: files.length, plainMs: round(p.wall, 2), robustMs: round(r.wall, 2), plainCpuMs: round(p.cpu, 2), robustCpuMs: round(r.cpu, 2), cpuVsPlain: round(r.cpu / p.cpu, 2) });

  // Index time per query image: every query hash looked up in a clustered index.
  const words = clusteredHashes(indexSize, 0xc105 + indexSize);
  const index = new PdqIndex();
  const one = new Uint32Array(8);
  for (let i = 0; i < indexSize; i++) {
    one.set(words.subarray(i * 8, i * 8 + 8));
    index.add(i, one);
  }
  index.compact();
  for (const [key, hashes] of queries) {
    const qs = hashes.map((h) => pdqHexToWords(h));
    const r = rate(() => {
      for (const q of qs) index.query(q, 31);
    });
    const [image, set] = key.split('/');
    emit({ metric: 'index_ms_per_query_image', image, set, indexSize, queryHashes: qs.length, msPerImage: r.msPerCall, cpuMsPerImage: r.cpuMsPerCall });
  }
}

await main();
