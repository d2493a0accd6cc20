/**
 * Early-warning figures on conversations with message boundaries (our own synthetic set,
 * test/fixtures/grooming-synthetic.jsonl): messages seen before the streaming warning fires, and false
 * warnings on look-alike negatives.
 */
import { readFileSync } from 'node:fs';
import { createConversationMonitor } from '../src/core/grooming/index.ts';
import type { ChatMessage } from '../src/core/grooming/types.ts';

export const syntheticPath = new URL('../test/fixtures/grooming-synthetic.jsonl', import.meta.url).pathname;

export interface SyntheticConversation {
  id: string;
  label: 0 | 1;
  kind: string;
  messages: ChatMessage[];
}

export function loadSynthetic(path = syntheticPath): SyntheticConversation[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SyntheticConversation);
}

export interface EarlyWarning {
  positives: number;
  warned: number;
  /** Median number of messages seen when the warning fired (warningAt + 1), over warned positives. */
  medianMessagesToWarning: number | null;
  /** Median share of the conversation seen at the warning. */
  medianShareSeen: number | null;
  negatives: number;
  falseWarnings: number;
  missed: string[];
  falseWarningIds: string[];
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Streams every synthetic conversation through a monitor and summarises when warnings fire. */
export function earlyWarning(conversations = loadSynthetic()): EarlyWarning {
  const toWarning: number[] = [];
  const share: number[] = [];
  const missed: string[] = [];
  const falseWarningIds: string[] = [];
  for (const c of conversations) {
    const monitor = createConversationMonitor();
    let at: number | null = null;
    c.messages.forEach((m, i) => {
      if (monitor.push(m).warning && at === null) at = i;
    });
    if (c.label === 1) {
      if (at === null) missed.push(c.id);
      else {
        toWarning.push(at + 1);
        share.push((at + 1) / c.messages.length);
      }
    } else if (at !== null) falseWarningIds.push(c.id);
  }
  const positives = conversations.filter((c) => c.label === 1).length;
  return {
    positives,
    warned: toWarning.length,
    medianMessagesToWarning: median(toWarning),
    medianShareSeen: median(share),
    negatives: conversations.length - positives,
    falseWarnings: falseWarningIds.length,
    missed,
    falseWarningIds,
  };
}
