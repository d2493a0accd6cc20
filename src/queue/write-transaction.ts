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

/** Runs `fn` in one committed write transaction, retrying transient lock conflicts a few times. */
export async function withWriteTransaction<T>(database: Database, fn: (trx: Trx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (database.kind === 'postgres') return await database.db.transaction().execute(fn);
      return await database.db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (e) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw e;
        }
      });
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (attempt >= 5 || code === undefined || !retryable.has(code)) throw e;
      await new Promise((r) => setTimeout(r, attempt * 20 * Math.random()));
    }
  }
}

