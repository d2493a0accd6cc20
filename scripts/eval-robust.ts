/**
 * `npm run eval:robust`: how often a transformed copy of a picture still matches its original's bank hash
 * (PDQ distance ≤ 31) with the plain hash and with the robust query variants, and what the extra query
 * hashes cost in false matches. Benign pictures only: the distinct shared PDQ samples and generated ones.
 *
 * Options (environment): LIFEGUARD_EVAL_GENERATED (generated originals, default 20), LIFEGUARD_EVAL_CORPUS
 * (unrelated corpus pictures in the bank, default 2000), LIFEGUARD_EVAL_CORPUS_QUERIES (corpus pictures
 * also used as queries against the rest, default 400). `--json` prints the raw figures as JSON as well.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import { PDQ_MATCH_THRESHOLD, PDQ_MIN_QUALITY, pdqFromPixels, pdqHexToWords, popcount32 } from '../src/core/pdq/index.ts';
import { allRobustOptions, defaultRobustOptions, pdqRobustFromPixels, type RobustOptions } from '../src/core/pdq/robust-variants.ts';
import { corpusPicture, generatedOriginals, loadSample, raw, sampleFiles, transforms, type Raw } from './robust-dev-set.ts';
import { sharedDataPath } from './shared-data-dir.ts';

const T = PDQ_MATCH_THRESHOLD;
const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const nGenerated = env('LIFEGUARD_EVAL_GENERATED', 20);
const nCorpus = env('LIFEGUARD_EVAL_CORPUS', 2000);
const nCorpusQueries = Math.min(nCorpus, env('LIFEGUARD_EVAL_CORPUS_QUERIES', 400));
const log = (s: string) => process.stderr.write(s + '\n');
/** Only transforms whose name matches this regular expression (for quick experiments). */
const only = process.env.LIFEGUARD_EVAL_TRANSFORMS ? new RegExp(process.env.LIFEGUARD_EVAL_TRANSFORMS) : undefined;

/** Every query hash of one picture by variant name ('plain' first), as words. */
function queryHashes(r: Raw): Map<string, Uint32Array> {
  const res = pdqRobustFromPixels(r.pixels, r.width, r.height, r.channels, allRobustOptions);
  const out = new Map<string, Uint32Array>([['plain', pdqHexToWords(res.hash)]]);
  for (const v of res.variants) out.set(v.name, pdqHexToWords(v.hash));
  return out;
}

function distance(a: Uint32Array, b: Uint32Array, bOffset = 0): number {
  let d = 0;
  for (let m = 0; m < 8; m++) d += popcount32(a[m]! ^ b[bOffset + m]!);
  return d;
}

/** Bank entries (indices) within T of `q`, skipping `skip`. */
function bankHits(q: Uint32Array, bank: Uint32Array, size: number, skip: (i: number) => boolean): number[] {
  const hits: number[] = [];
  for (let i = 0; i < size; i++) if (!skip(i) && distance(q, bank, i * 8) <= T) hits.push(i);
  return hits;
}

/** The variant names an option set uses (always with 'plain'). */
function namesOf(o: RobustOptions): string[] {
  return ['plain', ...(o.trim ? ['trimmed', 'trimmed-major', 'trimmed-uniform'] : []), ...(o.inset ? ['inset'] : []), ...o.uncrop, ...o.dihedral, ...(o.trimUncrop ?? []).map((u) => `trimmed+${u}`)];
}

interface QueryRecord {
  original: string;
  sample: boolean;
  transform: string;
  group: string;
  /** Distance to the original's hash, per variant name. */
  distances: Record<string, number>;
  /** False matches (bank indices) per variant name, only names with any: entries Lifeguard would match (quality ≥ 50). */
  falseHits: Record<string, number[]>;
  /** The same counting low-quality bank entries too (a stress figure: Lifeguard never matches those). */
  falseHitsAll: Record<string, number[]>;
  comparisons: number;
}

