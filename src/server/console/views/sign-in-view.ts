/** The sign-in page: email and password, and "sign in with your organisation" when OpenID Connect is set up. */
import { html } from 'hono/html';
import { consolePage, errorSummary, inputField, type FieldError, type Html } from '../console-html.ts';

export interface SignInView {
  formToken: string;
  next: string;
  email?: string;
  errors: FieldError[];
  oidc: boolean;
  /** A message shown above the form (e.g. "You have signed out"). */
  notice?: string;
}

export function signInView(v: SignInView): Html {
  return consolePage({
    title: 'Sign in',
    path: '/console/sign-in',
    body: html`${errorSummary(v.errors)}
<h1>Sign in</h1>
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ''}
<form method="post" action="/console/sign-in" novalidate>
<input type="hidden" name="csrf" value="${v.formToken}">
<input type="hidden" name="next" value="${v.next}">
${inputField({ id: 'email', label: 'Email address', type: 'email', value: v.email ?? '', errors: v.errors, autocomplete: 'username', extra: 'spellcheck="false" autofocus' })}
${inputField({ id: 'password', label: 'Password', type: 'password', errors: v.errors, autocomplete: 'current-password' })}
<button type="submit">Sign in</button>
</form>
${v.oidc ? html`<h2>Or</h2><p><a class="button secondary" href="/console/oidc/start">Sign in with your organisation’s account</a></p>` : ''}
<p class="muted">This console is for trained reviewers. Every sign-in, view and decision is recorded.</p>`,
  });
}

/** A page for a refusal the person can do nothing about here (no account, provider failure). */
export function refusedView(title: string, message: string): Html {
  return consolePage({ title, path: '', body: html`<h1>${title}</h1><p>${message}</p><p><a href="/console/sign-in">Back to sign in</a></p>` });
}
