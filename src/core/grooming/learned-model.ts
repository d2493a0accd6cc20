/**
 * The learned component: a linear model over hashed word n-gram presence (see text-features.ts), with
 * German, Dutch, French and Spanish glossed to English first (gloss.ts). `TextScorer` is one conversation's
 * running text score; `combineRisk` merges it with the lexicon's logit into the final risk. The coefficients
 * are written by `scripts/train-grooming.ts` into model/grooming-model.ts.
 */
import type { GlossLanguage } from './detect-language.ts';
import type { Glosser } from './gloss.ts';
import { FeatureStream, type FeatureVisitor } from './text-features.ts';
import type { LearnedFeature } from './types.ts';

/** The committed model file's shape. */
export interface GroomingModel {
  version: number;
  trainedOn: string;
  seed: number;
  featureBits: number;
  /** Score = featureScale × Σ weights of the distinct features seen / number of distinct features. */
  featureScale: number;
  /**
   * Below this many distinct features the text evidence is shrunk towards the prior (see textConfidence).
   * Distinct, not total: repeating the same few messages does not make a conversation count as long.
   */
  shrinkFeatures: number;
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
  /**
   * Bit b set when weights[b] is not 0. Few buckets have a weight (about 1 in 20), and this bitset is a thirty-
   * second of the table's size, so a feature without one is known from a cache-resident read.
   */
  nonZero: Uint32Array;
}

/** Expands the sparse weights into a dense table. */
export function loadModel(model: GroomingModel): LoadedModel {
  const weights = new Float32Array(1 << model.featureBits);
  for (let i = 0; i < model.indices.length; i++) weights[model.indices[i]!] = model.values[i]!;
  const nonZero = new Uint32Array(Math.ceil(weights.length / 32));
  for (let b = 0; b < weights.length; b++) if (weights[b] !== 0) nonZero[b >>> 5]! |= 1 << (b & 31);
  return { model, weights, nonZero };
}

/**
 * How far the text evidence is trusted: (features / shrinkFeatures)², capped at 1. Quadratic because a mean
 * over few features is noisy: a couple of strongly weighted phrases in a short chat must not decide alone.
 */
export function textConfidence(features: number, shrinkFeatures: number): number {
  const r = Math.min(1, features / shrinkFeatures);
  return r * r;
}

/**
 * Text logit from the summed weights of the distinct features and their number. Below `shrinkFeatures` the
 * evidence is shrunk towards the training base rate: a short message says little either way.
 */
export function textLogit(lm: LoadedModel, sum: number, features: number): number {
  const m = lm.model;
  if (features <= 0) return m.textPrior;
  const confidence = textConfidence(features, m.shrinkFeatures);
  return m.textPrior + confidence * (m.textBias - m.textPrior + (m.featureScale * sum) / features);
}

