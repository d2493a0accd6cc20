/** The people page (admins): everyone with roles and state, a form to add a person, role changes, disabling. */
import { html, raw } from 'hono/html';
import { roleDescriptions, roles } from '../../../core/people/roles.ts';
import type { Person } from '../../../store/people-store.ts';
import { consolePage, csrfField, errorSummary, inputField, when, type FieldError, type Html, type Viewer } from '../console-html.ts';

export interface PeopleView {
  viewer: Viewer;
  people: Person[];
  errors: FieldError[];
  form?: { email?: string; name?: string; roles?: string[] };
  notice?: string;
  /** A generated password to show once. */
  generated?: { email: string; password: string };
}

const roleChecks = (name: string, idPrefix: string, checked: readonly string[]) =>
  roles.map((r, i) => html`<label for="${idPrefix}-${i}"><input type="checkbox" id="${idPrefix}-${i}" name="${name}" value="${r}"${checked.includes(r) ? raw(' checked') : ''}> ${r.replace(/_/g, ' ')}</label>`);

export function peopleView(v: PeopleView): Html {
  const csrf = v.viewer.csrf;
  return consolePage({
    title: 'People',
    path: '/console/people',
    viewer: v.viewer,
    body: html`${errorSummary(v.errors)}
<h1>People</h1>
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ''}
${
  v.generated
    ? html`<div class="notice warn" role="status"><p><strong>Password for ${v.generated.email}</strong>, shown only now. Give it to them in person or by a secure channel:</p><p class="mono" id="generated-password">${v.generated.password}</p></div>`
    : ''
}
<table>
<caption class="skip">Everyone who can sign in to the console</caption>
<thead><tr><th scope="col">Person</th><th scope="col">Roles</th><th scope="col">Sign-in</th><th scope="col">State</th><th scope="col">Change</th></tr></thead>
<tbody>
${v.people.map(
  (p) => html`<tr>
<td><strong>${p.displayName}</strong><br><span class="muted">${p.email}</span></td>
<td>${p.roles.join(', ').replace(/_/g, ' ')}</td>
<td>${[p.hasPassword ? 'password' : '', p.oidc ? 'organisation account' : ''].filter(Boolean).join(', ') || 'none yet'}</td>
<td>${p.disabled ? html`<span class="tag overdue">disabled</span> ${when(p.disabledAt!)}` : html`<span class="tag ok">active</span>`}</td>
<td>
<details><summary>Roles</summary>
<form method="post" action="/console/people/${p.id}/roles">${csrfField(csrf)}<fieldset class="checks"><legend class="skip">Roles of ${p.displayName}</legend>${roleChecks('roles', `roles-${p.id}`, p.roles)}</fieldset><button type="submit" class="secondary">Save roles</button></form>
</details>
${p.disabled ? '' : html`<form method="post" action="/console/people/${p.id}/disable" class="inline">${csrfField(csrf)}<button type="submit" class="warning">Disable and sign out</button></form>`}
</td>
</tr>`,
)}
</tbody>
</table>
<h2 id="add">Add a person</h2>
<form method="post" action="/console/people" novalidate>
${csrfField(csrf)}
${inputField({ id: 'email', label: 'Email address (their sign-in name)', type: 'email', value: v.form?.email ?? '', errors: v.errors, extra: 'spellcheck="false"' })}
${inputField({ id: 'name', label: 'Name', value: v.form?.name ?? '', errors: v.errors })}
<fieldset class="field checks${v.errors.some((e) => e.field === 'roles') ? ' has-error' : ''}" id="roles"><legend>Roles</legend>
${v.errors.some((e) => e.field === 'roles') ? html`<p class="error">${v.errors.find((e) => e.field === 'roles')!.message}</p>` : ''}
${roles.map((r, i) => html`<label for="new-role-${i}"><input type="checkbox" id="new-role-${i}" name="roles" value="${r}"${(v.form?.roles ?? []).includes(r) ? raw(' checked') : ''}> <span><strong>${r.replace(/_/g, ' ')}</strong> — ${roleDescriptions[r]}</span></label>`)}
</fieldset>
<div class="field checks"><label for="password-generate"><input type="checkbox" id="password-generate" name="generatePassword" value="yes" checked> Generate a password (shown once); leave unticked for organisation sign-in only</label></div>
<button type="submit">Add person</button>
</form>`,
  });
}
