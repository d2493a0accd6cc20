/**
 * `npm run eval:grooming [-- --data FILE] [--json]`: stratified 5-fold cross-validation (seed 42) of the
 * grooming detector on the research dev segments — combined detector, learned-only and lexicon-only parts,
 * and a length-only baseline, overall and within word-count quartiles — plus early-warning figures on our own
 * synthetic conversations. Prints a readable table, then one JSON line with every figure.
 */
import { parseArgs } from 'node:util';
import { crossValidate, type Figures } from './grooming-cv.ts';
import { groomingDataPath, loadSegments } from './grooming-data.ts';
import { earlyWarning } from './grooming-early-warning.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, json: { type: 'boolean' } } });
const path = values.data ?? groomingDataPath();
const started = performance.now();
const cv = path ? crossValidate(loadSegments(path)) : undefined;
const early = earlyWarning();
const seconds = Math.round((performance.now() - started) / 100) / 10;

const fmt = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
const row = (name: string, f: Figures) =>
  `${name.padEnd(14)} ${fmt(f.precision)}  ${fmt(f.recall)}  ${fmt(f.f05)}  ${fmt(f.f1)}  ${fmt(f.auc)}  ${String(f.tp).padStart(3)} ${String(f.fp).padStart(3)} ${String(f.fn).padStart(3)}`;
if (!values.json) {
  if (cv) {
    console.log(`grooming detector — ${cv.k}-fold stratified cross-validation (seed ${cv.seed}) on ${path}`);
    console.log(`${cv.n} segments, ${cv.positives} positive; cut-offs chosen on training folds only\n`);
    console.log('detector       prec   recall  F0.5   F1     AUC     tp  fp  fn');
    for (const [name, f] of Object.entries(cv.detectors)) console.log(row(name, f));
    console.log('\nwithin word-count quartiles (combined vs length-only):');
    console.log('quartile words        n   pos  combined F0.5  AUC    length-only F0.5  AUC');
    for (const b of cv.byLength) {
      console.log(
        `Q${b.quartile}       ${`${b.words[0]}-${b.words[1]}`.padEnd(11)} ${String(b.n).padStart(3)}  ${String(b.positives).padStart(3)}  ${fmt(b.combined.f05)}         ${fmt(b.combined.auc)}  ${fmt(b.length_only.f05)}             ${fmt(b.length_only.auc)}`,
      );
    }
  } else {
    console.log('grooming detector — no research data (set LIFEGUARD_GROOMING_DATA); cross-validation skipped');
  }
  console.log(`\nearly warning on ${early.positives + early.negatives} synthetic conversations (test/fixtures/grooming-synthetic.jsonl):`);
  console.log(`  positives warned ${early.warned}/${early.positives}, median messages before warning ${early.medianMessagesToWarning} (median share of conversation seen ${early.medianShareSeen?.toFixed(2)})`);
  console.log(`  false warnings on look-alike negatives ${early.falseWarnings}/${early.negatives}${early.falseWarningIds.length ? ` (${early.falseWarningIds.join(', ')})` : ''}`);
  console.log(`  (${seconds} s)\n`);
}
console.log(JSON.stringify({ eval: 'grooming', data: path ?? null, crossValidation: cv ?? null, earlyWarning: early, seconds }));
