/**
 * Outside URL and keyword lists on chat messages, stream comments, stream titles and account profiles (display
 * name, bio, links): a message carrying a listed URL
 * (however it was disguised) or a listed term is held, and a case is opened with the list entry as evidence.
 * A hit is a candidate for human review; the hold protects the recipient until a person has looked.
 */
import type { Effect, EffectTargetType, EvidenceRef } from '../core/effects.ts';
import type { TextListHit } from '../core/text-lists/text-list-matcher.ts';
import type { EventProcessor } from './event-processor.ts';

/** Finds listed URLs and terms in a text (synchronous: an in-memory index). */
export type TextListLookup = (text: string) => readonly TextListHit[];

const describe = (h: TextListHit): string =>
  h.signalType === 'url'
    ? `URL list entry ${h.entryId} (${h.value}) matched ${JSON.stringify(h.found.slice(0, 200))}${h.obfuscated ? ', written in a disguised form' : ''}`
    : `keyword list entry ${h.entryId} (“${h.value}”) matched “${h.found.slice(0, 200)}”`;

/**
 * chat.message / stream.comment → hold_message + open_case per message with a list hit; stream titles and
 * account profiles → open_case (nothing to hold: a person looks at the stream or the profile).
 */
export function createListProcessor(lookup: TextListLookup): EventProcessor<null> {
  return {
    name: 'lists',
    accepts: (event) =>
      event.type === 'chat.message' || event.type === 'stream.comment' || (event.type === 'stream.started' && event.title !== undefined) || event.type === 'account.profile',
    init: () => null,
    handle(_state, event, ctx): Effect[] {
      if (ctx.replay) return [];
      if (event.type === 'stream.started') {
        // A stream titled with a listed URL or term: nothing to hold, but a person should look at the stream.
        const hits = event.title ? lookup(event.title) : [];
        if (hits.length === 0) return [];
        const target = { type: 'stream' as const, id: event.streamId };
        const evidence: EvidenceRef[] = hits.slice(0, 10).map((h) => ({ kind: 'bank_match', id: String(h.entryId), summary: describe(h) }));
        const reasons = [`stream title by ${event.streamer.id} contains an entry of an outside list`];
        return [{ kind: 'open_case', target, severity: 'high', reasons, evidence, dedupeKey: `lists:open_case:stream:${event.streamId}` }];
      }
      if (event.type === 'account.profile') {
        // Each part on its own, so a URL never runs into the next field's words.
        const parts = [event.displayName, event.bio, ...(event.links ?? [])].filter((p): p is string => p !== undefined && p !== '');
        const hits = parts.flatMap((p) => lookup(p));
        const seen = new Set<number>();
        const unique = hits.filter((h) => !seen.has(h.entryId) && (seen.add(h.entryId), true));
        if (unique.length === 0) return [];
        const target = { type: 'account' as const, id: event.account.id };
        const evidence: EvidenceRef[] = unique.slice(0, 10).map((h) => ({ kind: 'bank_match', id: String(h.entryId), summary: describe(h) }));
        const reasons = [`profile of ${event.account.id} contains an entry of an outside list`];
        return [{ kind: 'open_case', target, severity: 'high', reasons, evidence, dedupeKey: `lists:open_case:profile:${event.account.id}:${event.id}` }];
      }
      if (event.type !== 'chat.message' && event.type !== 'stream.comment') return [];
      const hits = lookup(event.text);
      if (hits.length === 0) return [];
      let target: { type: EffectTargetType; id: string };
      let scope: { type: EffectTargetType; id: string };
      if (event.type === 'chat.message') {
        target = { type: 'message', id: event.messageId ?? event.id };
        scope = { type: 'conversation', id: event.conversationId };
      } else {
        target = { type: 'comment', id: event.commentId ?? event.id };
        scope = { type: 'stream', id: event.streamId };
      }
      const evidence: EvidenceRef[] = hits.slice(0, 10).map((h) => ({ kind: 'bank_match', id: String(h.entryId), summary: describe(h) }));
      const kinds = [...new Set(hits.map((h) => (h.signalType === 'url' ? 'a listed URL' : 'a listed keyword')))].join(' and ');
      const reasons = [`${event.type === 'chat.message' ? 'message' : 'comment'} by ${event.author.id} contains ${kinds} from an outside list; held for review`];
      const key = `${target.type}:${target.id}`;
      return [
        { kind: 'hold_message', target, scope, severity: 'high', reasons, evidence, dedupeKey: `lists:hold_message:${key}` },
        { kind: 'open_case', target, scope, severity: 'high', reasons, evidence, dedupeKey: `lists:open_case:${key}` },
      ];
    },
    snapshot: () => null,
    restore: () => null,
  };
}
