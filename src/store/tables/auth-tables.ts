/** Row types of the API-key and content tables (see migrations/0003-auth.ts). */
import type { ColumnType } from 'kysely';

/** bigint columns: PostgreSQL returns them as strings, SQLite as numbers. */
type BigIntColumn = ColumnType<number | string, number, number>;

export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  /** Comma-separated scopes. */
  scopes: string;
  created_at: BigIntColumn;
  revoked_at: ColumnType<number | string | null, number | null | undefined, number | null>;
}

export interface ApiKeyBootstrapTable {
  id: number;
  key_id: string | null;
}

export interface ContentItemsTable {
  id: string;
  key_id: string;
  client_id: string | null;
  media_type: string;
  byte_length: BigIntColumn;
  width: number | null;
  height: number | null;
  md5: string;
  sha256: string;
  pdq: string | null;
  pdq_quality: number | null;
  decision: string;
  /** JSON array of strings. */
  reasons: string;
  /** JSON array of matches. */
  matches: string;
  reported: number;
  retained: number;
  created_at: BigIntColumn;
}

export interface ContentMediaTable {
  content_id: string;
  /** AES-256-GCM sealed bytes (see src/crypto/media-cipher.ts). */
  ciphertext: Buffer;
  created_at: BigIntColumn;
}

export interface AuthTables {
  api_keys: ApiKeysTable;
  api_key_bootstrap: ApiKeyBootstrapTable;
  content_items: ContentItemsTable;
  content_media: ContentMediaTable;
}
