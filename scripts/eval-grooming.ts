/**
 * `npm run eval:grooming [-- --data FILE] [--json] [--quick]`: the grooming detector's figures.
 *   1. Cross-validation (5 folds, seed 42) on the research dev sets: the English PAN12 segments and the German
 *      and Dutch translations when present, trained on all of them (other languages glossed to English),
 *      folds grouped so a conversation and its translations are always held out together. Per language:
 *      combined detector, learned-only and lexicon-only parts, a length-only baseline, and word-count quartiles.
 *   2. Transfer check (skipped with --quick): the same folds with models trained on English only, so German
 *      and Dutch are scored by a model that never saw a translation (no translator artefacts to learn).
 *   3. Language detection on the same sets; early warning on our synthetic conversations; and the short-chat
 *      evaluator (scripts/eval-short-chats.ts) when it exists.
 * Prints readable tables, then one JSON line with every figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { crossValidate, type CvResult, type Figures, type LanguageResult } from './grooming-cv.ts';
import { groomingDataPath, loadSegments, loadTranslated, translatedData, type Segment } from './grooming-data.ts';
import { earlyWarning } from './grooming-early-warning.ts';
import { languageCheck } from './grooming-language-check.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, json: { type: 'boolean' }, quick: { type: 'boolean' } } });
const path = values.data ?? groomingDataPath();
const started = performance.now();
const translated = translatedData();
const segments: Segment[] = path ? [...loadSegments(path), ...translated.flatMap((t) => loadTranslated(t.path, t.language))] : [];
const cv = path ? crossValidate(segments) : undefined;
const transfer = path && !values.quick && translated.length > 0 ? crossValidate(segments, { englishOnly: true }) : undefined;
const languages = path ? languageCheck(segments) : [];
const early = earlyWarning();
const shortChatsScript = new URL('./eval-short-chats.ts', import.meta.url).pathname;
const shortChats = existsSync(shortChatsScript) ? runShortChats() : undefined;
const seconds = Math.round((performance.now() - started) / 100) / 10;

const names: Record<string, string> = { en: 'English (PAN12 segments)', de: 'German (machine translation)', nl: 'Dutch (machine translation)' };
const fmt = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
const row = (name: string, f: Figures) =>
  `${name.padEnd(14)} ${fmt(f.precision)}  ${fmt(f.recall)}  ${fmt(f.f05)}  ${fmt(f.f1)}  ${fmt(f.auc)}  ${String(f.tp).padStart(3)} ${String(f.fp).padStart(3)} ${String(f.fn).padStart(3)}`;

function table(lang: string, r: LanguageResult): void {
  console.log(`\n${names[lang] ?? lang}: ${r.n} segments, ${r.positives} positive`);
  console.log('detector       prec   recall  F0.5   F1     AUC     tp  fp  fn');
  for (const [name, f] of Object.entries(r.detectors)) console.log(row(name, f));
  console.log('within word-count quartiles (combined vs length-only):');
  console.log('quartile words        n   pos  combined F0.5  AUC    length-only F0.5  AUC');
  for (const b of r.byLength) {
    console.log(
      `Q${b.quartile}       ${`${b.words[0]}-${b.words[1]}`.padEnd(11)} ${String(b.n).padStart(3)}  ${String(b.positives).padStart(3)}  ${fmt(b.combined.f05)}         ${fmt(b.combined.auc)}  ${fmt(b.length_only.f05)}             ${fmt(b.length_only.auc)}`,
    );
  }
}

if (!values.json) {
  if (cv) {
    console.log(`grooming detector — ${cv.k}-fold cross-validation (seed ${cv.seed}), stratified, a conversation and its translations held out together`);
    console.log(`data: ${[path, ...translated.map((t) => t.path)].join(', ')}`);
    console.log('trained on every language (German and Dutch glossed to English); cut-offs chosen on training folds only');
    for (const [lang, r] of Object.entries(cv.byLanguage)) table(lang, r);
    console.log('\nsummary (combined detector)   prec   recall  F0.5   AUC');
    for (const [lang, r] of Object.entries(cv.byLanguage)) {
      const f = r.detectors.combined;
      console.log(`${lang.padEnd(29)} ${fmt(f.precision)}  ${fmt(f.recall)}  ${fmt(f.f05)}  ${fmt(f.auc)}`);
    }
    if (transfer) {
      console.log('\ntransfer check — models trained on English only (no translation seen), same folds, glossed:');
      for (const [lang, r] of Object.entries(transfer.byLanguage)) {
        const f = r.detectors.combined;
        console.log(`${lang.padEnd(29)} ${fmt(f.precision)}  ${fmt(f.recall)}  ${fmt(f.f05)}  ${fmt(f.auc)}`);
      }
    }
    console.log('\nlanguage detection          messages  alone  undecided  in context  conversations');
    for (const l of languages) {
      console.log(`${l.language.padEnd(27)} ${String(l.messages).padStart(8)}  ${fmt(l.messageAlone)}  ${fmt(l.messageUndecided)}      ${fmt(l.messageInContext)}       ${fmt(l.conversation)} of ${l.conversations}`);
    }
    console.log('(English segments have no message boundaries: read in 8-word pieces)');
  } else {
    console.log('grooming detector — no research data (set LIFEGUARD_GROOMING_DATA); cross-validation skipped');
  }
  console.log(`\nearly warning on ${early.positives + early.negatives} synthetic conversations (test/fixtures/grooming-synthetic.jsonl):`);
  console.log(`  positives warned ${early.warned}/${early.positives}, median messages before warning ${early.medianMessagesToWarning} (median share of conversation seen ${early.medianShareSeen?.toFixed(2)})`);
  console.log(`  false warnings on look-alike negatives ${early.falseWarnings}/${early.negatives}${early.falseWarningIds.length ? ` (${early.falseWarningIds.join(', ')})` : ''}`);
  if (shortChats) console.log(`\nshort chats (scripts/eval-short-chats.ts):\n${shortChats.text.trimEnd()}`);
  else console.log('\nshort chats: scripts/eval-short-chats.ts not present');
  console.log(`  (${seconds} s)\n`);
}
const compact = (r: CvResult | undefined) => r ?? null;
console.log(
  JSON.stringify({
    eval: 'grooming',
    data: path ? [path, ...translated.map((t) => t.path)] : null,
    crossValidation: compact(cv),
    transfer: transfer ? Object.fromEntries(Object.entries(transfer.byLanguage).map(([l, r]) => [l, r.detectors])) : null,
    languageDetection: languages,
    earlyWarning: early,
    shortChats: shortChats?.json ?? null,
    seconds,
  }),
);

/** Runs the short-chat evaluator in a child process; returns its readable output and its JSON line if any. */
function runShortChats(): { text: string; json: unknown } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', shortChatsScript], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines = (r.stdout ?? '').split('\n');
  let json: unknown = null;
  const text: string[] = [];
  for (const l of lines) {
    if (l.startsWith('{')) {
      try {
        json = JSON.parse(l);
        continue;
      } catch {
        /* not a JSON line: print it */
      }
    }
    text.push(`  ${l}`);
  }
  if (r.status !== 0) text.push(`  (exited ${r.status}${r.stderr ? `: ${r.stderr.trim().split('\n').pop()}` : ''})`);
  return { text: text.join('\n'), json };
}
