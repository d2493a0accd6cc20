/**
 * PDQ speed. Prints JSON lines: hashes/s on pixels decoded once beforehand (the sizes of the shared
 * vectors' bench/ folder: 1024x768, 512x512, 1000x750, 500x500) from RGB pixels, from a float luma buffer,
 * and with the 8 dihedral variants; the blur stage with the WebAssembly and the JavaScript engine; then
 * end-to-end files/s of hashImage (read, decode, PDQ, MD5, SHA-256) over the sample JPEGs, and the same
 * with the robust query variants (issue 13: border trim, un-crops, mirror), plain and robust rounds
 * interleaved so a shared machine's load falls on both alike.
 * Run: npm run bench -- pdq   (LIFEGUARD_BENCH_SECONDS sets the seconds per case, default 2)
 */
import { readdirSync, existsSync, statSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { join } from 'node:path';
import { downsampleTo64Js } from '../src/core/pdq/downsample.ts';
import { downsampleTo64Wasm } from '../src/core/pdq/downsample-wasm.ts';
import { lumaFromPixels, pdqDihedralFromLuma, pdqFromLuma, pdqFromPixels } from '../src/core/pdq/index.ts';
import { pixelSource } from '../src/core/pdq/pdq-hash.ts';
import { decodeImage } from '../src/media/decode-image.ts';
import { hashImage } from '../src/media/hash-image.ts';
import { sharedDataPath } from '../scripts/shared-data-dir.ts';

const vectors = process.env.LIFEGUARD_PDQ_VECTORS ?? sharedDataPath('data/pdq');
const secondsPerCase = Number(process.env.LIFEGUARD_BENCH_SECONDS ?? 2);
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, os: `${platform()} ${release()}` };
const emit = (figures: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'pdq', ...figures }));

/** Runs `fn` repeatedly for about `seconds` after a warm-up; returns calls per second. */
function rate(fn: () => unknown, seconds: number): { perSecond: number; msPerCall: number; calls: number } {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) fn();
  (globalThis as { gc?: () => void }).gc?.();
  let calls = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 5; i++) fn();
    calls += 5;
    now = performance.now();
  }
  const elapsed = (now - start) / 1000;
  return { perSecond: round(calls / elapsed), msPerCall: round((elapsed * 1000) / calls, 3), calls };
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  emit({ metric: 'machine', ...machine });
  const benchDir = join(vectors, 'bench');
  if (!existsSync(benchDir)) {
    emit({ metric: 'skipped', reason: `PDQ vectors not found at ${vectors} (set LIFEGUARD_PDQ_VECTORS)` });
    return;
  }
  for (const name of ['bridge-1024x768.png', 'bridge-512x512.png', 'bridge-1000x750.png', 'bridge-500x500.png']) {
    const path = join(benchDir, name);
    if (!existsSync(path)) continue;
    const img = await decodeImage(path);
    const { pixels, width, height, channels } = img;
    const luma = lumaFromPixels(pixels, width, height, channels);
    const size = `${width}x${height}`;
    const fromPixels = rate(() => pdqFromPixels(pixels, width, height, channels), secondsPerCase);
    emit({ metric: 'pdq_hashes_per_s', input: 'rgb_pixels', size, hashesPerSecond: fromPixels.perSecond, msPerHash: fromPixels.msPerCall });
    const fromLuma = rate(() => pdqFromLuma(luma, width, height), secondsPerCase);
    emit({ metric: 'pdq_hashes_per_s', input: 'float_luma', size, hashesPerSecond: fromLuma.perSecond, msPerHash: fromLuma.msPerCall });
    const dihedral = rate(() => pdqDihedralFromLuma(luma, width, height), secondsPerCase / 2);
    emit({ metric: 'pdq_dihedral_per_s', input: 'float_luma', size, hashesPerSecond: dihedral.perSecond, msPerHash: dihedral.msPerCall });
    // The blur stage alone (RGB → 64x64) with each engine: WebAssembly kernels versus plain JavaScript.
    const out64 = new Float32Array(4096);
    const source = pixelSource(pixels, width, height, channels);
    for (const [engine, run] of [['wasm', () => downsampleTo64Wasm(source, out64)], ['js', () => downsampleTo64Js(source, out64)]] as const) {
      const r = rate(run, secondsPerCase / 2);
      emit({ metric: 'pdq_blur_per_s', engine, input: 'rgb_pixels', size, perSecond: r.perSecond, msPerCall: r.msPerCall });
    }
  }

  // End to end: hashImage (read file, decode, PDQ, MD5, SHA-256) over the sample JPEGs, one at a time.
  const jpegs = listJpegs(vectors);
  if (jpegs.length > 0) {
    const bytes = jpegs.reduce((s, f) => s + statSync(f).size, 0);
    for (const f of jpegs) await hashImage(f); // warm-up
    const start = performance.now();
    let files = 0;
    let rounds = 0;
    while (performance.now() - start < secondsPerCase * 1000 || rounds === 0) {
      for (const f of jpegs) await hashImage(f);
      files += jpegs.length;
      rounds++;
    }
    const elapsed = (performance.now() - start) / 1000;
    emit({
      metric: 'hash_image_files_per_s',
      files: jpegs.length,
      megapixelsPerRound: round(await megapixels(jpegs), 1),
      filesPerSecond: round(files / elapsed),
      megabytesPerSecond: round((bytes * rounds) / elapsed / 1e6, 2),
    });
    // Plain vs robust query, interleaved rounds; CPU time too (wall time also counts waiting for a core).
    const spent = { plain: { ms: 0, cpu: 0, files: 0 }, robust: { ms: 0, cpu: 0, files: 0 } };
    for (let round = 0; round < 6; round++) {
      for (const kind of ['plain', 'robust'] as const) {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        for (const f of jpegs) await hashImage(f, { robust: kind === 'robust' });
        const cpu = process.cpuUsage(cpu0);
        if (round === 0) continue; // warm-up
        spent[kind].ms += performance.now() - t0;
        spent[kind].cpu += (cpu.user + cpu.system) / 1000;
        spent[kind].files += jpegs.length;
      }
    }
    const per = (k: 'plain' | 'robust') => ({ ms: spent[k].ms / spent[k].files, cpu: spent[k].cpu / spent[k].files });
    const [p, r] = [per('plain'), per('robust')];
    emit({
      metric: 'hash_image_robust_ms_per_file',
      files: jpegs.length,
      plainMs: round(p.ms, 2),
      robustMs: round(r.ms, 2),
      plainCpuMs: round(p.cpu, 2),
      robustCpuMs: round(r.cpu, 2),
      cpuVsPlain: round(r.cpu / p.cpu, 2),
    });
  }
}

function listJpegs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listJpegs(p));
    else if (/\.jpe?g$/i.test(name)) out.push(p);
  }
  return out;
}

async function megapixels(files: string[]): Promise<number> {
  let total = 0;
  for (const f of files) {
    const h = await hashImage(f);
    total += (h.width * h.height) / 1e6;
  }
  return total;
}

await main();
