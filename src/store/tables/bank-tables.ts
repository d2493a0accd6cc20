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
  /** Language of a keyword term (migration 0009). */
  language: string | null;
  /** Set while a reviewer marked the entry a false positive: kept, never matched (migration 0009). */
  disabled_at: string | null;
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

export interface BankEntryOpinionsTable {
  id: Generated<number>;
  entry_id: number;
  opinion: string;
  by: string | null;
  note: string | null;
  exchange: string | null;
  reported_at: string | null;
  at: string;
}

export interface ExchangesTable {
  id: Generated<number>;
  name: string;
  kind: string;
  bank_id: number;
  settings: string;
  credentials: string | null;
  enabled: Generated<number>;
  interval_seconds: number;
  checkpoint: string | null;
  status: Generated<string>;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  consecutive_failures: Generated<number>;
  counts: Generated<string>;
  next_run_at: string | null;
  created_at: string;
  push_case_seq: Generated<number | string>;
}

export interface ExchangePushesTable {
  id: Generated<number>;
  exchange: string;
  signal_type: string;
  value: string;
  category: string | null;
  case_id: string;
  status: string;
  attempts: Generated<number>;
  remote_id: string | null;
  last_error: string | null;
  queued_at: string;
  sent_at: string | null;
}

export interface BankTables {
  bank_entry_opinions: BankEntryOpinionsTable;
  exchanges: ExchangesTable;
  exchange_pushes: ExchangePushesTable;
  banks: BanksTable;
  bank_entries: BankEntriesTable;
  bank_changes: BankChangesTable;
  bank_meta: BankMetaTable;
}