async function main(): Promise<void> {
  const dir = sharedDataPath('data/pdq');
  const t0 = performance.now();
  const originals: { name: string; png: Buffer; sample: boolean }[] = [];
  for (const f of sampleFiles) originals.push({ name: f.split('/').pop()!, png: await loadSample(dir, f), sample: true });
  for (const g of await generatedOriginals(nGenerated)) originals.push({ ...g, sample: false });

  log(`corpus: ${nCorpus} generated pictures…`);
  // The bank: the corpus, then the originals (a query never counts its own original as a false match).
  const bank = new Uint32Array((nCorpus + originals.length) * 8);
  // Lifeguard flags bank entries of PDQ quality < 50 and never matches them: the main figures leave them out.
  const bankQuality = new Uint8Array(nCorpus + originals.length);
  const corpusQueries: Map<string, Uint32Array>[] = [];
  for (let i = 0; i < nCorpus; i++) {
    const r = await corpusPicture(i);
    const plain = pdqFromPixels(r.pixels, r.width, r.height, r.channels);
    bankQuality[i] = plain.quality;
    bank.set(pdqHexToWords(plain.hash), i * 8);
    if (i < nCorpusQueries) corpusQueries.push(queryHashes(r));
  }
  const originalHash: Uint32Array[] = [];
  for (const [k, o] of originals.entries()) {
    const r = await raw(o.png);
    const plain = pdqFromPixels(r.pixels, r.width, r.height, r.channels);
    const h = pdqHexToWords(plain.hash);
    bankQuality[nCorpus + k] = plain.quality;
    originalHash.push(h);
    bank.set(h, (nCorpus + k) * 8);
  }
  const bankSize = nCorpus + originals.length;

  log(`queries: ${originals.length} originals × ${transforms.length} transforms…`);
  const records: QueryRecord[] = [];
  for (const [k, o] of originals.entries()) {
    const meta = await sharp(o.png).metadata();
    const other = originals[(k + 7) % originals.length]!.png;
    for (const tr of transforms.filter((x) => !only || only.test(x.name))) {
      const r = await tr.apply(o.png, { width: meta.width!, height: meta.height! }, other);
      const q = queryHashes(r);
      const distances: Record<string, number> = {};
      const falseHits: Record<string, number[]> = {};
      const falseHitsAll: Record<string, number[]> = {};
      for (const [name, h] of q) {
        distances[name] = distance(h, originalHash[k]!);
        const hits = bankHits(h, bank, bankSize, (i) => i === nCorpus + k);
        if (hits.length > 0) falseHitsAll[name] = hits;
        const matchable = hits.filter((i) => bankQuality[i]! >= PDQ_MIN_QUALITY);
        if (matchable.length > 0) falseHits[name] = matchable;
      }
      records.push({ original: o.name, sample: o.sample, transform: tr.name, group: tr.group, distances, falseHits, falseHitsAll, comparisons: bankSize - 1 });
    }
  }
  log(`corpus queries: ${nCorpusQueries} against the other ${nCorpus - 1}…`);
  const corpusFalseAll: Record<string, number[]>[] = corpusQueries.map((q, i) => {
    const hits: Record<string, number[]> = {};
    for (const [name, h] of q) {
      const found = bankHits(h, bank, nCorpus, (j) => j === i);
      if (found.length > 0) hits[name] = found;
    }
    return hits;
  });
  const corpusFalse = corpusFalseAll.map((h) => Object.fromEntries(Object.entries(h).map(([n, ids]) => [n, ids.filter((i) => bankQuality[i]! >= PDQ_MIN_QUALITY)]).filter(([, ids]) => ids.length > 0)) as Record<string, number[]>);
  const matchableBank = [...bankQuality.subarray(0, nCorpus)].filter((q) => q >= PDQ_MIN_QUALITY).length;

  const sets: [string, string[]][] = [
    ['plain PDQ', ['plain']],
    ['+ border trim/inset', namesOf({ trim: true, inset: true, uncrop: [], dihedral: [] })],
    ['robust default', namesOf(defaultRobustOptions)],
    ['every candidate', namesOf(allRobustOptions)],
  ];
  const matched = (r: QueryRecord, names: string[]) => names.some((n) => (r.distances[n] ?? 256) <= T);
  const falseCount = (hits: Record<string, number[]>, names: string[]) => new Set(names.flatMap((n) => hits[n] ?? [])).size;
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${Math.round((100 * a) / b)}%`);

  const groups = [...new Set(records.map((r) => r.group))];
  const lines: string[] = [];
  lines.push(`Recall at distance ≤ ${T} (share of transformed copies matching their original's bank hash); ${originals.length} originals (${sampleFiles.length} shared samples + ${nGenerated} generated).`);
  lines.push('');
  lines.push(`| transform | copies | ${sets.map(([n]) => n).join(' | ')} |`);
  lines.push(`|---|---:|${sets.map(() => '---:').join('|')}|`);
  for (const g of groups) {
    const rs = records.filter((r) => r.group === g);
    lines.push(`| ${g} | ${rs.length} | ${sets.map(([, names]) => pct(rs.filter((r) => matched(r, names)).length, rs.length)).join(' | ')} |`);
  }
  lines.push('');
  lines.push('False matches per million comparisons (a query picture counts once per bank entry it matches with any of its hashes):');
  lines.push('');
  lines.push(`| queries | comparisons | ${sets.map(([n]) => n).join(' | ')} |`);
  lines.push(`|---|---:|${sets.map(() => '---:').join('|')}|`);
  const devComparisons = records.reduce((s, r) => s + r.comparisons, 0);
  lines.push(`| transformed copies vs ${bankSize - 1} unrelated | ${devComparisons} | ${sets.map(([, names]) => perMillion(records.reduce((s, r) => s + falseCount(r.falseHits, names), 0), devComparisons)).join(' | ')} |`);
  const corpusComparisons = nCorpusQueries * (nCorpus - 1);
  lines.push(`| ${nCorpusQueries} corpus pictures vs ${nCorpus - 1} others | ${corpusComparisons} | ${sets.map(([, names]) => perMillion(corpusFalse.reduce((s, h) => s + falseCount(h, names), 0), corpusComparisons)).join(' | ')} |`);
  lines.push(`| same, counting low-quality bank entries too (never matched by Lifeguard) | ${corpusComparisons} | ${sets.map(([, names]) => perMillion(corpusFalseAll.reduce((s, h) => s + falseCount(h, names), 0), corpusComparisons)).join(' | ')} |`);
  lines.push('');
  lines.push(`(${matchableBank} of the ${nCorpus} corpus pictures have PDQ quality ≥ 50; the plain gradients and most gradient-with-shapes pictures do not. Comparisons count every bank entry.)`);
  lines.push('');

  // What each candidate earns: copies it alone rescues (plain + border trim did not match) and what it costs.
  const base = sets[1]![1];
  lines.push(`Each candidate on its own, added to plain + border trim: copies it rescues, and false matches it adds (per million, both query sets):`);
  lines.push('');
  lines.push('| candidate | rescued | transforms rescued (most) | added false / M | added false / M, corpus incl. low-quality entries |');
  lines.push('|---|---:|---|---:|---:|');
  const candidateNames = namesOf(allRobustOptions).filter((n) => !base.includes(n));
  for (const n of candidateNames) {
    const rescued = records.filter((r) => !matched(r, base) && (r.distances[n] ?? 256) <= T);
    const byTr = new Map<string, number>();
    for (const r of rescued) byTr.set(r.transform, (byTr.get(r.transform) ?? 0) + 1);
    const top = [...byTr].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t, c]) => `${t} ${c}`).join(', ');
    const added =
      records.reduce((s, r) => s + falseCount(r.falseHits, [...base, n]) - falseCount(r.falseHits, base), 0) +
      corpusFalse.reduce((s, h) => s + falseCount(h, [...base, n]) - falseCount(h, base), 0);
    const addedAll = corpusFalseAll.reduce((s, h) => s + falseCount(h, [...base, n]) - falseCount(h, base), 0);
    lines.push(`| ${n} | ${rescued.length} | ${top} | ${perMillion(added, devComparisons + corpusComparisons)} | ${perMillion(addedAll, corpusComparisons)} |`);
  }
  lines.push('');
  // The baseline, on the shared samples alone.
  const samples = records.filter((r) => r.sample);
  for (const t of ['crop-centre-95', 'border-black-5']) {
    const rs = samples.filter((r) => r.transform === t);
    lines.push(`Baseline on the ${rs.length} shared samples, ${t}: plain ${rs.filter((r) => matched(r, ['plain'])).length}/${rs.length}, robust default ${rs.filter((r) => matched(r, sets[2]![1])).length}/${rs.length} (distances plain: ${rs.map((r) => r.distances.plain).join(', ')}).`);
  }
  lines.push(`(${Math.round((performance.now() - t0) / 1000)} s)`);
  console.log(lines.join('\n'));
  if (process.argv.includes('--json')) console.log(JSON.stringify({ records, corpusFalse, corpusFalseAll }, null, 0));
}

function perMillion(n: number, of: number): string {
  return of === 0 ? '–' : `${((n * 1e6) / of).toFixed(1)} (${n})`;
}

await main();
