/**
 * Age decisions read from the event log: an account's `age.signal` / `age.appeal` events (committed, whether
 * processed yet or not) folded through the pure age reducer with the policy. The log is the truth, so the
 * answer is the same in every process and right after the 202.
 */
import { ageEntryFromEvent } from '../core/age/age-entry.ts';
import type { AgePolicy } from '../core/age/age-policy.ts';
import { appendAgeEntry, newAgeRecord } from '../core/age/age-record.ts';
import type { AgeDecision } from '../core/age/decide-age.ts';
import { streamKeyOf } from '../queue/partition.ts';
import type { Database } from '../store/database.ts';
import { toStoredEvent } from '../store/event-store.ts';

/** Most age events folded per account (the newest are kept: a reviewer finding is usually last). */
const maxEntries = 5000;

/** The key every age event of `accountId` is logged under. */
const accountKey = (accountId: string) => streamKeyOf({ id: '-', type: 'age.signal', account: { id: accountId }, method: 'self_declared' }).key;

/** The age decision of an account, or undefined when it has no age events. */
export async function readAgeDecision(database: Database, policy: AgePolicy, accountId: string): Promise<AgeDecision | undefined> {
  const rows = await database.db
    .selectFrom('events')
    .selectAll()
    .where('scope', '=', '')
    .where('stream_key', '=', accountKey(accountId))
    .orderBy('seq', 'desc')
    .limit(maxEntries)
    .execute();
  if (rows.length === 0) return undefined;
  let record = newAgeRecord(accountId, policy);
  for (const row of rows.reverse()) {
    const { event, receivedAt } = toStoredEvent(row);
    if (event.type === 'age.signal' || event.type === 'age.appeal') record = appendAgeEntry(record, ageEntryFromEvent(event, receivedAt), policy);
  }
  return record.decision;
}

/** A read-through cache in front of `read`, so a burst of checks on one account costs one query per `ttlMs`. */
export function cached<T>(read: (id: string) => Promise<T>, ttlMs: number, now: () => number = Date.now, max = 50_000): (id: string) => Promise<T> {
  const cache = new Map<string, { value: Promise<T>; until: number }>();
  return (id) => {
    const hit = cache.get(id);
    if (hit && hit.until > now()) return hit.value;
    if (cache.size >= max) cache.clear();
    const value = read(id);
    cache.set(id, { value, until: now() + ttlMs });
    value.catch(() => cache.delete(id));
    return value;
  };
}
