/**
 * Writes a reviewer's age signal to the event log and the work queue inside the case transaction, so the
 * case event, its audit entry and the age history change commit together or not at all. The workers pick
 * the event up like any other (the guardian folds it into its age records); the age read model sees it at
 * once, since it reads the committed log.
 */
import { createHash } from 'node:crypto';
import { conflict } from '../core/lifeguard-error.ts';
import type { PlatformEventOf } from '../core/events.ts';
import { canonicalJson } from '../pipeline/canonical-json.ts';
import { enqueueEvents } from '../queue/event-queue.ts';
import { partitionOf, streamKeyOf } from '../queue/partition.ts';
import type { Trx } from '../queue/write-transaction.ts';
import { findEventDigests, insertNewEvents } from '../store/event-store.ts';

/** Appends `event` in `trx` under `scope`; the same id with the same content again is a no-op, with other content a 409. */
export async function appendAgeSignalIn(trx: Trx, scope: string, event: PlatformEventOf<'age.signal'>, now: number): Promise<void> {
  const key = streamKeyOf(event);
  const body = canonicalJson(event);
  const digest = createHash('sha256').update(body).digest('hex');
  const partition = partitionOf(scope, key.key);
  const inserted = await insertNewEvents(trx, [{ scope, id: event.id, type: event.type, stream_key: key.key, partition, body, digest, received_at: now }]);
  if (inserted.length === 1) {
    await enqueueEvents(trx, [{ seq: inserted[0]!.seq, partition }], now);
    return;
  }
  const stored = (await findEventDigests(trx, scope, [event.id])).get(event.id);
  if (stored && stored.digest !== digest) throw conflict('event_id_conflict', `age signal ${event.id} is already stored with other content`);
}
