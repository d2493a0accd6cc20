/** Validation of chat messages given to the detector (callers may pass parsed JSON). */
import { invalidInput } from '../lifeguard-error.ts';
import { authorTiers, type ChatMessage } from './types.ts';

// Not a closure inside checkMessage: it runs on every message, and a closure made per call costs more
// than the checks themselves.
const fail = (index: number, why: string) => invalidInput('invalid_message', `message ${index}: ${why}`);

/** Throws `invalid_message` unless `m` is a ChatMessage. */
export function checkMessage(m: unknown, index = 0): ChatMessage {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) throw fail(index, 'must be an object');
  const r = m as Record<string, unknown>;
  if (typeof r.text !== 'string') throw fail(index, 'text must be a string');
  if (r.author !== undefined && typeof r.author !== 'string') throw fail(index, 'author must be a string');
  if (r.ts !== undefined && typeof r.ts !== 'number' && typeof r.ts !== 'string') throw fail(index, 'ts must be a number or a string');
  if (r.authorTier !== undefined && !(authorTiers as readonly unknown[]).includes(r.authorTier)) {
    throw fail(index, `authorTier must be one of ${authorTiers.join(', ')}`);
  }
  return m as ChatMessage;
}
