/** Defaults and validation of the detector's options. */
import { invalidInput } from '../lifeguard-error.ts';

/**
 * Risk at or above which a conversation becomes a candidate for human review. The training script shifts the
 * model's final bias so that the cut-off with the best cross-validated F0.5 (precision weighted over recall,
 * since every flag costs a reviewer's time) falls exactly here.
 */
export const DEFAULT_THRESHOLD = 0.5;
/** Messages in the sliding window of the streaming learned score. */
export const DEFAULT_MAX_MESSAGES = 50;
/** Signals a streaming monitor keeps as evidence per conversation. */
export const DEFAULT_MAX_SIGNALS = 64;
/** Authors tracked per conversation (group chats) before the least recently active is forgotten. */
export const DEFAULT_MAX_AUTHORS = 32;

/** Returns a valid threshold or throws `invalid_threshold`. */
export function checkThreshold(t: number | undefined): number {
  if (t === undefined) return DEFAULT_THRESHOLD;
  if (typeof t !== 'number' || !(t >= 0 && t <= 1)) throw invalidInput('invalid_threshold', 'threshold must be a number in [0, 1]');
  return t;
}

/** Returns a valid positive integer option or throws `invalid_option`. */
export function checkCount(name: string, v: number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 1 || v > 1_000_000) throw invalidInput('invalid_option', `${name} must be an integer from 1 to 1000000`);
  return v;
}
