/**
 * Where banks live and how to open them: the data directory (default ./data) holds the SQLite file
 * `lifeguard.sqlite` and the PDQ index snapshot `pdq-index.bin`; a postgres:// database URL moves the banks
 * to PostgreSQL (the snapshot stays in the data directory). The CLI resolves this from its flags and
 * environment and passes it down.
 */
import { join, resolve } from 'node:path';
import type { BankStore } from '../store/bank-store.ts';
import { createBankStore } from '../store/bank-store.ts';
import { openDatabase, type Database } from '../store/database.ts';

export interface BankLocation {
  dataDir: string;
  /** A postgres:// URL or a SQLite file path. */
  databaseUrl: string;
  pgSchema?: string;
  snapshotPath: string;
}

/** The location from a `--data-dir` flag and the environment (LIFEGUARD_DATA_DIR, LIFEGUARD_DATABASE_URL, LIFEGUARD_PG_SCHEMA). */
export function bankLocation(flags: { dataDir?: string | undefined }, env: Readonly<Record<string, string | undefined>>): BankLocation {
  const dataDir = resolve(flags.dataDir ?? env.LIFEGUARD_DATA_DIR ?? './data');
  const loc: BankLocation = {
    dataDir,
    databaseUrl: env.LIFEGUARD_DATABASE_URL || join(dataDir, 'lifeguard.sqlite'),
    snapshotPath: join(dataDir, 'pdq-index.bin'),
  };
  if (env.LIFEGUARD_PG_SCHEMA) loc.pgSchema = env.LIFEGUARD_PG_SCHEMA;
  return loc;
}

export interface BankContext {
  database: Database;
  store: BankStore;
  location: BankLocation;
  close(): Promise<void>;
}

/** Opens (creating and migrating if needed) the bank database at `location`. */
export async function openBankContext(location: BankLocation): Promise<BankContext> {
  const database = await openDatabase({ url: location.databaseUrl, ...(location.pgSchema !== undefined ? { pgSchema: location.pgSchema } : {}) });
  return { database, store: createBankStore(database), location, close: () => database.close() };
}
