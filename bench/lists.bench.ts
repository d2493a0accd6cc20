/**
 * URL and keyword list benchmark. Writes a plain-lines list of LIFEGUARD_BENCH_URLS URLs (default 1,000,000)
 * and LIFEGUARD_BENCH_KEYWORDS terms (default 100,000), imports both into a fresh SQLite bank (timed), loads
 * the in-memory text list index from the store (timed), then measures keyword + URL matching throughput on
 * one core over synthetic chat messages. Prints JSON lines. Run: npm run bench -- lists
 * With LIFEGUARD_BENCH_DATABASE_URL=postgres://… the bank lives in PostgreSQL (a throw-away schema) instead.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { KeywordListIndex } from '../src/core/keyword-lists/keyword-list-index.ts';
import { normaliseTerm } from '../src/core/keyword-lists/keyword-text.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import { TextListIndex } from '../src/matching/text-list-index.ts';
import { importHashList, openHashListFile } from '../src/store/bank-import.ts';
import { createBankStore } from '../src/store/bank-store.ts';
import { openDatabase } from '../src/store/database.ts';
import { sql } from 'kysely';

const urls = Number(process.env.LIFEGUARD_BENCH_URLS ?? 1_000_000);
const keywords = Number(process.env.LIFEGUARD_BENCH_KEYWORDS ?? 100_000);
const emit = (f: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'lists', ...f }));
const rnd = seededRandom(12);
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'po', 'da', 'fe', 'gu', 'hi', 'jo', 'qu', 'wy', 'xe'];
const word = (n = 2 + Math.floor(rnd() * 3)) => Array.from({ length: n }, () => syllables[Math.floor(rnd() * syllables.length)]).join('');
const everyday = 'hey how are you doing today did you see the game last night lol that was so funny send me the link later ok see you at school tomorrow'.split(' ');

async function writeLines(file: string, n: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < n; i++) if (!out.write(`${line(i)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  out.end();
  await finished(out);
}

const dir = mkdtempSync(join(tmpdir(), 'lifeguard-bench-lists-'));
try {
  const urlFile = join(dir, 'urls.txt');
  const kwFile = join(dir, 'keywords.txt');
  await writeLines(urlFile, urls, (i) => (i % 10 === 0 ? `*.${word()}${i}.example` : `https://www.${word()}${i % 50_000}.example/${word()}/${i}.html`));
  const terms: string[] = [];
  await writeLines(kwFile, keywords, (i) => {
    const t = i % 3 === 0 ? `${word()}${i} ${word()}` : `${word()}${i}`;
    terms.push(t);
    return t;
  });

  const pgUrl = process.env.LIFEGUARD_BENCH_DATABASE_URL;
  const pgSchema = `bench_lists_${process.pid}`;
  const database = pgUrl ? await openDatabase({ url: pgUrl, pgSchema }) : await openDatabase({ url: join(dir, 'lifeguard.sqlite') });
  emit({ metric: 'database', value: database.kind });
  const store = createBankStore(database);
  const urlBank = await store.createBank('bench-urls');
  const kwBank = await store.createBank('bench-keywords');
  // CPU seconds of this process (all threads) beside wall time: on a shared machine the wall figure moves with
  // the load, the CPU figure much less.
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e6;
  };
  let c0 = cpu();
  let t = performance.now();
  const u = await importHashList(store, urlBank.id, (await openHashListFile(urlFile)).stream, { defaultType: 'url', lines: true });
  const urlImportS = (performance.now() - t) / 1000;
  emit({ metric: 'url_import_s', value: Math.round(urlImportS * 10) / 10, cpu_s: Math.round((cpu() - c0) * 10) / 10, entries: u.added, errors: u.errors, lines_per_s: Math.round(urls / urlImportS), loadavg: loadavg()[0] });
  c0 = cpu();
  t = performance.now();
  const k = await importHashList(store, kwBank.id, (await openHashListFile(kwFile)).stream, { defaultType: 'keyword', lines: true });
  const kwImportS = (performance.now() - t) / 1000;
  emit({ metric: 'keyword_import_s', value: Math.round(kwImportS * 10) / 10, cpu_s: Math.round((cpu() - c0) * 10) / 10, entries: k.added, errors: k.errors });

  // Messages: everyday words, 1 in 100 carrying a listed term, 1 in 50 a URL (half listed).
  const messages: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const w = Array.from({ length: 6 + Math.floor(rnd() * 12) }, () => everyday[Math.floor(rnd() * everyday.length)]!);
    if (i % 100 === 0) w.splice(3, 0, terms[Math.floor(rnd() * terms.length)]!);
    if (i % 50 === 1) w.push(i % 100 === 1 ? `https://www.kalo${i}.example/x` : `see ${word()}${i}.example/page`);
    messages.push(w.join(' '));
  }

  // Keyword matching alone (normaliser + Aho–Corasick) against 100k terms.
  const kwOnly = new KeywordListIndex();
  terms.forEach((term, i) => kwOnly.add(i + 1, normaliseTerm(term)));
  t = performance.now();
  kwOnly.build();
  emit({ metric: 'keyword_automaton_build_ms', value: Math.round(performance.now() - t), terms: kwOnly.size });
  const run = (fn: (m: string) => number, rounds: number) => {
    let hits = 0;
    for (const m of messages.slice(0, 2000)) hits += fn(m); // warm-up
    hits = 0;
    const s = performance.now();
    for (let r = 0; r < rounds; r++) for (const m of messages) hits += fn(m);
    const secs = (performance.now() - s) / 1000;
    return { perS: Math.round((rounds * messages.length) / secs), hits };
  };
  const kw = run((m) => kwOnly.match(m).length, 5);
  emit({ metric: 'keyword_messages_per_s', loadavg: loadavg()[0], value: kw.perS, terms: keywords, hits: kw.hits, avgChars: Math.round(messages.reduce((a, m) => a + m.length, 0) / messages.length) });
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  c0 = cpu();
  t = performance.now();
  const { index, report } = await TextListIndex.load(store);
  emit({ metric: 'index_load_s', value: Math.round((performance.now() - t) / 100) / 10, cpu_s: Math.round((cpu() - c0) * 10) / 10, urls: report.urls, keywords: report.keywords, rssDeltaMb: Math.round((process.memoryUsage().rss - rss0) / 1e6), loadavg: loadavg()[0] });
  if (pgUrl) await sql.raw(`drop schema ${pgSchema} cascade`).execute(database.db);
  await database.close();
  const both = run((m) => index.matcher.match(m).hits.length, 5);
  emit({ metric: 'url_and_keyword_messages_per_s', value: both.perS, urls: report.urls, keywords: report.keywords, hits: both.hits });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
