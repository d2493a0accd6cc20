/**
 * API keys: random bearer tokens stored only as SHA-256 hashes, each with scopes. The first start creates
 * one admin key (printed once); afterwards keys are created, listed and revoked through the API or CLI.
 */
import { createHash, randomBytes } from 'node:crypto';
import { invalidInput, notFound } from '../core/lifeguard-error.ts';
import type { Database } from './database.ts';

/** Every API scope, declared once. `admin` may also call every other scope's routes. */
export const apiScopes = ['content', 'banks', 'events', 'age', 'reports', 'review', 'admin', 'cases:read', 'cases:write', 'audit', 'age:estimate', 'age:verify'] as const;
export type ApiScope = (typeof apiScopes)[number];

/** A key as stored (never its secret). */
export interface ApiKey {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdAt: number;
  revokedAt: number | null;
}

/** A newly created key with its secret token, which exists only in this value. */
export interface CreatedApiKey {
  key: ApiKey;
  token: string;
}

export interface ApiKeyStore {
  /** Creates a key with `scopes` and returns its token (shown once). */
  create(input: { name: string; scopes: readonly ApiScope[] }): Promise<CreatedApiKey>;
  /** Every key, newest first; revoked keys only when asked. */
  list(opts?: { includeRevoked?: boolean }): Promise<ApiKey[]>;
  get(id: string): Promise<ApiKey | undefined>;
  /** Revokes a key; revoking twice is a no-op that returns the key. */
  revoke(id: string): Promise<ApiKey>;
  /** The live key behind `token`, or undefined when unknown or revoked. */
  verify(token: string): Promise<ApiKey | undefined>;
  /** Creates the first admin key exactly once per database (safe under concurrent starts); undefined afterwards. */
  ensureAdminKey(): Promise<CreatedApiKey | undefined>;
}

const tokenPattern = /^lg_[A-Za-z0-9_-]{43}$/;

/** SHA-256 hex of a token: what the database stores. A random 256-bit token needs no slow hash. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** True when `s` is one of the API scopes. */
export const isApiScope = (s: string): s is ApiScope => (apiScopes as readonly string[]).includes(s);

type Row = { id: string; name: string; scopes: string; created_at: number | string; revoked_at: number | string | null };
const toKey = (r: Row): ApiKey => ({
  id: r.id,
  name: r.name,
  scopes: r.scopes.split(',').filter(isApiScope),
  createdAt: Number(r.created_at),
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
});

/** The API-key store on `database`; `now` is injectable for tests. */
export function createApiKeyStore(database: Database, now: () => number = Date.now): ApiKeyStore {
  const { db } = database;
  const columns = ['id', 'name', 'scopes', 'created_at', 'revoked_at'] as const;

  const store: ApiKeyStore = {
    async create({ name, scopes }) {
      const trimmed = name.trim();
      if (trimmed.length === 0 || trimmed.length > 200) throw invalidInput('invalid_key_name', 'a key name must have 1 to 200 characters');
      const unique = [...new Set(scopes)];
      if (unique.length === 0) throw invalidInput('invalid_scopes', `a key needs at least one scope (${apiScopes.join(', ')})`);
      for (const s of unique) if (!isApiScope(s)) throw invalidInput('invalid_scopes', `unknown scope '${String(s)}'; scopes: ${apiScopes.join(', ')}`);
      const token = `lg_${randomBytes(32).toString('base64url')}`;
      const key: ApiKey = { id: `key_${randomBytes(8).toString('hex')}`, name: trimmed, scopes: unique, createdAt: now(), revokedAt: null };
      await db
        .insertInto('api_keys')
        .values({ id: key.id, name: key.name, key_hash: hashToken(token), scopes: unique.join(','), created_at: key.createdAt, revoked_at: null })
        .execute();
      return { key, token };
    },

    async list(opts = {}) {
      let q = db.selectFrom('api_keys').select(columns).orderBy('created_at', 'desc').orderBy('id');
      if (!opts.includeRevoked) q = q.where('revoked_at', 'is', null);
      return (await q.execute()).map(toKey);
    },

    async get(id) {
      const row = await db.selectFrom('api_keys').select(columns).where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toKey(row);
    },

    async revoke(id) {
      const existing = await store.get(id);
      if (existing === undefined) throw notFound('not_found', `no API key with id '${id}'`);
      if (existing.revokedAt !== null) return existing;
      const at = now();
      await db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
      return { ...existing, revokedAt: at };
    },

    async verify(token) {
      if (!tokenPattern.test(token)) return undefined;
      const row = await db.selectFrom('api_keys').select(columns).where('key_hash', '=', hashToken(token)).executeTakeFirst();
      if (row === undefined || row.revoked_at !== null) return undefined;
      return toKey(row);
    },

    async ensureAdminKey() {
      const claimed = await db
        .insertInto('api_key_bootstrap')
        .values({ id: 1, key_id: null })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return undefined;
      const created = await store.create({ name: 'admin (created on first start)', scopes: ['admin'] });
      await db.updateTable('api_key_bootstrap').set({ key_id: created.key.id }).where('id', '=', 1).execute();
      return created;
    },
  };
  return store;
}

