/**
 * Hash-list import benchmark: writes a generated CSV of LIFEGUARD_BENCH_IMPORT_LINES PDQ lines (default
 * 1,000,000), then times parsing alone and the full streaming import into a fresh SQLite bank, and the PDQ
 * index snapshot written after it. Prints JSON lines. Run: npm run bench -- bank-import
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { HashListParser } from '../src/core/hash-list/hash-list-parser.ts';
import { LineSplitter } from '../src/core/hash-list/line-splitter.ts';
import { BankPdqIndex } from '../src/matching/bank-pdq-index.ts';
import { importHashList, openHashListFile } from '../src/store/bank-import.ts';
import { createBankStore } from '../src/store/bank-store.ts';
import { openDatabase } from '../src/store/database.ts';

const lines = Number(process.env.LIFEGUARD_BENCH_IMPORT_LINES ?? 1_000_000);
const emit = (f: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'bank-import', lines, ...f }));
const dir = mkdtempSync(join(tmpdir(), 'lifeguard-bench-import-'));
try {
  const file = join(dir, 'list.csv');
  const out = createWriteStream(file);
  out.write('type,hash,id,category,source,quality\n');
  const pool = randomBytes(32 * 4096);
  for (let i = 0; i < lines; i++) {
    const h = Buffer.from(pool.subarray((i % 4096) * 32, (i % 4096) * 32 + 32));
    h.writeUInt32BE(i, 0);
    if (!out.write(`pdq,${h.toString('hex')},item-${i},A,bench,90\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  out.end();
  await finished(out);

  let t = performance.now();
  const { stream: s1, size } = await openHashListFile(file);
  const splitter = new LineSplitter();
  const parser = new HashListParser();
  for await (const chunk of s1) for (const l of splitter.push(chunk)) parser.line(l);
  const parseS = (performance.now() - t) / 1000;
  emit({ metric: 'parse_lines_per_s', value: Math.round(lines / parseS), bytes: size });

  const database = await openDatabase({ url: join(dir, 'lifeguard.sqlite') });
  const store = createBankStore(database);
  const bank = await store.createBank('bench');
  t = performance.now();
  const { stream } = await openHashListFile(file);
  const summary = await importHashList(store, bank.id, stream);
  const importS = (performance.now() - t) / 1000;
  emit({ metric: 'sqlite_import_lines_per_s', value: Math.round(lines / importS), seconds: Math.round(importS * 10) / 10, added: summary.added, rssMb: Math.round(process.memoryUsage().rss / 1e6), loadavg: loadavg()[0] });
  t = performance.now();
  const report = await BankPdqIndex.updateSnapshot({ store, snapshotPath: join(dir, 'pdq-index.bin') });
  emit({ metric: 'index_build_and_snapshot_s', value: Math.round((performance.now() - t) / 100) / 10, size: report.size });
  await database.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
