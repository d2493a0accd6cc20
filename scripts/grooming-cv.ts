/**
 * Grouped, stratified k-fold cross-validation of the grooming detector on research segments of one or more
 * languages: for each fold, fit on the other folds (scripts/grooming-fit.ts) and score the held-out fold
 * through the runtime path. Folds are drawn per data family — the English segments, and the translated
 * conversations — with a conversation and its translations always in the same fold; so the English folds are
 * those of an English-only run (seed 42), and no model is tested on a translation of what it trained on.
 * Reports, per language, the combined detector, its learned-only and lexicon-only parts, and a length-only
 * baseline (overall and within word-count quartiles).
 */
import { sigmoid } from '../src/core/grooming/learned-model.ts';
import { DEFAULT_THRESHOLD } from '../src/core/grooming/options.ts';
import { groupedFolds, type Segment } from './grooming-data.ts';
import { defaultFit, fitModel, scoreWithModel, type FitOptions } from './grooming-fit.ts';
import { bestThreshold, featurise, fitStacker, prf, rocAuc, type Doc, type Prf } from './grooming-learn.ts';
import { defaultGlosser } from '../src/core/grooming/gloss.ts';

export interface Figures extends Prf {
  auc: number;
}

export interface LanguageResult {
  n: number;
  positives: number;
  detectors: Record<'combined' | 'learned_only' | 'lexicon_only' | 'length_only', Figures>;
  /** Per length quartile (word count), combined vs length-only. */
  byLength: { quartile: number; words: [number, number]; n: number; positives: number; combined: Figures; length_only: Figures }[];
}

export interface CvResult extends LanguageResult {
  k: number;
  seed: number;
  foldsRun: number[];
  /** What the models were trained on in each fold: every language, or English only (the old model). */
  training: 'all' | 'english';
  glossed: boolean;
  /** Figures per language of the held-out segments (the top-level figures are English when present). */
  byLanguage: Record<string, LanguageResult>;
  /** Stacker coefficients of each fold (text, lexicon, bias). */
  combineByFold: { text: number; lexicon: number; bias: number }[];
}

interface Scored {
  label: number;
  language: string;
  words: number;
  combined: number;
  combinedFlag: boolean;
  text: number;
  textFlag: boolean;
  lexicon: number;
  lexiconFlag: boolean;
  length: number;
  lengthFlag: boolean;
}

function figures(rows: Scored[], score: (r: Scored) => number, flag: (r: Scored) => boolean): Figures {
  const labels = rows.map((r) => r.label);
  return { ...prf(rows.map(flag), labels), auc: rocAuc(rows.map(score), labels) };
}

/** Fold of every doc: English by segment, translations by source conversation, each family seeded alike. */
export function foldsOf(docs: readonly Doc[], k: number, seed: number): number[] {
  const folds = new Array<number>(docs.length);
  const families = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const fam = d.language === 'en' ? 'en' : 'translated';
    if (!families.has(fam)) families.set(fam, []);
    families.get(fam)!.push(i);
  });
  for (const idx of families.values()) {
    const f = groupedFolds(idx.map((i) => docs[i]!.group), idx.map((i) => docs[i]!.label), k, seed);
    idx.forEach((i, n) => (folds[i] = f[n]!));
  }
  return folds;
}

export interface CvOptions {
  k?: number;
  seed?: number;
  /** Limits which held-out folds are scored (a quicker CI floor). */
  onlyFolds?: number[];
  fit?: FitOptions;
  /** Train on English segments only (the model before multilingual training), still scoring every language. */
  englishOnly?: boolean;
  /** Gloss other languages to English before the model (default true). */
  gloss?: boolean;
}

