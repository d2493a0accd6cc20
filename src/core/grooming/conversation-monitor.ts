/** Streaming monitor of one conversation: feed messages one at a time, in bounded memory. */
import { checkMessage } from './check-message.ts';
import { ConversationState } from './conversation-state.ts';
import { checkCount, checkThreshold, DEFAULT_MAX_AUTHORS, DEFAULT_MAX_MESSAGES, DEFAULT_MAX_SIGNALS } from './options.ts';
import type { ShortChatModel } from './short-chat-model.ts';
import type { ChatMessage, ConversationAssessment, Signal } from './types.ts';

export interface ConversationMonitorOptions {
  threshold?: number;
  /** Messages in the sliding window of the learned score (default 50). */
  maxMessages?: number;
  /** Signals kept as evidence (default 64). */
  maxSignals?: number;
  /** Authors tracked (default 32). */
  maxAuthors?: number;
  languages?: readonly string[];
  /** A short-chat model other than the shipped one, e.g. the shipped one with a lower threshold for more recall. */
  shortChatModel?: ShortChatModel;
}

export interface ConversationMonitorUpdate {
  assessment: ConversationAssessment;
  /** True only for the message at which risk first reaches the threshold. */
  warning: boolean;
  /** True at a message after which the warning no longer holds (later messages withdrew its reading). */
  withdrawn: boolean;
  /** True at a message after which a withdrawn warning holds again. */
  restored: boolean;
  newSignals: Signal[];
}

export interface ConversationMonitor {
  push(message: ChatMessage): ConversationMonitorUpdate;
  current(): ConversationAssessment;
  /** What the monitor holds (for capacity planning and tests): bounded by its options. */
  stats(): { messages: number; trackedAuthors: number; keptSignals: number; windowSlots: number };
}

/** Creates a monitor that keeps running aggregates and a bounded window, never the whole conversation. */
export function createConversationMonitor(opts: ConversationMonitorOptions = {}): ConversationMonitor {
  const state = new ConversationState({
    threshold: checkThreshold(opts.threshold),
    maxMessages: checkCount('maxMessages', opts.maxMessages, DEFAULT_MAX_MESSAGES),
    maxSignals: checkCount('maxSignals', opts.maxSignals, DEFAULT_MAX_SIGNALS),
    maxAuthors: checkCount('maxAuthors', opts.maxAuthors, DEFAULT_MAX_AUTHORS),
    ...(opts.languages ? { languages: opts.languages } : {}),
    ...(opts.shortChatModel ? { shortChatModel: opts.shortChatModel } : {}),
  });
  return {
    push(message) {
      const before = state.standing();
      const { signals, crossed } = state.push(checkMessage(message, state.messageCount));
      const now = state.standing();
      return { assessment: state.assessment(), warning: crossed, withdrawn: before && !now, restored: !before && now && !crossed, newSignals: signals };
    },
    current: () => state.assessment(),
    stats: () => state.footprint(),
  };
}
