/** Row types of the derived age table (see migrations/0004-derived-age.ts). */
import type { Int8 } from './service-tables.ts';

export interface DerivedAgeEntriesTable {
  scope: string;
  /** `<source event id>#age`. */
  id: string;
  account_id: string;
  /** Always `chat_disclosure` today (a weak method: it can make an account younger, never prove adulthood). */
  method: string;
  age: number | null;
  /** Event time of the source event (epoch ms). */
  at: Int8;
  /** Seq of the source event in the log: orders the entry among the account's age events. */
  event_seq: Int8;
  event_id: string;
  created_at: Int8;
}

export interface AgeTables {
  derived_age_entries: DerivedAgeEntriesTable;
}
