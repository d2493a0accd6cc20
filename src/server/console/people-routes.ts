/** /console/people (admins only): list, add, change roles, disable (which ends every session of theirs). Audited. */
import type { Context, Hono } from 'hono';
import { isLifeguardError } from '../../core/lifeguard-error.ts';
import { canManagePeople, canSetRoles, isRole } from '../../core/people/roles.ts';
import { generatePassword, hashPassword } from '../../crypto/password-hash.ts';
import { viewerOf } from './console-viewer.ts';
import type { ConsoleContext, ConsoleEnv } from './console-context.ts';
import { consoleHeaders, type FieldError } from './console-html.ts';
import { forbiddenPage } from './forbidden-page.ts';
import { formAll, formOf } from './require-person.ts';
import { peopleView, type PeopleView } from './views/people-view.ts';

const notices: Record<string, string> = { added: 'Person added.', roles: 'Roles saved.', disabled: 'Person disabled; their sessions have ended.' };

export function mountPeople(app: Hono<ConsoleEnv>, ctx: ConsoleContext): void {
  const page = async (c: Context<ConsoleEnv>, extra: Partial<PeopleView> = {}, status: 200 | 400 = 200) =>
    c.html(peopleView({ viewer: viewerOf(c), people: await ctx.people.list(), errors: [], ...extra }), status, consoleHeaders);
  const guard = (c: Context<ConsoleEnv>) => (canManagePeople(c.get('person')) ? undefined : forbiddenPage(c, 'Only admins manage people.'));

  app.get('/people', async (c) => guard(c) ?? page(c, notices[c.req.query('done') ?? ''] ? { notice: notices[c.req.query('done')!]! } : {}));

  app.post('/people', async (c) => {
    const denied = guard(c);
    if (denied) return denied;
    const form = await formOf(c);
    const chosen = await formAll(c, 'roles');
    const errors: FieldError[] = [];
    if (!/^[^\s@]+@[^\s@]+$/.test((form.email ?? '').trim())) errors.push({ field: 'email', message: 'Enter an email address, like name@example.org' });
    if (chosen.length === 0 || !chosen.every(isRole)) errors.push({ field: 'roles', message: 'Choose at least one role' });
    const formState = { email: form.email ?? '', name: form.name ?? '', roles: chosen };
    if (errors.length > 0) return page(c, { errors, form: formState }, 400);
    const password = form.generatePassword === 'yes' ? generatePassword() : undefined;
    try {
      const added = await ctx.people.add({
        email: form.email!,
        ...(form.name?.trim() ? { displayName: form.name.trim() } : {}),
        roles: chosen.filter(isRole),
        ...(password ? { passwordHash: await hashPassword(password) } : {}),
      });
      await ctx.audit({ actor: c.get('person').id, action: 'person_added', subject: { type: 'person', id: added.id }, detail: { roles: added.roles, password: password !== undefined } });
      // The generated password exists only in this response (never stored in clear, never in a URL).
      if (password) return page(c, { notice: notices.added!, generated: { email: added.email, password } });
      return c.redirect('/console/people?done=added', 303);
    } catch (e) {
      if (isLifeguardError(e) && e.status < 500) return page(c, { errors: [{ field: 'email', message: e.message }], form: formState }, 400);
      throw e;
    }
  });

  app.post('/people/:id/roles', async (c) => {
    const denied = guard(c);
    if (denied) return denied;
    const id = c.req.param('id');
    const chosen = (await formAll(c, 'roles')).filter(isRole);
    const target = await ctx.people.get(id);
    if (target === undefined) return c.text('No such person', 404, consoleHeaders);
    if (chosen.length === 0) return page(c, { errors: [{ field: `roles-${id}-0`, message: `Choose at least one role for ${target.displayName}` }] }, 400);
    const allowed = canSetRoles(c.get('person'), id, chosen);
    if (!allowed.allowed) return page(c, { errors: [{ field: `roles-${id}-0`, message: allowed.reason }] }, 400);
    await ctx.people.setRoles(id, chosen);
    await ctx.audit({ actor: c.get('person').id, action: 'role_changed', subject: { type: 'person', id }, detail: { from: target.roles, to: chosen } });
    return c.redirect('/console/people?done=roles', 303);
  });

  app.post('/people/:id/disable', async (c) => {
    const denied = guard(c);
    if (denied) return denied;
    const id = c.req.param('id');
    if (id === c.get('person').id) return page(c, { errors: [{ field: 'add', message: 'You cannot disable yourself (another admin can).' }] }, 400);
    const target = await ctx.people.get(id);
    if (target === undefined) return c.text('No such person', 404, consoleHeaders);
    await ctx.people.disable(id);
    await ctx.audit({ actor: c.get('person').id, action: 'person_disabled', subject: { type: 'person', id } });
    return c.redirect('/console/people?done=disabled', 303);
  });
}
