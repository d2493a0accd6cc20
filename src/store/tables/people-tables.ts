/** Row types of the console's people tables (see migrations/0007-people.ts). */
import type { ColumnType } from 'kysely';
import type { Int8 } from './service-tables.ts';

type NullableInt8 = ColumnType<number | string | null, number | null | undefined, number | null>;

export interface PeopleTable {
  id: string;
  email: string;
  display_name: string;
  roles: string;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  settings: string;
  created_at: Int8;
  disabled_at: NullableInt8;
}

export interface ConsoleSessionsTable {
  id_hash: string;
  person_id: string;
  csrf_token: string;
  method: string;
  address: string | null;
  created_at: Int8;
  expires_at: Int8;
  revoked_at: NullableInt8;
}

export interface LoginAttemptsTable {
  id: string;
  kind: string;
  subject: string;
  success: number;
  at: Int8;
}

export interface OidcFlowsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  expires_at: Int8;
}

export interface ExposureCountsTable {
  person_id: string;
  day: string;
  reveals: number;
}

export interface RevealGrantsTable {
  id_hash: string;
  person_id: string;
  case_id: string;
  content_id: string;
  expires_at: Int8;
  used_at: NullableInt8;
}

export interface PeopleTables {
  reveal_grants: RevealGrantsTable;
  people: PeopleTable;
  console_sessions: ConsoleSessionsTable;
  login_attempts: LoginAttemptsTable;
  oidc_flows: OidcFlowsTable;
  exposure_counts: ExposureCountsTable;
}
