/**
 * People who sign in to the reviewer console (separate from API keys): accounts with roles and scrypt
 * password hashes, server-side sessions, sign-in attempts for rate limiting, OpenID Connect sign-in flows in
 * progress, and per-person daily exposure counters (wellbeing).
 */
import type { Kysely, Migration } from 'kysely';

export const m0007People: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('people')
      .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
      // Lower-cased; the sign-in name and what OpenID Connect emails map to.
      .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
      .addColumn('display_name', 'varchar(200)', (c) => c.notNull())
      // Comma-separated roles from src/core/people/roles.ts.
      .addColumn('roles', 'varchar(200)', (c) => c.notNull())
      // `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`; null: no password sign-in (OpenID Connect only).
      .addColumn('password_hash', 'varchar(300)')
      .addColumn('oidc_issuer', 'varchar(500)')
      .addColumn('oidc_subject', 'varchar(255)')
      // JSON of PersonalSettings.
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('disabled_at', 'bigint')
      .execute();
    await db.schema.createIndex('people_oidc_idx').on('people').columns(['oidc_issuer', 'oidc_subject']).unique().execute();

    await db.schema
      .createTable('console_sessions')
      // SHA-256 of the session id: the cookie value alone opens a session, and the database never holds it.
      .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('person_id', 'varchar(40)', (c) => c.notNull().references('people.id'))
      // The synchronizer token every form of this session carries.
      .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
      .addColumn('method', 'varchar(20)', (c) => c.notNull())
      .addColumn('address', 'varchar(100)')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('console_sessions_person_idx').on('console_sessions').column('person_id').execute();

    await db.schema
      .createTable('login_attempts')
      .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
      // `account` (the lower-cased sign-in name) or `address` (the client address).
      .addColumn('kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('subject', 'varchar(320)', (c) => c.notNull())
      .addColumn('success', 'integer', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_attempts_idx').on('login_attempts').columns(['kind', 'subject', 'at']).execute();

    await db.schema
      .createTable('oidc_flows')
      .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('state', 'varchar(100)', (c) => c.notNull())
      .addColumn('nonce', 'varchar(100)', (c) => c.notNull())
      .addColumn('code_verifier', 'varchar(200)', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('exposure_counts')
      .addColumn('person_id', 'varchar(40)', (c) => c.notNull().references('people.id'))
      .addColumn('day', 'varchar(10)', (c) => c.notNull())
      .addColumn('reveals', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('exposure_counts_pkey', ['person_id', 'day'])
      .execute();

    // One reveal of one sealed media item to one person, for a limited time (the console's media links).
    await db.schema
      .createTable('reveal_grants')
      .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('person_id', 'varchar(40)', (c) => c.notNull().references('people.id'))
      .addColumn('case_id', 'varchar(80)', (c) => c.notNull())
      .addColumn('content_id', 'varchar(80)', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of ['reveal_grants', 'exposure_counts', 'oidc_flows', 'login_attempts', 'console_sessions', 'people']) await db.schema.dropTable(t).ifExists().execute();
  },
};
