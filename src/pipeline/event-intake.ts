/**
 * Event intake: validates a batch of platform events and writes it to the event log and the work queue in
 * ONE committed transaction before returning, so an API that answers 202 after `appendEvents` resolves never
 * acknowledges an event it could lose (SQLite runs synchronous=FULL; PostgreSQL commits are durable).
 *
 * Idempotency: (scope, client event id) is UNIQUE. Sending an id again with the same content returns it under
 * `duplicates` with its original seq. Sending an id again with DIFFERENT content is not stored: it is
 * returned under `conflicts` (code `event_id_conflict`, the HTTP layer may answer 409 or list it in the 202
 * body); the first version stays authoritative. Within one batch the first occurrence of an id wins the same way.
 *
 * Frames: image bytes are never written to the log (only hashes are kept). A `stream.frame` must carry `pdq`,
 * or the caller passes `hashFrame` to compute it; otherwise the batch is rejected (`frame_not_hashed`, or
 * `frame_unhashable` when the hasher finds no hash). The HTTP layer hashes frames itself first and, for a frame
 * matching known content, seals its bytes in the content store and sets the event's `contentId`
 * (src/server/routes/events-post-frames.ts).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { platformEventSchema, type PlatformEvent } from '../core/events.ts';
import { invalidInput, isLifeguardError, LifeguardError, tooLarge } from '../core/lifeguard-error.ts';
import { noticesOf, type EventBus } from '../queue/event-bus.ts';
import { appendToLog } from '../queue/event-queue.ts';
import { partitionOf, streamKeyOf } from '../queue/partition.ts';
import type { Database } from '../store/database.ts';
import { findEventDigests, type NewEventRow } from '../store/event-store.ts';
import { canonicalJson } from './canonical-json.ts';

/** Most events in one call. */
export const maxEventsPerAppend = 10_000;

export interface AppendResult {
  /** Newly stored events, in input order. */
  accepted: { id: string; seq: number }[];
  /** Replays of stored events with the same content (idempotent: nothing new stored). */
  duplicates: { id: string; seq: number }[];
  /** Ids already stored with different content: rejected; `seq` is the stored event's. */
  conflicts: { id: string; seq: number; code: 'event_id_conflict' }[];
}

export interface AppendOptions {
  /** Notified after commit so workers start at once (local bus) or in other processes (NATS). */
  bus?: EventBus;
  /** Computes a PDQ hash for frames sent as image bytes (the HTTP layer passes its media hasher). */
  hashFrame?: (imageBase64: string) => Promise<{ pdq: string | null; quality?: number | null }>;
  /** Clock for `received_at` (epoch ms). */
  now?: () => number;
  /**
   * The events are already the output of `platformEventSchema` (or its member schemas), e.g. parsed by the
   * HTTP layer: skip validating them again (saves ~10 µs per event). Never set it for raw input.
   */
  validated?: boolean;
}

/**
 * Validates and durably appends events for `tenantOrKeyId` (null → the default scope ''); resolves only after
 * the transaction committed. Throws `invalid_event` (with the index and issues), `frame_not_hashed` or
 * `too_many_events`; a batch with any invalid event stores nothing.
 */
