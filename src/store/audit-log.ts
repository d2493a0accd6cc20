/**
 * The audit log in the database: append-only and hash-chained (src/core/audit). Appends take the `audit`
 * counter row under a lock (PostgreSQL: row lock held to commit; SQLite: the write transaction itself), so
 * appends from several processes never fork the chain. Nothing here updates or deletes an entry.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { createChainVerifier, chainHash, genesisHash, isAuditAction, type AuditAction, type AuditEntry, type ChainVerification, type NewAuditEntry } from '../core/audit/index.ts';
import { invalidInput } from '../core/lifeguard-error.ts';
import { withWriteTransaction, type Trx } from '../queue/write-transaction.ts';
import type { Database } from './database.ts';

/** SHA-256 hex of a UTF-8 string. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface AuditQuery {
  /** Entries with seq greater than this (the previous page's cursor). */
  after?: number;
  limit: number;
  actor?: string;
  action?: AuditAction;
  subject?: { type: string; id: string };
  /** Newest first instead of oldest first (then `after` is ignored and `before` pages). */
  newestFirst?: boolean;
  before?: number;
}

/** The audit log service: every part of Lifeguard that audits goes through it. */
export interface AuditLog {
  /** Appends one entry in its own transaction; resolves with the chained entry once committed. */
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Appends inside the caller's write transaction (so an action and its audit entry commit together). */
  appendIn(trx: Trx, entry: NewAuditEntry): Promise<AuditEntry>;
  /** A page of entries; poll on with `after: cursor`. */
  list(q: AuditQuery): Promise<{ entries: AuditEntry[]; cursor: number }>;
  /** Re-walks the whole chain (in pages) and reports the first broken link. */
  verify(): Promise<ChainVerification>;
}

/** The audit log on `database`; `now` is injectable for tests. */
export function createAuditLog(database: Database, now: () => number = Date.now): AuditLog {
  const appendIn = (trx: Trx, entry: NewAuditEntry) => appendAudit(trx, database.kind, entry, now);
  return {
    append: (entry) => withWriteTransaction(database, (trx) => appendIn(trx, entry)),
    appendIn,
    async list(q) {
      const limit = Math.max(1, Math.min(1000, Math.floor(q.limit)));
      let s = database.db.selectFrom('audit_log').selectAll().limit(limit);
      if (q.newestFirst) {
        s = s.orderBy('seq', 'desc');
        if (q.before !== undefined) s = s.where('seq', '<', q.before);
      } else {
        s = s.orderBy('seq').where('seq', '>', q.after ?? 0);
      }
      if (q.actor !== undefined) s = s.where('actor', '=', q.actor);
      if (q.action !== undefined) s = s.where('action', '=', q.action);
      if (q.subject !== undefined) s = s.where('subject_type', '=', q.subject.type).where('subject_id', '=', q.subject.id);
      const entries = (await s.execute()).map(toEntry);
      const last = entries[entries.length - 1];
      return { entries, cursor: last ? last.seq : (q.after ?? 0) };
    },
    verify: () => verifyAuditLog(database),
  };
}

/** Appends within `trx`: takes the counter (the lock), reads the previous hash, writes the chained entry. */
export async function appendAudit(trx: Trx, kind: Database['kind'], entry: NewAuditEntry, now: () => number): Promise<AuditEntry> {
  if (!isAuditAction(entry.action)) throw invalidInput('invalid_audit_action', `unknown audit action '${String(entry.action)}'`);
  if (typeof entry.actor !== 'string' || entry.actor.length === 0 || entry.actor.length > 300) throw invalidInput('invalid_actor', 'an audit entry needs an actor (1 to 300 characters)');
  const counter = await trx.updateTable('counters').set({ value: sql<number>`value + 1` }).where('name', '=', 'audit').returning('value').executeTakeFirstOrThrow();
  const seq = Number(counter.value);
  void kind;
  const prev = seq === 1 ? undefined : await trx.selectFrom('audit_log').select('hash').where('seq', '=', seq - 1).executeTakeFirst();
  // A missing predecessor means the log was tampered with; the new entry still chains to what should be there
  // (nothing), so verify keeps reporting the break rather than the append hiding it.
  const base = {
    seq,
    at: entry.at ?? now(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ? { type: entry.subject.type, id: entry.subject.id } : null,
    detail: entry.detail ?? {},
    prevHash: prev?.hash ?? genesisHash,
  };
  const full: AuditEntry = { ...base, hash: chainHash(base, sha256Hex) };
  await trx
    .insertInto('audit_log')
    .values({
      seq,
      at: full.at,
      actor: full.actor,
      action: full.action,
      subject_type: full.subject?.type ?? null,
      subject_id: full.subject?.id ?? null,
      detail: JSON.stringify(full.detail),
      prev_hash: full.prevHash,
      hash: full.hash,
    })
    .execute();
  return full;
}

/** Walks the log in seq order, 1000 entries a page. */
export async function verifyAuditLog(database: Database): Promise<ChainVerification> {
  const head = await database.db.selectFrom('counters').select('value').where('name', '=', 'audit').executeTakeFirst();
  const v = createChainVerifier(sha256Hex);
  let after = 0;
  for (;;) {
    const rows = await database.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(1000).execute();
    if (rows.length === 0) break;
    let ok = true;
    for (const r of rows) {
      if (!v.add(toEntry(r))) {
        ok = false;
        break;
      }
    }
    if (!ok) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  return v.finish(Number(head?.value ?? 0));
}

type Row = { seq: number | string; at: number | string; actor: string; action: string; subject_type: string | null; subject_id: string | null; detail: string; prev_hash: string; hash: string };

function toEntry(r: Row): AuditEntry {
  let detail: Record<string, unknown>;
  try {
    detail = JSON.parse(r.detail) as Record<string, unknown>;
  } catch {
    // An edited row with broken JSON still verifies as a broken link, not a crash.
    detail = { unparseable: r.detail };
  }
  return {
    seq: Number(r.seq),
    at: Number(r.at),
    actor: r.actor,
    action: r.action as AuditAction,
    subject: r.subject_type === null || r.subject_id === null ? null : { type: r.subject_type, id: r.subject_id },
    detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
