/**
 * Cookies of the console and the public report form. With secure cookies (the default) names carry the
 * `__Host-` prefix, so the browser only accepts them over HTTPS, for this host, on path `/`. Plain-http
 * names are used only when LIFEGUARD_CONSOLE_SECURE_COOKIES=false (tests and local trials on 127.0.0.1).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';

export type CookieKind = 'session' | 'oidc' | 'form';

const baseNames: Record<CookieKind, string> = { session: 'lg_session', oidc: 'lg_oidc', form: 'lg_form' };

export interface CookieJar {
  name(kind: CookieKind): string;
  get(c: Context, kind: CookieKind): string | undefined;
  /** `maxAgeSeconds` undefined: a session cookie (gone when the browser closes). */
  set(c: Context, kind: CookieKind, value: string, maxAgeSeconds?: number): void;
  clear(c: Context, kind: CookieKind): void;
}

/** Cookies as configured. Session and flow cookies are Lax (the OIDC callback is a cross-site redirect); form cookies Strict. */
export function cookieJar(secure: boolean): CookieJar {
  const name = (kind: CookieKind) => (secure ? `__Host-${baseNames[kind]}` : baseNames[kind]);
  const sameSite = (kind: CookieKind) => (kind === 'form' ? 'Strict' : 'Lax');
  return {
    name,
    get: (c, kind) => getCookie(c, name(kind)),
    set(c, kind, value, maxAgeSeconds) {
      setCookie(c, name(kind), value, {
        path: '/',
        httpOnly: true,
        secure,
        sameSite: sameSite(kind),
        ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
      });
    },
    clear(c, kind) {
      deleteCookie(c, name(kind), { path: '/', secure });
    },
  };
}

/**
 * Form tokens where there is no session yet (sign-in, the public report form): a random browser cookie and a
 * token that is its HMAC under a server key and the form's purpose ("signed double submit"). A page on another
 * site can neither read the cookie nor compute the token.
 */
export interface FormTokens {
  /** The token for this browser's form cookie (set on first use). */
  issue(c: Context, purpose: string): string;
  /** True when the submitted token matches the browser's cookie. */
  check(c: Context, purpose: string, token: unknown): boolean;
}

export function formTokens(jar: CookieJar, secret: Buffer): FormTokens {
  const mac = (cookie: string, purpose: string) => createHmac('sha256', secret).update(`${purpose}\n${cookie}`).digest('base64url');
  return {
    issue(c, purpose) {
      let cookie = jar.get(c, 'form');
      if (cookie === undefined || !/^[A-Za-z0-9_-]{43}$/.test(cookie)) {
        cookie = randomBytes(32).toString('base64url');
        jar.set(c, 'form', cookie);
      }
      return mac(cookie, purpose);
    },
    check(c, purpose, token) {
      const cookie = jar.get(c, 'form');
      if (cookie === undefined || typeof token !== 'string' || token.length !== 43) return false;
      return timingSafeEqual(Buffer.from(mac(cookie, purpose)), Buffer.from(token));
    },
  };
}

/** Constant-time equality of two strings (session CSRF tokens). */
export function sameToken(a: string, b: unknown): boolean {
  if (typeof b !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
