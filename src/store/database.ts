/**
 * Opens the Lifeguard database: embedded SQLite by default, PostgreSQL when a postgres:// URL is given.
 * Both sit behind one Kysely handle and one set of migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { unavailable } from '../core/lifeguard-error.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Schema } from './schema.ts';
import { fallbackCheckpointPages, startWalCheckpointer } from './wal-checkpointer.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file path (or `:memory:`). */
  url: string;
  /** PostgreSQL only: a schema to use (created if missing), so tests can isolate themselves. */
  pgSchema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

/** An open database: the Kysely handle plus its dialect, so stores can pick dialect-specific SQL when needed. */
export interface Database {
  kind: DatabaseKind;
  db: Kysely<Schema>;
  close(): Promise<void>;
}

/** True when `url` names a PostgreSQL database. */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** Opens (and migrates to the latest schema) the database at `opts.url`. */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const database = isPostgresUrl(opts.url) ? await openPostgres(opts) : openSqlite(opts.url);
  await migrateToLatest(database.db, database.kind === 'postgres' ? opts.pgSchema : undefined);
  return database;
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const handle = new SqliteDatabase(path);
  handle.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives a power cut, not only a process crash.
  handle.pragma('synchronous = FULL');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('foreign_keys = ON');
  // Up to 64 MiB of pages cached (default 2 MiB): a large list import touches the (type, value) index all
  // over, and with the default cache each insert re-reads index pages from the file. Grows only when used.
  handle.pragma('cache_size = -65536');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) });
  if (path === ':memory:') return { kind: 'sqlite', db, close: () => db.destroy() };
  handle.pragma(`wal_autocheckpoint = ${fallbackCheckpointPages}`);
  const checkpointer = startWalCheckpointer(path);
  return {
    kind: 'sqlite',
    db,
    close: async () => {
      await checkpointer.stop();
      await db.destroy();
    },
  };
}

/** Most prepared statements kept per SQLite connection (multi-row inserts give one SQL text per row count). */
const statementCacheSize = 2000;

/**
 * Kysely prepares every query afresh; on the hot path (event intake, workers) preparing costs more than
 * running. This keeps prepared statements by SQL text, least recently used first out. Safe because the one
 * connection runs each statement to completion synchronously (no streaming queries are used).
 */
function withStatementCache(handle: SqliteDatabase.Database): { prepare(sql: string): SqliteDatabase.Statement; close(): void } {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt !== undefined) {
        cache.delete(sql);
      } else {
        stmt = handle.prepare(sql);
        if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
    close: () => {
      cache.clear();
      handle.close();
    },
  };
}

async function openPostgres(opts: DatabaseOptions): Promise<Database> {
  const schema = opts.pgSchema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw unavailable('database_config', `invalid PostgreSQL schema name: ${schema}`);
  }
  if (schema !== undefined) {
    const admin = new pg.Client({ connectionString: opts.url });
    try {
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (e) {
      throw unavailable('database_unreachable', `cannot reach PostgreSQL at ${redactUrl(opts.url)}: ${(e as Error).message}`);
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (e) {
    await db.destroy().catch(() => undefined);
    throw unavailable('database_unreachable', `cannot reach PostgreSQL at ${redactUrl(opts.url)}: ${(e as Error).message}`);
  }
  return { kind: 'postgres', db, close: () => db.destroy() };
}

async function migrateToLatest(db: Kysely<Schema>, pgSchema?: string): Promise<void> {
  // Kysely looks for its migration tables in every schema unless told which one: name it, so a database
  // holding several Lifeguard schemas (parallel tests) migrates each of them.
  const migrator = new Migrator({ db, provider: migrationProvider, ...(pgSchema !== undefined ? { migrationTableSchema: pgSchema } : {}) });
  // Kysely locks PostgreSQL migrations with an advisory lock, but not SQLite ones: two processes opening a new
  // SQLite file at once (`serve` and `worker`) can both try the same migration. Each migration runs in a
  // transaction and rolls back whole, so the loser retries and then finds the work done.
  let lastError: unknown;
  for (let attempt = 0; attempt < 6; attempt++) {
    const { error } = await migrator.migrateToLatest();
    if (!error) return;
    lastError = error;
    await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
  }
  throw unavailable('database_migration', `database migration failed: ${(lastError as Error).message}`);
}

/** The URL without its password, for messages. */
export const redactUrl = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
