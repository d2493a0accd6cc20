/**
 * Exchanges as stored: settings, sealed credentials, checkpoint and the status of the last fetch. SQLite and
 * PostgreSQL (the exchange contract tests run on both).
 */
import type { Selectable } from 'kysely';
import { conflict, notFound } from '../core/lifeguard-error.ts';
import type { Database } from './database.ts';
import type { ExchangesTable } from './tables/bank-tables.ts';

export type ExchangeStatus = 'idle' | 'running' | 'ok' | 'failed';

export interface ExchangeCounts {
  fetched?: number;
  added?: number;
  removed?: number;
  invalid?: number;
  /** Entries from this exchange in its bank after the fetch. */
  total?: number;
}

export interface ExchangeRecord {
  id: number;
  name: string;
  kind: string;
  bankId: number;
  settings: Record<string, unknown>;
  hasCredentials: boolean;
  enabled: boolean;
  intervalSeconds: number;
  checkpoint: string | null;
  status: ExchangeStatus;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  counts: ExchangeCounts;
  nextRunAt: string | null;
  createdAt: string;
}

export interface NewExchange {
  name: string;
  kind: string;
  bankId: number;
  settings: Record<string, unknown>;
  /** Sealed credentials (base64), never the plain ones. */
  sealedCredentials: string | null;
  intervalSeconds: number;
}

const toRecord = (r: Selectable<ExchangesTable>): ExchangeRecord => ({
  id: Number(r.id),
  name: r.name,
  kind: r.kind,
  bankId: Number(r.bank_id),
  settings: JSON.parse(r.settings) as Record<string, unknown>,
  hasCredentials: r.credentials !== null,
  enabled: Number(r.enabled) === 1,
  intervalSeconds: Number(r.interval_seconds),
  checkpoint: r.checkpoint,
  status: r.status as ExchangeStatus,
  lastAttemptAt: r.last_attempt_at,
  lastSuccessAt: r.last_success_at,
  lastError: r.last_error,
  consecutiveFailures: Number(r.consecutive_failures),
  counts: JSON.parse(r.counts) as ExchangeCounts,
  nextRunAt: r.next_run_at,
  createdAt: r.created_at,
});

export interface ExchangeStore {
  create(x: NewExchange, now: Date): Promise<ExchangeRecord>;
  list(): Promise<ExchangeRecord[]>;
  get(name: string): Promise<ExchangeRecord | undefined>;
  /** The exchange, or `exchange_not_found` (404). */
  require(name: string): Promise<ExchangeRecord>;
  sealedCredentials(name: string): Promise<string | null>;
  setEnabled(name: string, enabled: boolean): Promise<void>;
  remove(name: string): Promise<void>;
  /** Enabled exchanges whose next run is due at `now` (never run counts as due). */
  due(now: Date): Promise<ExchangeRecord[]>;
  markRunning(name: string, now: Date): Promise<void>;
  saveCheckpoint(name: string, checkpoint: string | null): Promise<void>;
  markSucceeded(name: string, r: { now: Date; counts: ExchangeCounts; checkpoint?: string | null; nextRunAt: Date }): Promise<void>;
  markFailed(name: string, r: { now: Date; error: string; nextRunAt: Date }): Promise<void>;
}

export function createExchangeStore(database: Database): ExchangeStore {
  const db = database.db;
  const get = async (name: string) => {
    const r = await db.selectFrom('exchanges').selectAll().where('name', '=', name).executeTakeFirst();
    return r && toRecord(r);
  };
  const require = async (name: string) => {
    const r = await get(name);
    if (!r) throw notFound('exchange_not_found', `no exchange named '${name.slice(0, 80)}'`);
    return r;
  };
  return {
    async create(x, now) {
      if (await get(x.name)) throw conflict('exchange_exists', `exchange '${x.name}' already exists`);
      await db
        .insertInto('exchanges')
        .values({ name: x.name, kind: x.kind, bank_id: x.bankId, settings: JSON.stringify(x.settings), credentials: x.sealedCredentials, interval_seconds: x.intervalSeconds, created_at: now.toISOString() })
        .execute();
      return require(x.name);
    },
    async list() {
      return (await db.selectFrom('exchanges').selectAll().orderBy('name').execute()).map(toRecord);
    },
    get,
    require,
    async sealedCredentials(name) {
      const r = await db.selectFrom('exchanges').select('credentials').where('name', '=', name).executeTakeFirst();
      return r?.credentials ?? null;
    },
    async setEnabled(name, enabled) {
      await require(name);
      await db.updateTable('exchanges').set({ enabled: enabled ? 1 : 0 }).where('name', '=', name).execute();
    },
    async remove(name) {
      await require(name);
      await db.deleteFrom('exchanges').where('name', '=', name).execute();
    },
    async due(now) {
      const rows = await db
        .selectFrom('exchanges')
        .selectAll()
        .where('enabled', '=', 1)
        .where((eb) => eb.or([eb('next_run_at', 'is', null), eb('next_run_at', '<=', now.toISOString())]))
        .orderBy('name')
        .execute();
      return rows.map(toRecord);
    },
    async markRunning(name, now) {
      await db.updateTable('exchanges').set({ status: 'running', last_attempt_at: now.toISOString() }).where('name', '=', name).execute();
    },
    async saveCheckpoint(name, checkpoint) {
      await db.updateTable('exchanges').set({ checkpoint }).where('name', '=', name).execute();
    },
    async markSucceeded(name, r) {
      await db
        .updateTable('exchanges')
        .set({
          status: 'ok',
          last_success_at: r.now.toISOString(),
          last_error: null,
          consecutive_failures: 0,
          counts: JSON.stringify(r.counts),
          next_run_at: r.nextRunAt.toISOString(),
          ...(r.checkpoint !== undefined ? { checkpoint: r.checkpoint } : {}),
        })
        .where('name', '=', name)
        .execute();
    },
    async markFailed(name, r) {
      const cur = await require(name);
      await db
        .updateTable('exchanges')
        .set({ status: 'failed', last_error: r.error.slice(0, 500), consecutive_failures: cur.consecutiveFailures + 1, next_run_at: r.nextRunAt.toISOString() })
        .where('name', '=', name)
        .execute();
    },
  };
}
