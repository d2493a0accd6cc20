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

/** Age-token nonces (see migrations/0014-age-token-nonces.ts); never the token itself. */
export interface AgeTokenNoncesTable {
  nonce_hash: string;
  account_id: string;
  created_at: Int8;
  expires_at: Int8;
  used_at: Int8 | null;
  format: string | null;
  issuer: string | null;
  /** JSON: the age-over claims the token disclosed, e.g. `[{"threshold":18,"over":true}]`. */
  claims: string | null;
  signal_id: string | null;
}

export interface AgeTables {
  derived_age_entries: DerivedAgeEntriesTable;
  age_token_nonces: AgeTokenNoncesTable;
}
