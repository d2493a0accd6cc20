/**
 * Age decisions read from the event log: an account's `age.signal` / `age.appeal` events (committed, whether
 * processed yet or not) folded through the pure age reducer with the policy. The log is the truth, so the
 * answer is the same in every process and right after the 202.
 *
 * Ages the account stated about itself in chat or comments ("i'm 12") join in once a worker processed the
 * message: the workers record them (`derived_age_entries`, method `chat_disclosure`) with the message's
 * effects, and they are folded in the order of the events they came from. The reducer keeps them weak: they
 * can make an account younger or ask for a check, never prove adulthood.
 */
import { ageEntryFromEvent, chatDisclosureEntry, type AgeEntry } from '../core/age/age-entry.ts';
import type { AgePolicy } from '../core/age/age-policy.ts';
import { appendAgeEntry, newAgeRecord } from '../core/age/age-record.ts';
import type { AgeDecision } from '../core/age/decide-age.ts';
import { streamKeyOf } from '../queue/partition.ts';
import type { Database } from '../store/database.ts';
import { listDerivedAgeEntries } from '../store/derived-age-store.ts';
import { toStoredEvent } from '../store/event-store.ts';

/** Most age events folded per account (the newest are kept: a reviewer finding is usually last). */
const maxEntries = 5000;

/** The key every age event of `accountId` is logged under. */
const accountKey = (accountId: string) => streamKeyOf({ id: '-', type: 'age.signal', account: { id: accountId }, method: 'self_declared' }).key;

/** The age decision of an account, or undefined when it has no age events and no stated age. */
export async function readAgeDecision(database: Database, policy: AgePolicy, accountId: string): Promise<AgeDecision | undefined> {
  const [rows, derived] = await Promise.all([
    database.db
      .selectFrom('events')
      .selectAll()
      .where('scope', '=', '')
      .where('stream_key', '=', accountKey(accountId))
      .orderBy('seq', 'desc')
      .limit(maxEntries)
      .execute(),
    listDerivedAgeEntries(database, '', accountId, maxEntries),
  ]);
  const entries: { seq: number; entry: AgeEntry }[] = [];
  for (const row of rows) {
    const { seq, event, receivedAt } = toStoredEvent(row);
    if (event.type === 'age.signal' || event.type === 'age.appeal') entries.push({ seq, entry: ageEntryFromEvent(event, receivedAt) });
  }
  // Only the weak chat method is taken from derived rows, whatever else the table might hold.
  for (const d of derived) if (d.method === 'chat_disclosure' && d.age !== null) entries.push({ seq: d.eventSeq, entry: chatDisclosureEntry(d.id, d.at, d.age) });
  if (entries.length === 0) return undefined;
  entries.sort((a, b) => a.seq - b.seq);
  let record = newAgeRecord(accountId, policy);
  for (const { entry } of entries) record = appendAgeEntry(record, entry, policy);
  return record.decision;
}

/**
 * A read-through cache in front of `read`, so a burst of checks on one account costs one query per `ttlMs`;
 * `forget(id)` drops one entry (a change made in this process is seen at once).
 */
export function cached<T>(read: (id: string) => Promise<T>, ttlMs: number, now: () => number = Date.now, max = 50_000): ((id: string) => Promise<T>) & { forget(id: string): void } {
  const cache = new Map<string, { value: Promise<T>; until: number }>();
  const get = (id: string): Promise<T> => {
    const hit = cache.get(id);
    if (hit && hit.until > now()) return hit.value;
    if (cache.size >= max) cache.clear();
    const value = read(id);
    cache.set(id, { value, until: now() + ttlMs });
    value.catch(() => cache.delete(id));
    return value;
  };
  // A writer that knows it changed `id` (e.g. a verified age token) drops the cached value at once.
  return Object.assign(get, { forget: (id: string) => void cache.delete(id) });
}
