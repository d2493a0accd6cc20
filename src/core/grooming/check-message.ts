/** Validation of chat messages given to the detector (callers may pass parsed JSON). */
import { invalidInput } from '../lifeguard-error.ts';
import { authorTiers, type ChatMessage } from './types.ts';

/** Throws `invalid_message` unless `m` is a ChatMessage. */
export function checkMessage(m: unknown, index = 0): ChatMessage {
  const fail = (why: string) => invalidInput('invalid_message', `message ${index}: ${why}`);
  if (typeof m !== 'object' || m === null || Array.isArray(m)) throw fail('must be an object');
  const r = m as Record<string, unknown>;
  if (typeof r.text !== 'string') throw fail('text must be a string');
  if (r.author !== undefined && typeof r.author !== 'string') throw fail('author must be a string');
  if (r.ts !== undefined && typeof r.ts !== 'number' && typeof r.ts !== 'string') throw fail('ts must be a number or a string');
  if (r.authorTier !== undefined && !(authorTiers as readonly unknown[]).includes(r.authorTier)) {
    throw fail(`authorTier must be one of ${authorTiers.join(', ')}`);
  }
  return m as ChatMessage;
}
