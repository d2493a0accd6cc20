/**
 * `npm run train:grooming [-- --data FILE] [--english-only]`: fits the grooming model on the research
 * segments — the English PAN12 segments plus the German and Dutch translations when present, glossed to
 * English (fixed seed, so the output is reproducible) — and writes src/core/grooming/model/grooming-model.ts.
 * Only hashed feature indices and weights are written — no text from the data.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { groomingDataPath, loadSegments, loadTranslated, translatedData } from './grooming-data.ts';
import { defaultFit, fitModel } from './grooming-fit.ts';
import { featurise } from './grooming-learn.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, 'english-only': { type: 'boolean' } } });
const path = values.data ?? groomingDataPath();
if (!path) {
  console.error('train-grooming: no data (set LIFEGUARD_GROOMING_DATA or pass --data FILE)');
  process.exit(2);
}
const out = values.out ?? new URL('../src/core/grooming/model/grooming-model.ts', import.meta.url).pathname;
const translated = values['english-only'] ? [] : translatedData();
const segments = [...loadSegments(path), ...translated.flatMap((t) => loadTranslated(t.path, t.language))];
const docs = featurise(segments);
const sets = [path, ...translated.map((t) => t.path)].map((p) => p.split('/').pop()!.replace(/\.(csv|jsonl)$/, ''));
const { model } = fitModel(docs, defaultFit, sets.join(' + '));
const lines = [
  '/**',
  ' * The trained grooming model, written by `npm run train:grooming` (scripts/train-grooming.ts); do not edit.',
  ` * Trained on ${segments.length} segments (${docs.filter((d) => d.label === 1).length} positive; ${[...new Set(docs.map((d) => d.language))].join(', ')}; other languages glossed to English), seed ${model.seed}.`,
  ' * Hashed n-gram presence weights only: bucket indices and values, no text.',
  ' */',
  "import type { GroomingModel } from '../learned-model.ts';",
  '',
  'export const groomingModel: GroomingModel = {',
  `  version: ${model.version},`,
  `  trainedOn: ${JSON.stringify(model.trainedOn)},`,
  `  seed: ${model.seed},`,
  `  featureBits: ${model.featureBits},`,
  `  featureScale: ${model.featureScale},`,
  `  shrinkFeatures: ${model.shrinkFeatures},`,
  `  textBias: ${model.textBias},`,
  `  textPrior: ${model.textPrior},`,
  `  combine: ${JSON.stringify(model.combine).replace(/"(\w+)":/g, '$1: ').replace(/,/g, ', ').replace(/^\{/, '{ ').replace(/\}$/, ' }')},`,
  '  // prettier-ignore',
  `  indices: [${chunk(model.indices)}],`,
  '  // prettier-ignore',
  `  values: [${chunk(model.values)}],`,
  '};',
  '',
];
writeFileSync(out, lines.join('\n'));
console.log(JSON.stringify({ wrote: out, weights: model.indices.length, combine: model.combine, textBias: model.textBias, textPrior: model.textPrior }));

function chunk(xs: number[]): string {
  const rows: string[] = [];
  for (let i = 0; i < xs.length; i += 16) rows.push('    ' + xs.slice(i, i + 16).join(', '));
  return '\n' + rows.join(',\n') + ',\n  ';
}
