/**
 * People who sign in to the console: accounts with roles, an optional password hash, an optional OpenID
 * Connect identity, personal wellbeing settings and daily exposure counters. Disabling a person revokes all
 * of their sessions in the same transaction.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { conflict, invalidInput, notFound } from '../core/lifeguard-error.ts';
import { isRole, roles as allRoles, type Actor, type Role } from '../core/people/roles.ts';
import type { PersonalSettings } from '../core/people/wellbeing.ts';
import type { Database } from './database.ts';

/** A person as the console sees them (never their password hash). */
export interface Person extends Actor {
  email: string;
  displayName: string;
  hasPassword: boolean;
  oidc: { issuer: string; subject: string } | null;
  settings: PersonalSettings;
  createdAt: number;
  disabledAt: number | null;
}

export interface NewPerson {
  email: string;
  displayName?: string;
  roles: readonly Role[];
  passwordHash?: string;
}

export interface PeopleStore {
  add(p: NewPerson): Promise<Person>;
  get(id: string): Promise<Person | undefined>;
  byEmail(email: string): Promise<Person | undefined>;
  byOidc(issuer: string, subject: string): Promise<Person | undefined>;
  /** The person and stored password hash for a sign-in name (the hash is null for OIDC-only accounts). */
  credentials(email: string): Promise<{ person: Person; passwordHash: string | null } | undefined>;
  /** Everyone, in order of creation. */
  list(): Promise<Person[]>;
  setRoles(id: string, roles: readonly Role[]): Promise<Person>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  linkOidc(id: string, issuer: string, subject: string): Promise<void>;
  /** Disables the person and revokes every session of theirs (one transaction). */
  disable(id: string): Promise<Person>;
  enable(id: string): Promise<Person>;
  setSettings(id: string, settings: PersonalSettings): Promise<void>;
  /** Counts one more reveal for the person on `day` and returns the day's new total. */
  countReveal(id: string, day: string): Promise<number>;
  revealsOn(id: string, day: string): Promise<number>;
}

type Row = {
  id: string;
  email: string;
  display_name: string;
  roles: string;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  settings: string;
  created_at: number | string;
  disabled_at: number | string | null;
};

const toPerson = (r: Row): Person => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  roles: r.roles.split(',').filter(isRole),
  disabled: r.disabled_at !== null,
  hasPassword: r.password_hash !== null,
  oidc: r.oidc_issuer !== null && r.oidc_subject !== null ? { issuer: r.oidc_issuer, subject: r.oidc_subject } : null,
  settings: JSON.parse(r.settings) as PersonalSettings,
  createdAt: Number(r.created_at),
  disabledAt: r.disabled_at === null ? null : Number(r.disabled_at),
});

const emailPattern = /^[^\s@]{1,200}@[^\s@]{1,100}$/;

/** The sign-in name as stored: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!emailPattern.test(e)) throw invalidInput('invalid_email', 'a person needs an email address as their sign-in name (name@example.org)');
  return e;
}

function checkRoles(list: readonly string[]): Role[] {
  const unique = [...new Set(list)];
  if (unique.length === 0) throw invalidInput('invalid_roles', `a person needs at least one role (${allRoles.join(', ')})`);
  for (const r of unique) if (!isRole(r)) throw invalidInput('invalid_roles', `unknown role '${r}'; roles: ${allRoles.join(', ')}`);
  return unique as Role[];
}

/** The people store on `database`; `now` is injectable for tests. */
export function createPeopleStore(database: Database, now: () => number = Date.now): PeopleStore {
  const { db } = database;
  const one = async (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) => {
    const row = await where(base()).executeTakeFirst();
    return row === undefined ? undefined : toPerson(row as Row);
  };
  const base = () => db.selectFrom('people').selectAll();
  const must = async (id: string) => {
    const p = await store.get(id);
    if (p === undefined) throw notFound('person_not_found', `no person with id '${id}'`);
    return p;
  };

  const store: PeopleStore = {
    async add(input) {
      const email = normaliseEmail(input.email);
      const roles = checkRoles(input.roles);
      const displayName = (input.displayName ?? email.split('@')[0]!).trim().slice(0, 200) || email;
      if (await store.byEmail(email)) throw conflict('person_exists', `a person with the email '${email}' already exists`);
      const row: Row = {
        id: `prs_${randomBytes(8).toString('hex')}`,
        email,
        display_name: displayName,
        roles: roles.join(','),
        password_hash: input.passwordHash ?? null,
        oidc_issuer: null,
        oidc_subject: null,
        settings: '{}',
        created_at: now(),
        disabled_at: null,
      };
      try {
        await db.insertInto('people').values({ ...row, created_at: Number(row.created_at), disabled_at: null }).execute();
      } catch (e) {
        if (/unique|duplicate/i.test((e as Error).message)) throw conflict('person_exists', `a person with the email '${email}' already exists`);
        throw e;
      }
      return toPerson(row);
    },
    get: (id) => one((q) => q.where('id', '=', id)),
    byEmail: (email) => one((q) => q.where('email', '=', email.trim().toLowerCase())),
    byOidc: (issuer, subject) => one((q) => q.where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject)),
    async credentials(email) {
      const row = await base().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      return row === undefined ? undefined : { person: toPerson(row as Row), passwordHash: row.password_hash };
    },
    async list() {
      return (await base().orderBy('created_at').orderBy('email').execute()).map((r) => toPerson(r as Row));
    },
    async setRoles(id, roles) {
      const checked = checkRoles(roles);
      await must(id);
      await db.updateTable('people').set({ roles: checked.join(',') }).where('id', '=', id).execute();
      return must(id);
    },
    async setPassword(id, passwordHash) {
      await must(id);
      await db.updateTable('people').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
    async linkOidc(id, issuer, subject) {
      await must(id);
      const taken = await store.byOidc(issuer, subject);
      if (taken && taken.id !== id) throw conflict('oidc_identity_taken', 'this identity is already linked to another person');
      await db.updateTable('people').set({ oidc_issuer: issuer, oidc_subject: subject }).where('id', '=', id).execute();
    },
    async disable(id) {
      await must(id);
      const at = now();
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('people').set({ disabled_at: at }).where('id', '=', id).where('disabled_at', 'is', null).execute();
        await tx.updateTable('console_sessions').set({ revoked_at: at }).where('person_id', '=', id).where('revoked_at', 'is', null).execute();
      });
      return must(id);
    },
    async enable(id) {
      await must(id);
      await db.updateTable('people').set({ disabled_at: null }).where('id', '=', id).execute();
      return must(id);
    },
    async setSettings(id, settings) {
      await must(id);
      await db.updateTable('people').set({ settings: JSON.stringify(settings) }).where('id', '=', id).execute();
    },
    async countReveal(id, day) {
      await db
        .insertInto('exposure_counts')
        .values({ person_id: id, day, reveals: 1 })
        .onConflict((oc) => oc.columns(['person_id', 'day']).doUpdateSet({ reveals: sql<number>`exposure_counts.reveals + 1` }))
        .execute();
      return store.revealsOn(id, day);
    },
    async revealsOn(id, day) {
      const row = await db.selectFrom('exposure_counts').select('reveals').where('person_id', '=', id).where('day', '=', day).executeTakeFirst();
      return row === undefined ? 0 : Number(row.reveals);
    },
  };
  return store;
}
