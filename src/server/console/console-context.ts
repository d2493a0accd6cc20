/**
 * What every console route needs, built once per app: the stores, cookies, form tokens, the OpenID Connect
 * client (when configured), the audit log and the clock.
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config/read-env.ts';
import type { AuditAction } from '../../core/audit/audit-entry.ts';
import type { Person } from '../../store/people-store.ts';
import { createPeopleStore, type PeopleStore } from '../../store/people-store.ts';
import type { Session } from '../../store/session-store.ts';
import { createSessionStore, type SessionStore } from '../../store/session-store.ts';
import type { AppRuntime } from '../app-deps.ts';
import type { AppEnv } from '../app-env.ts';
import { cookieJar, formTokens, type CookieJar, type FormTokens } from './console-cookies.ts';
import { createOidcSignIn, type OidcSignIn } from './oidc-sign-in.ts';

/** One audit entry as the console writes it (the hash-chained log adds seq, time and hashes). */
export interface ConsoleAuditEntry {
  actor: string;
  action: AuditAction;
  subject?: { type: string; id: string };
  detail?: Record<string, unknown>;
}

export interface ConsoleContext {
  rt: AppRuntime;
  settings: Config['console'];
  people: PeopleStore;
  sessions: SessionStore;
  jar: CookieJar;
  forms: FormTokens;
  oidc?: OidcSignIn;
  audit(entry: ConsoleAuditEntry): Promise<void>;
  now(): number;
}

/** Per-request variables of signed-in console pages. */
export interface ConsoleEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { person: Person; session: Session; sessionId: string };
}

/** Builds the console context over the app's runtime. */
export function createConsoleContext(rt: AppRuntime, audit: ConsoleContext['audit']): ConsoleContext {
  const settings = rt.config.console;
  const jar = cookieJar(settings.secureCookies);
  const secret = settings.secret !== undefined ? Buffer.from(settings.secret) : randomBytes(32);
  return {
    rt,
    settings,
    people: createPeopleStore(rt.database, rt.now),
    sessions: createSessionStore(rt.database, rt.now),
    jar,
    forms: formTokens(jar, secret),
    ...(settings.oidc ? { oidc: createOidcSignIn(settings.oidc) } : {}),
    audit,
    now: rt.now,
  };
}
