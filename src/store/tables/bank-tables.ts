/** Row types of the hash-bank tables (see migrations/0001-banks.ts). */
import type { Generated } from 'kysely';

export interface BanksTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  /** ISO-8601 UTC. */
  created_at: string;
}

export interface BankEntriesTable {
  id: Generated<number>;
  bank_id: number;
  signal_type: string;
  /** Normalised (lower-case hex) value. */
  value: string;
  external_id: string | null;
  /** JSON array of source names. */
  sources: Generated<string>;
  category: string | null;
  quality: number | null;
  /** 1 when a PDQ hash has quality < 50: kept, but never matched. */
  flagged_low_quality: Generated<number>;
  added_at: string;
}

export interface BankChangesTable {
  seq: Generated<number>;
  entry_id: number;
  signal_type: string;
  /** 'remove' or 'update' (a change of the low-quality flag). */
  op: string;
  at: string;
}

export interface BankMetaTable {
  key: string;
  value: string;
}

export interface BankTables {
  banks: BanksTable;
  bank_entries: BankEntriesTable;
  bank_changes: BankChangesTable;
  bank_meta: BankMetaTable;
}
