/**
 * How events are grouped and ordered: every event belongs to one stream key (a conversation, a live stream,
 * an account or a report subject); events of one key are processed in order, by one worker at a time,
 * because a key always maps to the same one of `partitionCount` partitions.
 */
import type { PlatformEvent } from '../core/events.ts';

/** Number of partitions; fixed by migration 0002 (one `event_partitions` row each). */
export const partitionCount = 32;

export const subjectTypes = ['conversation', 'stream', 'account', 'subject'] as const;
export type SubjectType = (typeof subjectTypes)[number];

/** The ordering key of an event and the subject whose state it updates. */
export interface StreamKey {
  key: string;
  subjectType: SubjectType;
  subjectId: string;
}

/** The stream key of an event: reports about a live stream or conversation join that stream's order. */
export function streamKeyOf(event: PlatformEvent): StreamKey {
  switch (event.type) {
    case 'chat.message':
      return conversationKey(event.conversationId);
    case 'report.filed':
      if (event.streamId !== undefined) return streamKey(event.streamId);
      if (event.subject.type === 'stream') return streamKey(event.subject.id);
      if (event.subject.type === 'conversation') return conversationKey(event.subject.id);
      return { key: `r:${event.subject.type}:${event.subject.id}`, subjectType: 'subject', subjectId: `${event.subject.type}:${event.subject.id}` };
    case 'age.signal':
    case 'age.appeal':
    case 'account.profile':
      return { key: `a:${event.account.id}`, subjectType: 'account', subjectId: event.account.id };
    case 'stream.started':
    case 'stream.ended':
    case 'stream.viewer_joined':
    case 'stream.viewer_left':
    case 'stream.comment':
    case 'stream.gift':
    case 'stream.frame':
      return streamKey(event.streamId);
    default: {
      // An event type added later without a key of its own: ordered per type until it gets one.
      const other: { type: string } = event;
      return { key: `t:${other.type}`, subjectType: 'subject', subjectId: other.type };
    }
  }
}

/** Stream key of a conversation id. */
export const conversationKey = (id: string): StreamKey => ({ key: `c:${id}`, subjectType: 'conversation', subjectId: id });
/** Stream key of a live-stream id. */
export const streamKey = (id: string): StreamKey => ({ key: `s:${id}`, subjectType: 'stream', subjectId: id });

/** The partition of a key within a scope (FNV-1a, stable across processes and versions). */
export function partitionOf(scope: string, key: string): number {
  let h = 0x811c9dc5;
  const s = `${scope}\u0000${key}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % partitionCount;
}
