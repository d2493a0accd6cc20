/**
 * PDQ index benchmark: for 1M and 10M hashes (LIFEGUARD_BENCH_SIZES=1000000 to limit), random and clustered:
 * build, snapshot size, load time, memory after load, radius-31 query latency (half near-duplicates of
 * stored hashes, half random hashes), a linear scan over the same data, and churn after load.
 * Prints one JSON line per case. Run: npm run bench -- index
 */
import { cpus, loadavg } from 'node:os';
import { PdqIndex, XorShift32, clusteredHashes, linearScan, nearDuplicate, randomHashes } from '../src/core/index/index.ts';

const sizes = (process.env.LIFEGUARD_BENCH_SIZES ?? '1000000,10000000').split(',').map(Number).filter((n) => n > 0);
const QUERIES = 2000;
const WARMUP = 300;
const SCANS = 5;
const THRESHOLD = 31;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const ms = (t: number) => Math.round(t * 1000) / 1000;

function emit(figures: Record<string, unknown>): void {
  console.log(JSON.stringify({ bench: 'index', ...figures }));
}

function dataset(kind: string, n: number): Uint32Array {
  return kind === 'random' ? randomHashes(n, 0x5eed + n) : clusteredHashes(n, 0xc105 + n);
}

/** Half near-duplicates (0–31 bits from a stored hash, so always a hit), half random hashes (misses). */
function makeQueries(words: Uint32Array, n: number): Uint32Array {
  const rng = new XorShift32(0x9e3 + n);
  const out = new Uint32Array(QUERIES * 8);
  for (let i = 0; i < QUERIES; i++) {
    if (i % 2 === 0) nearDuplicate(words, rng.below(n) * 8, rng.below(THRESHOLD + 1), rng, out, i * 8);
    else for (let w = 0; w < 8; w++) out[i * 8 + w] = rng.next();
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/**
 * Wall-clock latency per query, plus CPU time per query (process.cpuUsage): on a shared machine the wall
 * clock also counts time the process waited for a core, the CPU time does not.
 */
function timeQueries(index: PdqIndex, queries: Uint32Array, count: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  const hits: number[] = [];
  const misses: number[] = [];
  let results = 0;
  for (let i = 0; i < WARMUP; i++) index.query(queries.subarray((i % count) * 8, (i % count) * 8 + 8), THRESHOLD);
  for (let i = 0; i < count; i++) {
    const q = queries.subarray(i * 8, i * 8 + 8);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = index.query(q, THRESHOLD);
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    results += r.length;
    wall.push(dt);
    cpu.push((c.user + c.system) / 1000);
    (i % 2 === 0 ? hits : misses).push(dt);
  }
  for (const a of [wall, cpu, hits, misses]) a.sort((x, y) => x - y);
  return {
    query_p50_ms: ms(percentile(wall, 0.5)),
    query_p99_ms: ms(percentile(wall, 0.99)),
    query_mean_ms: ms(wall.reduce((s, x) => s + x, 0) / wall.length),
    query_max_ms: ms(wall[wall.length - 1]!),
    query_cpu_p50_ms: ms(percentile(cpu, 0.5)),
    query_cpu_p99_ms: ms(percentile(cpu, 0.99)),
    query_cpu_mean_ms: ms(cpu.reduce((s, x) => s + x, 0) / cpu.length),
    near_dup_p99_ms: ms(percentile(hits, 0.99)),
    random_p99_ms: ms(percentile(misses, 0.99)),
    mean_results: Math.round((results / count) * 10) / 10,
  };
}

emit({ machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, load_average_1m: Math.round(loadavg()[0]! * 100) / 100 } });

for (const n of sizes) {
  for (const kind of ['random', 'clustered']) {
    gc();
    let t0 = performance.now();
    let words: Uint32Array | null = dataset(kind, n);
    const generateMs = performance.now() - t0;
    const queries = makeQueries(words, n);

    // Build through the public API a bank loader uses: add() per entry, then compact() into one segment.
    let built: PdqIndex | null = new PdqIndex();
    const one = new Uint32Array(8);
    t0 = performance.now();
    for (let i = 0; i < n; i++) {
      for (let w = 0; w < 8; w++) one[w] = words[i * 8 + w]!;
      built.add(i, one);
    }
    const addMs = performance.now() - t0;
    t0 = performance.now();
    built.compact();
    const compactMs = performance.now() - t0;
    const stats = built.stats();

    t0 = performance.now();
    built.serializeParts();
    const serializePartsMs = performance.now() - t0;
    t0 = performance.now();
    let bytes: Uint8Array | null = built.serialize();
    const serializeMs = performance.now() - t0;

    // Drop everything but the snapshot bytes, then load: the loaded index is views over those bytes.
    words = null;
    built = null;
    gc();
    t0 = performance.now();
    PdqIndex.deserialize(bytes, { verify: false });
    const loadUnverifiedMs = performance.now() - t0;
    t0 = performance.now();
    let index: PdqIndex | null = PdqIndex.deserialize(bytes);
    const loadMs = performance.now() - t0;
    const snapshotBytes = bytes.length;
    bytes = null;
    gc();
    const mem = process.memoryUsage();

    const latency = timeQueries(index, queries, QUERIES);

    // Linear scan on the same data (regenerated: the seed makes it identical), and an exactness spot check.
    words = dataset(kind, n);
    linearScan(words, queries.subarray(8, 16), THRESHOLD); // warm-up, so the baseline is optimised code
    let scanTotal = 0;
    let scanCpu = 0;
    let exact = true;
    for (let i = 0; i < SCANS; i++) {
      const q = queries.subarray(i * 8, i * 8 + 8);
      const c0 = process.cpuUsage();
      t0 = performance.now();
      const expected = linearScan(words, q, THRESHOLD);
      scanTotal += performance.now() - t0;
      const c = process.cpuUsage(c0);
      scanCpu += (c.user + c.system) / 1000;
      const got = index.query(q, THRESHOLD);
      exact &&= got.length === expected.length && got.every((m, k) => m.id === expected[k]!.index && m.distance === expected[k]!.distance);
    }
    const scanMeanMs = scanTotal / SCANS;
    const scanCpuMeanMs = scanCpu / SCANS;

    // Churn after load: 10k adds (half near-duplicates of stored hashes) and 10k removals, no full rebuild.
    const rng = new XorShift32(77);
    const fresh = new Uint32Array(8);
    t0 = performance.now();
    for (let i = 0; i < 10_000; i++) {
      if (i % 2 === 0) nearDuplicate(words, rng.below(n) * 8, rng.below(20), rng, fresh);
      else for (let w = 0; w < 8; w++) fresh[w] = rng.next();
      index.add(n + i, fresh);
      index.remove(rng.below(n));
    }
    const churnMs = performance.now() - t0;
    t0 = performance.now();
    index.query(queries.subarray(0, 8), THRESHOLD);
    const firstQueryAfterChurnMs = performance.now() - t0;
    const afterChurn = timeQueries(index, queries, 1000);
    words = null;

    emit({
      n,
      data: kind,
      threshold: THRESHOLD,
      generate_ms: Math.round(generateMs),
      add_ms: Math.round(addMs),
      compact_ms: Math.round(compactMs),
      build_ms: Math.round(addMs + compactMs),
      layout: `${stats.segments[0]?.chunks}x${stats.segments[0]?.chunkBits} bits`,
      serialize_parts_ms: ms(serializePartsMs),
      serialize_ms: Math.round(serializeMs),
      snapshot_mb: mb(snapshotBytes),
      load_ms: Math.round(loadMs),
      load_unverified_ms: ms(loadUnverifiedMs),
      rss_mb: mb(mem.rss),
      heap_used_mb: mb(mem.heapUsed),
      array_buffers_mb: mb(mem.arrayBuffers),
      ...latency,
      linear_scan_mean_ms: ms(scanMeanMs),
      linear_scan_cpu_mean_ms: ms(scanCpuMeanMs),
      speedup_vs_scan: Math.round(scanMeanMs / latency.query_mean_ms),
      speedup_vs_scan_cpu: Math.round(scanCpuMeanMs / latency.query_cpu_mean_ms),
      exact_spot_check: exact,
      churn_10k_add_remove_ms: Math.round(churnMs),
      first_query_after_churn_ms: ms(firstQueryAfterChurnMs),
      after_churn_p99_ms: afterChurn.query_p99_ms,
      after_churn_cpu_p99_ms: afterChurn.query_cpu_p99_ms,
      after_churn_segments: index.stats().segments.length,
      after_churn_pending: index.stats().pending,
    });
    index = null;
  }
}
emit({ load_average_1m_at_end: Math.round(loadavg()[0]! * 100) / 100 });
