/**
 * The learned component: a logistic regression over hashed word n-gram frequencies (see text-features.ts).
 * `textLogit` is its score; `combine` merges it with the lexicon's logit into the final risk. Both sets of
 * coefficients are written by `scripts/train-grooming.ts` into model/grooming-model.ts.
 */
import { forEachFeature } from './text-features.ts';

/** The committed model file's shape. */
export interface GroomingModel {
  version: number;
  trainedOn: string;
  seed: number;
  featureBits: number;
  /** Feature value = featureScale × count / max(words, shrinkWords): frequency per `featureScale` words. */
  featureScale: number;
  /** Below this many words the text evidence is shrunk towards the prior (see textConfidence). */
  shrinkWords: number;
  textBias: number;
  /** Logit of the base rate in training: what the text says when there is no text yet. */
  textPrior: number;
  /** Sparse weights of the hashed features: bucket indices and their values. */
  indices: number[];
  values: number[];
  /**
   * Final risk = max(σ(text·textLogit + lexicon·lexiconLogit + bias), σ(lexiconLogit − override)).
   * The first term is a stacked logistic regression fitted on out-of-fold text logits; its bias is shifted so
   * that the cross-validated F0.5-best cut-off falls at risk 0.5 (DEFAULT_THRESHOLD). The second lets strong,
   * explicit lexicon evidence (threats, secrecy with image requests, pressure on a known minor) raise risk on
   * its own, which matters for short messages and live comments where there is too little text to learn from.
   * The override offset depends on what is known of a minor's presence (see the three fields below).
   */
  combine: {
    text: number;
    lexicon: number;
    bias: number;
    /** Lexicon logit needed to flag alone when no minor is known to be involved (calibrated on the dev data). */
    lexiconOverride: number;
    /** The same when another participant said in the chat that they are a minor (hand-set). */
    lexiconOverrideDisclosedMinor: number;
    /** The same when the platform says a participant is a child or teen (hand-set). */
    lexiconOverrideKnownMinor: number;
  };
}

/** A model ready to score: dense weights for O(1) lookups. */
export interface LoadedModel {
  model: GroomingModel;
  weights: Float32Array;
}

/** Expands the sparse weights into a dense table. */
export function loadModel(model: GroomingModel): LoadedModel {
  const weights = new Float32Array(1 << model.featureBits);
  for (let i = 0; i < model.indices.length; i++) weights[model.indices[i]!] = model.values[i]!;
  return { model, weights };
}

/** Sum of the weights of a message's features and the hash to carry into the next message. */
export function scoreWords(lm: LoadedModel, words: readonly string[], prevHash: number): { sum: number; lastHash: number } {
  let sum = 0;
  const w = lm.weights;
  const lastHash = forEachFeature(words, prevHash, lm.model.featureBits, (b) => {
    sum += w[b]!;
  });
  return { sum, lastHash };
}

/**
 * How far the text evidence is trusted: (words / shrinkWords)², capped at 1. Quadratic because a mean over
 * few words is noisy: a couple of strongly weighted phrases in a short chat must not decide on their own.
 */
export function textConfidence(words: number, shrinkWords: number): number {
  const r = Math.min(1, words / shrinkWords);
  return r * r;
}

/**
 * Text logit from the accumulated feature-weight sum and word count. Below `shrinkWords` words the evidence
 * is shrunk towards the training base rate: a short message says little either way.
 */
export function textLogit(lm: LoadedModel, sum: number, words: number): number {
  const m = lm.model;
  if (words <= 0) return m.textPrior;
  const confidence = textConfidence(words, m.shrinkWords);
  return m.textPrior + confidence * (m.textBias - m.textPrior + (m.featureScale * sum) / words);
}

/** Final risk in [0, 1] from the two logits and the lexicon's override offset for the author's context. */
export function combineRisk(lm: LoadedModel, text: number, lexicon: number, minor: 'platform' | 'disclosed' | 'none' = 'none'): number {
  const c = lm.model.combine;
  const offset = minor === 'platform' ? c.lexiconOverrideKnownMinor : minor === 'disclosed' ? c.lexiconOverrideDisclosedMinor : c.lexiconOverride;
  return Math.max(sigmoid(c.text * text + c.lexicon * lexicon + c.bias), sigmoid(lexicon - offset));
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
