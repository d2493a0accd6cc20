/** Batch assessment of a whole conversation (or a flattened text segment). */
import { checkMessage } from './check-message.ts';
import { ConversationState } from './conversation-state.ts';
import { invalidInput } from '../lifeguard-error.ts';
import { checkThreshold, DEFAULT_MAX_AUTHORS, DEFAULT_MAX_MESSAGES } from './options.ts';
import type { ShortChatModel } from './short-chat-model.ts';
import type { ChatMessage, ConversationAssessment } from './types.ts';

export interface AssessOptions {
  threshold?: number;
  languages?: readonly string[];
  /** A short-chat model other than the shipped one (a platform's own fit, or a fold of cross-validation). */
  shortChatModel?: ShortChatModel;
}

/**
 * Scores a conversation message by message, exactly as a streaming monitor would, and returns every
 * signal found. A string is scored as one flattened segment (message 0). The result is a candidate for
 * human review, never a verdict.
 */
export function assessConversation(input: ChatMessage[] | string, opts: AssessOptions = {}): ConversationAssessment {
  const threshold = checkThreshold(opts.threshold);
  const messages: ChatMessage[] = typeof input === 'string' ? [{ text: input }] : input;
  if (!Array.isArray(messages)) throw invalidInput('invalid_conversation', 'input must be a string or an array of messages');
  const state = new ConversationState({
    threshold,
    maxMessages: DEFAULT_MAX_MESSAGES,
    maxAuthors: DEFAULT_MAX_AUTHORS,
    maxSignals: Infinity,
    ...(opts.languages ? { languages: opts.languages } : {}),
    ...(opts.shortChatModel ? { shortChatModel: opts.shortChatModel } : {}),
  });
  messages.forEach((m, i) => state.push(checkMessage(m, i)));
  return state.assessment();
}
