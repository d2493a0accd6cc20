/**
 * Test-only processors and event makers for the pipeline tests (never used by src/). The texts are short,
 * neutral synthetic strings; "FLAG" marks a message the test processor turns into an effect.
 */
import type { Effect } from '../src/core/effects.ts';
import type { PlatformEvent } from '../src/core/events.ts';
import type { EventProcessor } from '../src/pipeline/event-processor.ts';

export interface CounterState {
  count: number;
  flagged: number;
  lastSeq: number;
  /** Seqs seen out of order (must stay 0). */
  outOfOrder: number;
}

/**
 * Counts events per key; a chat message or comment containing "FLAG" yields hold_message with a dedupeKey
 * made from the text, so two events with the same text share one effect. `snapshots` toggles snapshot support.
 */
export function counterProcessor(opts: { snapshots: boolean; name?: string }): EventProcessor<CounterState> {
  const p: EventProcessor<CounterState> = {
    name: opts.name ?? 'counter',
    accepts: (e) => e.type === 'chat.message' || e.type === 'stream.comment' || e.type === 'stream.started',
    init: () => ({ count: 0, flagged: 0, lastSeq: 0, outOfOrder: 0 }),
    handle(state, event, ctx): Effect[] {
      if (ctx.seq < state.lastSeq) state.outOfOrder++;
      state.lastSeq = ctx.seq;
      state.count++;
      if ((event.type === 'chat.message' || event.type === 'stream.comment') && event.text.includes('FLAG')) {
        state.flagged++;
        return [
          {
            kind: 'hold_message',
            target: { type: 'message', id: event.id },
            severity: 'medium',
            reasons: [`test flag #${state.flagged} after ${state.count} events`],
            evidence: [{ kind: 'event', id: event.id, summary: 'test' }],
            dedupeKey: `hold:${event.text}`,
          },
        ];
      }
      return [];
    },
    summarize: (s) => ({ risk: s.count === 0 ? 0 : s.flagged / s.count, flagged: s.flagged > 0, stage: s.flagged > 0 ? 'flagged' : 'none', signals: [{ category: 'test', count: s.flagged }], detail: { count: s.count, outOfOrder: s.outOfOrder } }),
  };
  if (opts.snapshots) {
    p.snapshot = (s) => ({ ...s });
    p.restore = (d) => ({ ...(d as CounterState) });
  }
  return p;
}

/** A chat message event. */
export const chat = (id: string, conversationId: string, text: string, ts?: number): PlatformEvent => ({
  id,
  type: 'chat.message',
  conversationId,
  author: { id: 'u1', tier: 'adult' },
  text,
  ...(ts !== undefined ? { ts } : {}),
});

/** A report about a stream. */
export const report = (id: string, streamId: string, reason = 'other'): PlatformEvent => ({
  id,
  type: 'report.filed',
  streamId,
  subject: { type: 'stream', id: streamId },
  reason,
});

/** A stream comment. */
export const comment = (id: string, streamId: string, text: string): PlatformEvent => ({
  id,
  type: 'stream.comment',
  streamId,
  author: { id: 'viewer-1' },
  text,
});
