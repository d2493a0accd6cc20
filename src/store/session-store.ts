/**
 * Console sessions, sign-in attempts and OpenID Connect flows in progress, all server-side. A session id is
 * 256 random bits held only in the person's cookie; the database keeps its SHA-256, so reading the database
 * opens no session. A session ends at its expiry, on sign-out, or when its person is disabled.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from './database.ts';
import { createPeopleStore, type Person } from './people-store.ts';

export interface Session {
  personId: string;
  csrfToken: string;
  method: 'password' | 'oidc';
  createdAt: number;
  expiresAt: number;
}

export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SessionStore {
  /** Opens a session; the returned `id` goes in the cookie and is never stored. */
  open(input: { personId: string; method: Session['method']; address: string | null; ttlMs: number }): Promise<{ id: string; session: Session }>;
  /** The live session and its (enabled) person, or undefined when unknown, expired, revoked or disabled. */
  lookup(id: string): Promise<{ session: Session; person: Person } | undefined>;
  revoke(id: string): Promise<void>;
  /** Records one sign-in attempt against an account name and a client address. */
  recordAttempt(input: { account: string; address: string; success: boolean }): Promise<void>;
  /** Failed attempts since `since` (epoch ms) for an account name or an address. */
  failuresSince(kind: 'account' | 'address', subject: string, since: number): Promise<number>;
  /** Keeps an OpenID Connect flow for `ttlMs`; returns the id for the browser's cookie. */
  startFlow(flow: OidcFlow, ttlMs: number): Promise<string>;
  /** Takes (and deletes) a flow, once; undefined when unknown or expired. */
  takeFlow(id: string): Promise<OidcFlow | undefined>;
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const idPattern = /^[A-Za-z0-9_-]{43}$/;

/** The session store on `database`; `now` is injectable for tests. */
export function createSessionStore(database: Database, now: () => number = Date.now): SessionStore {
  const { db } = database;
  const people = createPeopleStore(database, now);
  return {
    async open({ personId, method, address, ttlMs }) {
      const id = randomBytes(32).toString('base64url');
      const session: Session = { personId, csrfToken: randomBytes(32).toString('base64url'), method, createdAt: now(), expiresAt: now() + ttlMs };
      await db
        .insertInto('console_sessions')
        .values({
          id_hash: sha(id),
          person_id: personId,
          csrf_token: session.csrfToken,
          method,
          address: address?.slice(0, 100) ?? null,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          revoked_at: null,
        })
        .execute();
      return { id, session };
    },
    async lookup(id) {
      if (!idPattern.test(id)) return undefined;
      const row = await db.selectFrom('console_sessions').selectAll().where('id_hash', '=', sha(id)).executeTakeFirst();
      if (row === undefined || row.revoked_at !== null || Number(row.expires_at) <= now()) return undefined;
      const person = await people.get(row.person_id);
      if (person === undefined || person.disabled) return undefined;
      return {
        person,
        session: { personId: row.person_id, csrfToken: row.csrf_token, method: row.method as Session['method'], createdAt: Number(row.created_at), expiresAt: Number(row.expires_at) },
      };
    },
    async revoke(id) {
      if (!idPattern.test(id)) return;
      await db.updateTable('console_sessions').set({ revoked_at: now() }).where('id_hash', '=', sha(id)).where('revoked_at', 'is', null).execute();
    },
    async recordAttempt({ account, address, success }) {
      const at = now();
      const rows = [
        { id: `la_${randomBytes(10).toString('hex')}`, kind: 'account', subject: account.trim().toLowerCase().slice(0, 320), success: success ? 1 : 0, at },
        { id: `la_${randomBytes(10).toString('hex')}`, kind: 'address', subject: address.slice(0, 320), success: success ? 1 : 0, at },
      ];
      await db.insertInto('login_attempts').values(rows).execute();
    },
    async failuresSince(kind, subject, since) {
      const s = kind === 'account' ? subject.trim().toLowerCase() : subject;
      const row = await db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('kind', '=', kind)
        .where('subject', '=', s)
        .where('success', '=', 0)
        .where('at', '>=', since)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async startFlow(flow, ttlMs) {
      const id = randomBytes(32).toString('base64url');
      await db.deleteFrom('oidc_flows').where('expires_at', '<=', now()).execute();
      await db.insertInto('oidc_flows').values({ id_hash: sha(id), state: flow.state, nonce: flow.nonce, code_verifier: flow.codeVerifier, expires_at: now() + ttlMs }).execute();
      return id;
    },
    async takeFlow(id) {
      if (!idPattern.test(id)) return undefined;
      const row = await db.deleteFrom('oidc_flows').where('id_hash', '=', sha(id)).returningAll().executeTakeFirst();
      if (row === undefined || Number(row.expires_at) <= now()) return undefined;
      return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
    },
  };
}