/** Runs cross-validation over `segments` (any mix of languages). */
export function crossValidate(segments: readonly Segment[], opts: CvOptions = {}): CvResult {
  const k = opts.k ?? 5;
  const seed = opts.seed ?? 42;
  const fit = opts.fit ?? defaultFit;
  const gloss = opts.gloss ?? true;
  const docs = featurise(segments, gloss ? defaultGlosser() : null);
  const labels = docs.map((d) => d.label);
  const folds = foldsOf(docs, k, seed);
  const foldsRun = opts.onlyFolds ?? [...Array(k).keys()];
  const rows: Scored[] = [];
  const combineByFold: CvResult['combineByFold'] = [];
  for (const f of foldsRun) {
    const trainIdx = docs.map((_, i) => i).filter((i) => folds[i] !== f && (!opts.englishOnly || docs[i]!.language === 'en'));
    const testIdx = docs.map((_, i) => i).filter((i) => folds[i] === f);
    const { model, textCut } = fitModel(trainIdx.map((i) => docs[i]!), { ...fit, seed: seed + 1 + f });
    combineByFold.push({ text: model.combine.text, lexicon: model.combine.lexicon, bias: model.combine.bias });
    // Length-only baseline: logistic regression on log(words), per language, cut-off chosen on training folds.
    const logw = (i: number) => Math.log(1 + docs[i]!.words);
    const lenFits = new Map<string, { score: (i: number) => number; cut: number }>();
    for (const lang of new Set(testIdx.map((i) => docs[i]!.language))) {
      let tr = trainIdx.filter((i) => docs[i]!.language === lang);
      if (tr.length === 0) tr = docs.map((_, i) => i).filter((i) => folds[i] !== f && docs[i]!.language === lang);
      const lf = fitStacker(tr.map(logw), tr.map(() => 0), tr.map((i) => labels[i]!));
      const score = (i: number) => sigmoid(lf.text * logw(i) + lf.bias);
      lenFits.set(lang, { score, cut: bestThreshold(tr.map(score), tr.map((i) => labels[i]!)) });
    }
    const scored = scoreWithModel(model, testIdx.map((i) => segments[i]!));
    testIdx.forEach((i, n) => {
      const s = scored[n]!;
      const len = lenFits.get(docs[i]!.language)!;
      rows.push({
        label: labels[i]!,
        language: docs[i]!.language,
        words: docs[i]!.words,
        combined: s.risk,
        combinedFlag: s.risk >= DEFAULT_THRESHOLD,
        text: s.text,
        textFlag: s.text >= textCut,
        lexicon: s.lexicon,
        lexiconFlag: s.lexicon >= model.combine.lexiconOverride,
        length: len.score(i),
        lengthFlag: len.score(i) >= len.cut,
      });
    });
  }
  const byLanguage: Record<string, LanguageResult> = {};
  for (const lang of [...new Set(rows.map((r) => r.language))]) byLanguage[lang] = summarise(rows.filter((r) => r.language === lang));
  const top = byLanguage.en ?? summarise(rows);
  return { k, seed, foldsRun, training: opts.englishOnly ? 'english' : 'all', glossed: gloss, ...top, byLanguage, combineByFold };
}

function summarise(rows: Scored[]): LanguageResult {
  const combined = (r: Scored) => r.combined;
  const detectors = {
    combined: figures(rows, combined, (r) => r.combinedFlag),
    learned_only: figures(rows, (r) => r.text, (r) => r.textFlag),
    lexicon_only: figures(rows, (r) => r.lexicon, (r) => r.lexiconFlag),
    length_only: figures(rows, (r) => r.length, (r) => r.lengthFlag),
  };
  const sortedWords = rows.map((r) => r.words).sort((a, b) => a - b);
  const q = (p: number) => sortedWords[Math.min(sortedWords.length - 1, Math.floor(p * sortedWords.length))]!;
  const cuts = [-Infinity, q(0.25), q(0.5), q(0.75), Infinity];
  const byLength: LanguageResult['byLength'] = [];
  for (let b = 0; b < 4; b++) {
    const inQ = rows.filter((r) => r.words >= cuts[b]! && r.words < cuts[b + 1]!);
    byLength.push({
      quartile: b + 1,
      words: [Math.min(...inQ.map((r) => r.words)), Math.max(...inQ.map((r) => r.words))],
      n: inQ.length,
      positives: inQ.filter((r) => r.label === 1).length,
      combined: figures(inQ, combined, (r) => r.combinedFlag),
      length_only: figures(inQ, (r) => r.length, (r) => r.lengthFlag),
    });
  }
  return { n: rows.length, positives: rows.filter((r) => r.label === 1).length, detectors, byLength };
}
