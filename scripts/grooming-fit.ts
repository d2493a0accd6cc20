/**
 * Fits a complete grooming model on a set of training segments — the same procedure for the committed model
 * (all dev data) and for every cross-validation fold (training folds only):
 *   1. inner k-fold: out-of-fold text scores for every training segment, calibrated to logits;
 *   2. stacker: final logit = a·text + c·lexicon + b, fitted on those out-of-fold logits;
 *   3. bias shift: so that risk 0.5 is the cut-off with the best worst-language F0.5, on each
 *      conversation's out-of-fold peak risk over its messages as the runtime streams them (lexicon override and
 *      the no-evidence cap included);
 *   4. the text model itself, trained on all training segments and pruned to the strongest weights.
 */
import { ConversationState } from '../src/core/grooming/conversation-state.ts';
import { defaultMatcher } from '../src/core/grooming/detector.ts';
import { loadModel, sigmoid, textConfidence, type GroomingModel } from '../src/core/grooming/learned-model.ts';
import { DEFAULT_MAX_MESSAGES } from '../src/core/grooming/options.ts';
import { groupedFolds, type Segment } from './grooming-data.ts';
import { FEATURE_BITS, SHRINK_FEATURES, bestThreshold, defaultTrain, fitLogistic, fitStacker, messagesOf, prefixZ, prf, prune, textZ, toModel, trainTextModel, type Doc, type TrainOptions } from './grooming-learn.ts';

export interface FitOptions {
  seed: number;
  innerFolds: number;
  train: TrainOptions;
  /** Weights kept in the committed model. */
  keepWeights: number;
  /** Lexicon logit above which the lexicon alone raises risk past 0.5 (hand-set, see learned-model.ts). */
  lexiconOverride: number;
  lexiconOverrideDisclosedMinor: number;
  lexiconOverrideKnownMinor: number;
}

export const defaultFit: FitOptions = { seed: 42, innerFolds: 5, train: defaultTrain, keepWeights: 12000, lexiconOverride: 3, lexiconOverrideDisclosedMinor: 1.5, lexiconOverrideKnownMinor: 0 };

export interface FitResult {
  model: GroomingModel;
  /** Out-of-fold text logits of the training docs (for a learned-only cut-off). */
  oofText: number[];
  /** The learned-only cut-off (logit) with the best out-of-fold F0.5. */
  textCut: number;
}

function sparseToDense(sp: { indices: number[]; values: number[] }): Float64Array {
  const w = new Float64Array(1 << FEATURE_BITS);
  sp.indices.forEach((j, k) => (w[j] = sp.values[k]!));
  return w;
}