export async function appendEvents(database: Database, tenantOrKeyId: string | null, events: PlatformEvent[], options: AppendOptions = {}): Promise<AppendResult> {
  const scope = tenantOrKeyId ?? '';
  if (!Array.isArray(events)) throw invalidInput('invalid_event', 'events must be an array');
  if (events.length > maxEventsPerAppend) throw tooLarge('too_many_events', `at most ${maxEventsPerAppend} events per batch`, { count: events.length });
  if (events.length === 0) return { accepted: [], duplicates: [], conflicts: [] };

  const now = (options.now ?? Date.now)();
  const rows: NewEventRow[] = [];
  for (let i = 0; i < events.length; i++) {
    let valid = events[i]!;
    if (!options.validated) {
      const parsed = schemaOf(events[i]).safeParse(events[i]);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((x) => ({ path: x.path.join('.'), message: x.message }));
        throw invalidInput('invalid_event', `event ${i} is invalid: ${issues.map((x) => `${x.path || '(root)'}: ${x.message}`).join('; ')}`, { index: i, issues });
      }
      valid = parsed.data as PlatformEvent;
    }
    const event = await withoutImageBytes(valid, i, options.hashFrame);
    const key = streamKeyOf(event);
    const body = canonicalJson(event);
    rows.push({
      scope,
      id: event.id,
      type: event.type,
      stream_key: key.key,
      partition: partitionOf(scope, key.key),
      body,
      digest: createHash('sha256').update(body).digest('hex'),
      received_at: now,
    });
  }

  // First occurrence of an id in the batch is the candidate; later ones are judged against it.
  const firstById = new Map<string, NewEventRow>();
  for (const r of rows) if (!firstById.has(r.id)) firstById.set(r.id, r);
  const candidates = [...firstById.values()];

  const inserted = await appendToLog(database, candidates, now);
  const missing = candidates.filter((r) => !inserted.has(r.id)).map((r) => r.id);
  // Read after the insert: ON CONFLICT waited for any concurrent writer of these ids, so they are committed.
  const existing = missing.length > 0 ? await findEventDigests(database.db, scope, missing) : new Map<string, { seq: number; digest: string }>();

  const result: AppendResult = { accepted: [], duplicates: [], conflicts: [] };
  const queued: { seq: number; partition: number }[] = [];
  for (const r of rows) {
    const first = firstById.get(r.id)!;
    const newSeq = inserted.get(r.id);
    if (newSeq !== undefined && first === r) {
      result.accepted.push({ id: r.id, seq: newSeq });
      queued.push({ seq: newSeq, partition: r.partition });
      continue;
    }
    const stored = newSeq !== undefined ? { seq: newSeq, digest: first.digest } : existing.get(r.id);
    if (stored === undefined) continue; // cannot happen: the id was either inserted or found
    if (stored.digest === r.digest) result.duplicates.push({ id: r.id, seq: stored.seq });
    else result.conflicts.push({ id: r.id, seq: stored.seq, code: 'event_id_conflict' });
  }
  if (queued.length > 0) options.bus?.publish(noticesOf(queued));
  return result;
}

// Validating against the one member schema of the event's type is cheaper than trying the whole union.
const schemaByType = new Map<string, z.ZodType>(
  platformEventSchema.options.map((o) => [(o as unknown as { shape: { type: { value: string } } }).shape.type.value, o as z.ZodType]),
);

function schemaOf(value: unknown): z.ZodType {
  const type = value !== null && typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
  return (typeof type === 'string' ? schemaByType.get(type) : undefined) ?? platformEventSchema;
}

async function withoutImageBytes(event: PlatformEvent, index: number, hashFrame: AppendOptions['hashFrame']): Promise<PlatformEvent> {
  if (event.type !== 'stream.frame' || event.imageBase64 === undefined) return event;
  const { imageBase64, ...rest } = event;
  if (rest.pdq !== undefined) return rest;
  if (!hashFrame) throw invalidInput('frame_not_hashed', `event ${index} (${event.id}): frames must carry a pdq hash here (image bytes are not stored)`, { index, id: event.id });
  let h: Awaited<ReturnType<NonNullable<AppendOptions['hashFrame']>>>;
  try {
    h = await hashFrame(imageBase64);
  } catch (e) {
    // Name the frame, as schema errors do (the service hashes frames before intake; this covers other callers).
    if (!isLifeguardError(e) || e.status >= 500) throw e;
    throw new LifeguardError(e.code, e.status, `event ${index} (${event.id}) of type stream.frame: imageBase64: ${e.message}`, { ...e.detail, index, id: event.id });
  }
  if (h.pdq === null) throw invalidInput('frame_unhashable', `event ${index} (${event.id}): no PDQ hash could be computed for this frame`, { index, id: event.id });
  return { ...rest, pdq: h.pdq, ...(h.quality !== undefined && h.quality !== null ? { quality: h.quality } : {}) };
}
