/**
 * Nonces for age-token presentations (POST /v1/age/token/nonce): single use, short-lived, bound to one account.
 * A used row keeps what the verification found — format, issuer, the age claims and when — never the token.
 */
import type { Kysely, Migration } from 'kysely';

export const m0014AgeTokenNonces: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('age_token_nonces')
      // SHA-256 of the nonce: a leaked table gives no usable nonce.
      .addColumn('nonce_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      // Filled after a successful verification (null when the presentation was refused).
      .addColumn('format', 'text')
      .addColumn('issuer', 'text')
      .addColumn('claims', 'text')
      .addColumn('signal_id', 'text')
      .execute();
    await db.schema.createIndex('age_token_nonces_expiry_idx').on('age_token_nonces').column('expires_at').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('age_token_nonces').ifExists().execute();
  },
};