/** Fits a model on `docs` (see the file comment). Deterministic for a given seed. */
export function fitModel(docs: readonly Doc[], opts: FitOptions = defaultFit, trainedOn = 'pan12-segments-dev'): FitResult {
  const labels = docs.map((d) => d.label);
  // Inner folds keep a conversation and its translations together, as the outer ones do.
  const inner = groupedFolds(docs.map((d) => d.group), labels, opts.innerFolds, opts.seed);
  const raw = new Array<number>(docs.length).fill(0);
  const rawPrefix: ReturnType<typeof prefixZ>[] = new Array(docs.length);
  for (let f = 0; f < opts.innerFolds; f++) {
    const lr = trainTextModel(docs.filter((_, i) => inner[i] !== f), opts.train);
    const w = sparseToDense(prune(lr, opts.keepWeights));
    docs.forEach((d, i) => {
      if (inner[i] !== f) return;
      raw[i] = textZ(w, lr.b, d);
      rawPrefix[i] = prefixZ(w, d);
    });
  }
  // Calibrate the text score in the runtime's form (learned-model.ts textLogit):
  //   logit = prior + conf·(textBias − prior + scale·raw) = prior·(1 − conf) + textBias·conf + scale·conf·raw.
  const prior = priorLogit(labels);
  const [scale, textBias] = fitLogistic(
    docs.map((d, i) => [d.conf * raw[i]!, d.conf]),
    labels,
    { offset: docs.map((d) => prior * (1 - d.conf)), ridged: [true, false] },
  ) as [number, number];
  const cal = { text: scale, bias: textBias };
  const oof = docs.map((d, i) => prior * (1 - d.conf) + textBias * d.conf + scale * d.conf * raw[i]!);
  const lex = docs.map((d) => d.lexZ);
  const st = fitStacker(oof, lex, labels);
  const stacked = docs.map((_, i) => st.text * oof[i]! + st.lexicon * lex[i]! + st.bias);
  // The runtime flags when risk crosses 0.5 at any message with evidence to show, so the bias shift is chosen
  // on each conversation's peak over its messages (out-of-fold), not only on its final score.
  const peak = docs.map((d, i) => {
    let best = -Infinity;
    const rp = rawPrefix[i]!;
    for (let m = 0; m < d.ends.length; m++) {
      if (!d.evidence[m]) continue;
      const cal = (raw: number, n: number) => {
        const conf = textConfidence(n, SHRINK_FEATURES);
        return prior * (1 - conf) + textBias * conf + scale * conf * raw;
      };
      let t = cal(rp.conv[m]!, rp.convN[m]!);
      if (!Number.isNaN(rp.epoch[m]!)) t = Math.max(t, cal(rp.epoch[m]!, rp.epochN[m]!));
      best = Math.max(best, st.text * t + st.lexicon * d.lexZs[m]! + st.bias);
    }
    return best;
  });
  const override = docs.map((d) => {
    let best = 0;
    for (let m = 0; m < d.ends.length; m++) if (d.evidence[m]) best = Math.max(best, sigmoid(d.lexZs[m]! - opts.lexiconOverride));
    return best;
  });
  // Bias shift: candidate shifts put each doc's peak stacked logit exactly at the 0.5 cut-off.
  // The objective is the worst language's F0.5 (English segments arrive whole, translations message by
  // message with higher peaks), so one cut-off serves every language rather than the largest set.
  const languages = docs.map((d) => d.language);
  let bestShift = 0;
  let bestF = -1;
  const candidates = [...new Set(peak.filter((z) => z > -Infinity).map((z) => -z + 1e-9))].sort((a, b) => a - b);
  for (const shift of candidates) {
    const pred = peak.map((z, i) => Math.max(sigmoid(z + shift), override[i]!) >= 0.5);
    const f = worstF05(pred, labels, languages);
    if (f > bestF + 1e-12 || (Math.abs(f - bestF) <= 1e-12 && Math.abs(shift) < Math.abs(bestShift))) {
      bestF = f;
      bestShift = shift;
    }
  }
  const lr = trainTextModel(docs, opts.train);
  const combine = {
    text: round(st.text),
    lexicon: round(st.lexicon),
    bias: round(st.bias + bestShift),
    lexiconOverride: opts.lexiconOverride,
    lexiconOverrideDisclosedMinor: opts.lexiconOverrideDisclosedMinor,
    lexiconOverrideKnownMinor: opts.lexiconOverrideKnownMinor,
  };
  const model = toModel(prune(lr, opts.keepWeights, cal.text), cal.bias, prior, combine, { trainedOn, seed: opts.seed });
  return { model, oofText: oof, textCut: bestThreshold(oof, labels) };
}

/** The lowest F0.5 over the languages (ties broken by the mean), so no language pays for the others. */
function worstF05(pred: readonly boolean[], labels: readonly number[], languages: readonly string[]): number {
  const langs = [...new Set(languages)];
  let total = 0;
  let min = Infinity;
  for (const l of langs) {
    const idx = languages.map((x, i) => (x === l ? i : -1)).filter((i) => i >= 0);
    const f = prf(idx.map((i) => pred[i]!), idx.map((i) => labels[i]!)).f05;
    total += f;
    min = Math.min(min, f);
  }
  return min + (1e-3 * total) / langs.length;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function priorLogit(labels: readonly number[]): number {
  const pos = labels.filter((l) => l === 1).length;
  return Math.log((pos + 0.5) / (labels.length - pos + 0.5));
}

/** Scores segments through the runtime path (message by message when boundaries are kept) with a given model. */
export function scoreWithModel(model: GroomingModel, segments: readonly Segment[]): { risk: number; text: number; lexicon: number }[] {
  const lm = loadModel(model);
  const matcher = defaultMatcher();
  return segments.map((s) => {
    const state = new ConversationState({ threshold: 0.5, maxMessages: DEFAULT_MAX_MESSAGES, maxAuthors: 4, maxSignals: 64, matcher, model: lm });
    for (const m of messagesOf(s)) state.push({ text: m });
    return { risk: state.peakRisk, text: state.textLogit(), lexicon: state.lexiconZ() };
  });
}
