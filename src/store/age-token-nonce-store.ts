/**
 * Nonces for age-token presentations: issued for one account, used once, within a short time. Only the
 * nonce's SHA-256 is stored. A used nonce's row keeps what its verification found (format, issuer, age claims,
 * time and the age signal's id): the record of a verified token, without the token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { conflict, LifeguardError } from '../core/lifeguard-error.ts';
import type { Database } from './database.ts';

export interface AgeTokenVerification {
  format: string;
  issuer: string;
  claims: readonly { threshold: number; over: boolean }[];
  signalId: string;
}

export interface AgeTokenNonceRecord extends Partial<AgeTokenVerification> {
  accountId: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface AgeTokenNonceStore {
  /** A new nonce (256 random bits, base64url) for `accountId`, valid for `ttlMs`. */
  issue(accountId: string, ttlMs: number): Promise<{ nonce: string; expiresAt: number }>;
  /**
   * Marks the nonce used, once. 409 `age_token_nonce_used` when it was used before, 422 `age_token_nonce_expired`
   * after its time, 422 `age_token_nonce_unknown` when it was never issued or was issued for another account.
   */
  consume(nonce: string, accountId: string): Promise<void>;
  /** Keeps what the verification under a consumed nonce found. */
  record(nonce: string, v: AgeTokenVerification): Promise<void>;
  /** The stored row (for tests and audits). */
  get(nonce: string): Promise<AgeTokenNonceRecord | undefined>;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** Unused nonces are dropped this long after they expire; used ones are kept as the verification record. */
const UNUSED_RETENTION_MS = 24 * 3_600_000;

export function createAgeTokenNonceStore(database: Database, now: () => number = Date.now): AgeTokenNonceStore {
  const { db } = database;
  return {
    async issue(accountId, ttlMs) {
      const nonce = randomBytes(32).toString('base64url');
      const t = now();
      await db.deleteFrom('age_token_nonces').where('used_at', 'is', null).where('expires_at', '<', t - UNUSED_RETENTION_MS).execute();
      await db.insertInto('age_token_nonces').values({ nonce_hash: sha(nonce), account_id: accountId, created_at: t, expires_at: t + ttlMs, used_at: null, format: null, issuer: null, claims: null, signal_id: null }).execute();
      return { nonce, expiresAt: t + ttlMs };
    },
    async consume(nonce, accountId) {
      const t = now();
      const hash = sha(nonce);
      const res = await db
        .updateTable('age_token_nonces')
        .set({ used_at: t })
        .where('nonce_hash', '=', hash)
        .where('account_id', '=', accountId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', t)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) return;
      const row = await db.selectFrom('age_token_nonces').select(['account_id', 'used_at', 'expires_at']).where('nonce_hash', '=', hash).executeTakeFirst();
      if (row === undefined || row.account_id !== accountId) {
        throw new LifeguardError('age_token_nonce_unknown', 422, 'this nonce was not issued by POST /v1/age/token/nonce for this account');
      }
      if (row.used_at !== null) throw conflict('age_token_nonce_used', 'this nonce was already used: a presentation is accepted once (ask for a new nonce)');
      throw new LifeguardError('age_token_nonce_expired', 422, 'this nonce has expired: ask for a new one');
    },
    async record(nonce, v) {
      await db
        .updateTable('age_token_nonces')
        .set({ format: v.format, issuer: v.issuer, claims: JSON.stringify(v.claims), signal_id: v.signalId })
        .where('nonce_hash', '=', sha(nonce))
        .execute();
    },
    async get(nonce) {
      const r = await db.selectFrom('age_token_nonces').selectAll().where('nonce_hash', '=', sha(nonce)).executeTakeFirst();
      if (r === undefined) return undefined;
      return {
        accountId: r.account_id,
        createdAt: Number(r.created_at),
        expiresAt: Number(r.expires_at),
        usedAt: r.used_at === null ? null : Number(r.used_at),
        ...(r.format !== null ? { format: r.format } : {}),
        ...(r.issuer !== null ? { issuer: r.issuer } : {}),
        ...(r.claims !== null ? { claims: JSON.parse(r.claims) as AgeTokenVerification['claims'] } : {}),
        ...(r.signal_id !== null ? { signalId: r.signal_id } : {}),
      };
    },
  };
}
