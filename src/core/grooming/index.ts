/**
 * Grooming and coercion detection for direct messages and live-stream comments (issue 3).
 *
 *   detectSignals(text)            explainable signals in one message (category, span as written, weight)
 *   assessConversation(messages)   conversation risk, flag, stage, warningAt, per-author risk, evidence
 *   createConversationMonitor()    the same, streaming, in bounded memory, with a one-time warning
 *   createCommentStreamMonitor()   per-viewer and per-stream risk for a live stream's comments
 *
 * Results are candidates for human review, never accusations.
 */
import { checkMessage } from './check-message.ts';
import { detectInNormalised, type DetectOptions } from './detect-signals.ts';
import { defaultMatcher } from './detector.ts';
import type { Signal } from './types.ts';

export * from './types.ts';
export { assessConversation, type AssessOptions } from './assess-conversation.ts';
export {
  createConversationMonitor,
  type ConversationMonitor,
  type ConversationMonitorOptions,
  type ConversationMonitorUpdate,
} from './conversation-monitor.ts';
export {
  createCommentStreamMonitor,
  type CommentStreamMonitor,
  type CommentStreamMonitorOptions,
  type CommentStreamUpdate,
  type ViewerSummary,
} from './comment-stream-monitor.ts';
export { DEFAULT_THRESHOLD } from './options.ts';
export { defaultShortChatModel } from './detector.ts';
export type { ShortChatModel } from './short-chat-model.ts';
export type { DetectOptions } from './detect-signals.ts';

/** Signals in one message; `messageIndex` and `author` are copied onto each signal. */
export function detectSignals(text: string, opts: DetectOptions = {}): Signal[] {
  checkMessage({ text }, opts.messageIndex ?? 0);
  const m = defaultMatcher();
  return detectInNormalised(m, text, m.normaliser.normalise(text), opts);
}

/** Languages that have a signal lexicon. */
export function groomingLanguages(): string[] {
  return [...defaultMatcher().languages];
}