/** Final risk in [0, 1] from the two logits and the lexicon's override offset for the author's context. */
export function combineRisk(lm: LoadedModel, text: number, lexicon: number, minor: 'platform' | 'disclosed' | 'none' = 'none'): number {
  const c = lm.model.combine;
  const offset = minor === 'platform' ? c.lexiconOverrideKnownMinor : minor === 'disclosed' ? c.lexiconOverrideDisclosedMinor : c.lexiconOverride;
  return Math.max(sigmoid(c.text * text + c.lexicon * lexicon + c.bias), sigmoid(lexicon - offset));
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Features kept as the learned score's evidence. */
const topKept = 8;

/**
 * One conversation's learned text score, in constant memory: the whole conversation's score and, once it is
 * longer than one epoch of `window` messages, the current epoch's score — the recent messages read as a
 * segment of their own (the higher counts, so a late turn is not diluted by a long harmless start) — plus the
 * features that raised it most, for the reviewer.
 */
export class TextScorer {
  private readonly stream: FeatureStream;
  private sum = 0;
  private epochSum = 0;
  private messages = 0;
  private readonly window: number;
  private z: number;
  /**
   * The features that raised the score most, strongest first: `topCount` of them, as plain values (name, weight
   * rounded as shown, message) rather than an object each. A live stream meets thousands of viewers who each say
   * one thing, and every new viewer fills this list; objects kept for each of them were a large part of the
   * garbage collector's work. LearnedFeature objects are made only for readers (topFeatures).
   */
  private readonly topFeature: string[] = new Array<string>(topKept).fill('');
  private readonly topWeight: number[] = new Array<number>(topKept).fill(0);
  private readonly topMessage: number[] = new Array<number>(topKept).fill(0);
  private topCount = 0;
  /** A frozen copy of the top for readers of topFeatures, rebuilt only when the top changes. */
  private topView: readonly LearnedFeature[] | undefined;
  private readonly visit: FeatureVisitor;

  constructor(
    private readonly lm: LoadedModel,
    glosser: Glosser | undefined,
    window: number,
  ) {
    this.window = Math.max(1, window);
    this.stream = new FeatureStream(lm.model.featureBits, glosser, this.window);
    this.z = textLogit(lm, 0, 0);
    const w = lm.weights;
    const nonZero = lm.nonZero;
    this.visit = (bucket, read, i, bigram, newToConversation, newToEpoch) => {
      // A feature of weight 0 changes no sum and is never kept: skipped without reading the (large) table.
      if ((nonZero[bucket >>> 5]! & (1 << (bucket & 31))) === 0) return;
      const v = w[bucket]!;
      if (newToEpoch) this.epochSum += v;
      if (!newToConversation) return;
      this.sum += v;
      if (v > 0 && (this.topCount < topKept || v > this.topWeight[topKept - 1]!)) this.keep(v, read, i, bigram);
    };
  }

  /** Reads one message's normalised words (and their ids, when known) and returns the text logit so far. */
  push(words: readonly string[], ids?: readonly number[]): number {
    if (this.stream.epochStarts()) this.epochSum = 0;
    this.messageIndex = this.messages++;
    this.prevWord = this.stream.prevWord;
    this.stream.push(words, this.visit, ids);
    let z = textLogit(this.lm, this.sum, this.stream.distinct);
    if (this.messages > this.window) z = Math.max(z, textLogit(this.lm, this.epochSum, this.stream.epochDistinct));
    this.z = z;
    return z;
  }

  private messageIndex = 0;
  private prevWord = '';
  private keptAt = -1;

  private keep(weight: number, read: readonly string[], i: number, bigram: boolean): void {
    const first = i > 0 ? read[i - 1]! : this.prevWord;
    const feature = bigram ? (first ? `${first} ${read[i]}` : read[i]!) : read[i]!;
    const n = this.topCount;
    for (let k = 0; k < n; k++) if (this.topFeature[k] === feature) return;
    // Before the first weaker one (the stored weights are rounded, the new one is not), the last falling off.
    let at = 0;
    while (at < n && !(this.topWeight[at]! < weight)) at++;
    const last = n < topKept ? n : topKept - 1;
    for (let k = last; k > at; k--) {
      this.topFeature[k] = this.topFeature[k - 1]!;
      this.topWeight[k] = this.topWeight[k - 1]!;
      this.topMessage[k] = this.topMessage[k - 1]!;
    }
    this.topFeature[at] = feature;
    this.topWeight[at] = Math.round(weight * 1000) / 1000;
    this.topMessage[at] = this.messageIndex;
    if (n < topKept) this.topCount = n + 1;
    this.topView = undefined;
    this.keptAt = this.messageIndex;
  }

  /** Index of the last message that added a feature to the top (−1 before any): callers skip the others. */
  lastKept(): number {
    return this.keptAt;
  }

  /** The text logit so far. */
  logit(): number {
    return this.z;
  }

  /** Distinct features read: enough for the learned score to be trusted on its own. */
  enoughText(): boolean {
    return this.stream.distinct >= this.lm.model.shrinkFeatures;
  }

  /**
   * Whether the learned score may stand as evidence on its own: conversation-length text (enoughText) and at
   * least `minShown` features that raised it, which the assessment lists for the reviewer.
   */
  hasEvidence(minShown = 3): boolean {
    return this.enoughText() && this.topCount >= minShown;
  }

  /** The conversation's language as detected so far. */
  language(): GlossLanguage {
    return this.stream.language();
  }

  /** The features that raised the learned score most, as the model read them (glossed to English); read-only. */
  topFeatures(): readonly LearnedFeature[] {
    if (this.topView === undefined) {
      const view = new Array<LearnedFeature>(this.topCount);
      for (let k = 0; k < this.topCount; k++) view[k] = Object.freeze(this.topAt(k));
      this.topView = Object.freeze(view);
    }
    return this.topView;
  }

  /** Features in the top (topAt reads one, strongest first: 0 … topSize() − 1). */
  topSize(): number {
    return this.topCount;
  }

  /** One feature of the top as a new object. */
  topAt(k: number): LearnedFeature {
    return { feature: this.topFeature[k]!, weight: this.topWeight[k]!, messageIndex: this.topMessage[k]! };
  }

  /** The name, weight and message of one feature of the top, without an object. */
  topFeatureAt(k: number): string {
    return this.topFeature[k]!;
  }
  topWeightAt(k: number): number {
    return this.topWeight[k]!;
  }
  topMessageAt(k: number): number {
    return this.topMessage[k]!;
  }

  /** Messages in an epoch (the recent part scored on its own). */
  windowSlots(): number {
    return this.window;
  }

  /** Starts over, as a new scorer with the same model and window (reusing its memory). */
  reset(): void {
    this.stream.reset();
    this.sum = 0;
    this.epochSum = 0;
    this.messages = 0;
    this.z = textLogit(this.lm, 0, 0);
    // Readers only ever get copies (topView, topAt), so the top is emptied in place.
    for (let k = 0; k < this.topCount; k++) {
      this.topFeature[k] = '';
      this.topWeight[k] = 0;
      this.topMessage[k] = 0;
    }
    this.topCount = 0;
    this.topView = undefined;
    this.messageIndex = 0;
    this.prevWord = '';
    this.keptAt = -1;
  }
}
