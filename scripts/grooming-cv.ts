/**
 * Stratified k-fold cross-validation of the grooming detector on research segments: for each fold, fit on the
 * other folds (scripts/grooming-fit.ts) and score the held-out fold through the runtime path. Reports the
 * combined detector, its learned-only and lexicon-only parts, and a length-only baseline.
 */
import { sigmoid } from '../src/core/grooming/learned-model.ts';
import { DEFAULT_THRESHOLD } from '../src/core/grooming/options.ts';
import { stratifiedFolds, type Segment } from './grooming-data.ts';
import { defaultFit, fitModel, scoreWithModel, type FitOptions } from './grooming-fit.ts';
import { bestThreshold, featurise, fitStacker, prf, rocAuc, type Prf } from './grooming-learn.ts';

export interface Figures extends Prf {
  auc: number;
}

export interface CvResult {
  k: number;
  seed: number;
  foldsRun: number[];
  n: number;
  positives: number;
  detectors: Record<'combined' | 'learned_only' | 'lexicon_only' | 'length_only', Figures>;
  /** Per length quartile (word count), combined vs length-only. */
  byLength: { quartile: number; words: [number, number]; n: number; positives: number; combined: Figures; length_only: Figures }[];
  /** Stacker coefficients of each fold (text, lexicon, bias). */
  combineByFold: { text: number; lexicon: number; bias: number }[];
}

interface Scored {
  label: number;
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

/** Runs cross-validation; `onlyFolds` limits which held-out folds are scored (the CI floor uses one). */
export function crossValidate(segments: readonly Segment[], opts: { k?: number; seed?: number; onlyFolds?: number[]; fit?: FitOptions } = {}): CvResult {
  const k = opts.k ?? 5;
  const seed = opts.seed ?? 42;
  const fit = opts.fit ?? defaultFit;
  const docs = featurise(segments);
  const labels = docs.map((d) => d.label);
  const folds = stratifiedFolds(labels, k, seed);
  const foldsRun = opts.onlyFolds ?? [...Array(k).keys()];
  const rows: Scored[] = [];
  const combineByFold: CvResult['combineByFold'] = [];
  for (const f of foldsRun) {
    const trainIdx = docs.map((_, i) => i).filter((i) => folds[i] !== f);
    const testIdx = docs.map((_, i) => i).filter((i) => folds[i] === f);
    const trainDocs = trainIdx.map((i) => docs[i]!);
    const { model, textCut } = fitModel(trainDocs, { ...fit, seed: seed + 1 + f });
    combineByFold.push({ text: model.combine.text, lexicon: model.combine.lexicon, bias: model.combine.bias });
    // Length-only baseline: logistic regression on log(words), cut-off chosen on the training folds.
    const logw = (i: number) => Math.log(1 + docs[i]!.words);
    const lenFit = fitStacker(trainIdx.map(logw), trainIdx.map(() => 0), trainIdx.map((i) => labels[i]!));
    const lenScore = (i: number) => sigmoid(lenFit.text * logw(i) + lenFit.bias);
    const lenCut = bestThreshold(trainIdx.map(lenScore), trainIdx.map((i) => labels[i]!));
    const scored = scoreWithModel(model, testIdx.map((i) => segments[i]!));
    testIdx.forEach((i, n) => {
      const s = scored[n]!;
      rows.push({
        label: labels[i]!,
        words: docs[i]!.words,
        combined: s.risk,
        combinedFlag: s.risk >= DEFAULT_THRESHOLD,
        text: s.text,
        textFlag: s.text >= textCut,
        lexicon: s.lexicon,
        lexiconFlag: s.lexicon >= model.combine.lexiconOverride,
        length: lenScore(i),
        lengthFlag: lenScore(i) >= lenCut,
      });
    });
  }
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
  const byLength: CvResult['byLength'] = [];
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
  return { k, seed, foldsRun, n: rows.length, positives: rows.filter((r) => r.label === 1).length, detectors, byLength, combineByFold };
}
