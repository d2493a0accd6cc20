/**
 * Sign-in and sign-out: local accounts (scrypt password, rate-limited per account and per address) and
 * OpenID Connect (code + PKCE, state, nonce). An OIDC identity maps to an existing person by issuer and
 * subject, else by verified email (then linked); a new person is created only when auto-provisioning is on.
 */
import type { Context, Hono } from 'hono';
import { isLifeguardError } from '../../core/lifeguard-error.ts';
import { verifyPassword } from '../../crypto/password-hash.ts';
import type { Person } from '../../store/people-store.ts';
import { clientAddress } from './client-address.ts';
import type { ConsoleContext, ConsoleEnv } from './console-context.ts';
import { consoleHeaders, type FieldError } from './console-html.ts';
import { boundedForm, formOf, requirePerson, safeNext } from './require-person.ts';
import { refusedView, signInView } from './views/sign-in-view.ts';

const windowMs = 15 * 60_000;

export function mountSignIn(app: Hono<ConsoleEnv>, ctx: ConsoleContext): void {
  const page = (c: Context<ConsoleEnv>, v: { next: string; email?: string; errors: FieldError[]; notice?: string }, status: 200 | 400 | 429 = 200) =>
    c.html(signInView({ ...v, formToken: ctx.forms.issue(c, 'sign-in'), oidc: ctx.oidc !== undefined }), status, consoleHeaders);

  app.get('/sign-in', (c) => page(c, { next: safeNext(c.req.query('next')), errors: [], ...(c.req.query('signed-out') !== undefined ? { notice: 'You have signed out.' } : {}) }));

  app.post('/sign-in', async (c) => {
    const bad = await boundedForm(c);
    if (bad) return bad;
    const form = await formOf(c);
    const next = safeNext(form.next);
    const email = (form.email ?? '').trim().slice(0, 320);
    const password = form.password ?? '';
    if (!ctx.forms.check(c, 'sign-in', form.csrf)) return page(c, { next, email, errors: [{ field: 'email', message: 'The sign-in form expired. Please try again.' }] }, 400);
    const errors: FieldError[] = [];
    if (email === '') errors.push({ field: 'email', message: 'Enter your email address' });
    if (password === '') errors.push({ field: 'password', message: 'Enter your password' });
    if (errors.length > 0) return page(c, { next, email, errors }, 400);

    const address = clientAddress(c);
    const since = ctx.now() - windowMs;
    const max = ctx.settings.loginMaxFailures;
    const [byAccount, byAddress] = await Promise.all([ctx.sessions.failuresSince('account', email, since), ctx.sessions.failuresSince('address', address, since)]);
    if (byAccount >= max || byAddress >= max * 4) {
      await ctx.audit({ actor: 'anonymous', action: 'sign_in_failed', detail: { email: email.toLowerCase(), address, reason: 'rate_limited' } });
      c.header('retry-after', String(windowMs / 1000));
      return page(c, { next, email, errors: [{ field: 'email', message: 'Too many failed sign-ins. Wait 15 minutes, then try again.' }] }, 429);
    }
    const found = await ctx.people.credentials(email);
    const ok = (await verifyPassword(password, found?.passwordHash ?? null)) && found !== undefined && !found.person.disabled;
    await ctx.sessions.recordAttempt({ account: email, address, success: ok });
    if (!ok || found === undefined) {
      await ctx.audit({ actor: found?.person.id ?? 'anonymous', action: 'sign_in_failed', detail: { email: email.toLowerCase(), address, reason: found?.person.disabled ? 'disabled' : 'bad_credentials' } });
      return page(c, { next, email, errors: [{ field: 'email', message: 'The email address or password is not right' }] }, 400);
    }
    await openSession(c, found.person, 'password', address);
    return c.redirect(next, 303);
  });

  async function openSession(c: Context<ConsoleEnv>, person: Person, method: 'password' | 'oidc', address: string): Promise<void> {
    const { id } = await ctx.sessions.open({ personId: person.id, method, address, ttlMs: ctx.settings.sessionMinutes * 60_000 });
    ctx.jar.set(c, 'session', id, ctx.settings.sessionMinutes * 60);
    await ctx.audit({ actor: person.id, action: 'sign_in', subject: { type: 'person', id: person.id }, detail: { method, address } });
  }

  app.post('/sign-out', requirePerson(ctx), async (c) => {
    await ctx.sessions.revoke(c.get('sessionId'));
    ctx.jar.clear(c, 'session');
    await ctx.audit({ actor: c.get('person').id, action: 'sign_out', subject: { type: 'person', id: c.get('person').id } });
    return c.redirect('/console/sign-in?signed-out', 303);
  });

  app.get('/oidc/start', async (c) => {
    if (!ctx.oidc) return c.html(refusedView('Not available', 'Sign-in with an organisation account is not set up on this service.'), 404, consoleHeaders);
    try {
      const { flow, url } = await ctx.oidc.start();
      const id = await ctx.sessions.startFlow(flow, 10 * 60_000);
      ctx.jar.set(c, 'oidc', id, 600);
      return c.redirect(url, 302);
    } catch (e) {
      if (isLifeguardError(e)) return c.html(refusedView('Sign-in unavailable', 'The organisation’s sign-in service cannot be reached. Try again later, or sign in with a password.'), 503, consoleHeaders);
      throw e;
    }
  });

  app.get('/oidc/callback', async (c) => {
    if (!ctx.oidc) return c.html(refusedView('Not available', 'Sign-in with an organisation account is not set up on this service.'), 404, consoleHeaders);
    const flowId = ctx.jar.get(c, 'oidc');
    ctx.jar.clear(c, 'oidc');
    const flow = flowId === undefined ? undefined : await ctx.sessions.takeFlow(flowId);
    if (flow === undefined) return c.html(refusedView('Sign-in expired', 'This sign-in took too long or was already used. Start again.'), 400, consoleHeaders);
    const address = clientAddress(c);
    let identity;
    try {
      identity = await ctx.oidc.finish(new URL(c.req.url), flow);
    } catch (e) {
      if (!isLifeguardError(e)) throw e;
      await ctx.audit({ actor: 'anonymous', action: 'sign_in_failed', detail: { method: 'oidc', address, reason: e.code } });
      return c.html(refusedView('Sign-in failed', 'The organisation’s sign-in service did not confirm who you are. Start again.'), 401, consoleHeaders);
    }
    let person = await ctx.people.byOidc(identity.issuer, identity.subject);
    if (person === undefined && identity.email !== undefined && identity.emailVerified !== false) {
      const byEmail = await ctx.people.byEmail(identity.email);
      if (byEmail !== undefined && byEmail.oidc === null) {
        await ctx.people.linkOidc(byEmail.id, identity.issuer, identity.subject);
        person = byEmail;
      } else if (byEmail === undefined && ctx.settings.oidc?.autoProvision) {
        person = await ctx.people.add({ email: identity.email, ...(identity.name ? { displayName: identity.name } : {}), roles: ['reviewer'] });
        await ctx.people.linkOidc(person.id, identity.issuer, identity.subject);
        await ctx.audit({ actor: 'system', action: 'person_added', subject: { type: 'person', id: person.id }, detail: { roles: ['reviewer'], via: 'oidc_auto_provision' } });
      }
    }
    if (person === undefined || person.disabled) {
      await ctx.audit({ actor: person?.id ?? 'anonymous', action: 'sign_in_failed', detail: { method: 'oidc', address, reason: person ? 'disabled' : 'no_person', email: identity.email ?? null } });
      return c.html(refusedView('No console account', 'Your organisation account is not linked to a Lifeguard console account. Ask an administrator to add you.'), 403, consoleHeaders);
    }
    await openSession(c, person, 'oidc', address);
    return c.redirect('/console', 303);
  });
}
