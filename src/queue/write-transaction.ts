/**
 * A write transaction on either dialect. SQLite takes the write lock up front (BEGIN IMMEDIATE) so a
 * transaction that reads before it writes cannot fail with SQLITE_BUSY_SNAPSHOT when several processes share
 * the file; PostgreSQL runs READ COMMITTED and retries the rare deadlock. The callback may run more than once.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database.ts';
import type { Schema } from '../store/schema.ts';

export type Trx = Kysely<Schema>;

const retryable = new Set(['40P01', '40001', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);

/**
 * How durable the commit must be. `durable` (the default): on disk before it returns, surviving a power cut —
 * for what is acknowledged to a caller (accepted events). `derived`: for state that the log can rebuild
 * (worker results, effects, queue marks): on SQLite it survives a process crash but a power cut may roll back
 * the last such commits, which are then simply redone from the durable log. PostgreSQL always commits durably.
 */
export type Durability = 'durable' | 'derived';

/** Runs `fn` in one committed write transaction, retrying transient lock conflicts a few times. */
export async function withWriteTransaction<T>(database: Database, fn: (trx: Trx) => Promise<T>, durability: Durability = 'durable'): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (database.kind === 'postgres') return await database.db.transaction().execute(fn);
      return await database.db.connection().execute(async (conn) => {
        // WAL with synchronous=NORMAL skips the commit's fsync; the next durable commit's fsync covers it too.
        if (durability === 'derived') await sql`pragma synchronous = NORMAL`.execute(conn);
        try {
          await sql`begin immediate`.execute(conn);
          try {
            const result = await fn(conn);
            await sql`commit`.execute(conn);
            return result;
          } catch (e) {
            await sql`rollback`.execute(conn).catch(() => undefined);
            throw e;
          }
        } finally {
          if (durability === 'derived') await sql`pragma synchronous = FULL`.execute(conn);
        }
      });
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (attempt >= 5 || code === undefined || !retryable.has(code)) throw e;
      await new Promise((r) => setTimeout(r, attempt * 20 * Math.random()));
    }
  }
}

