/** /console/settings: a person's wellbeing settings (clamped to the organisation's limits). Audited. */
import type { Context, Hono } from 'hono';
import { effectiveSettings, utcDay, type PersonalSettings } from '../../core/people/wellbeing.ts';
import { viewerOf } from './console-viewer.ts';
import type { ConsoleContext, ConsoleEnv } from './console-context.ts';
import { consoleHeaders, type FieldError } from './console-html.ts';
import { formOf } from './require-person.ts';
import { settingsView } from './views/settings-view.ts';

export function mountSettings(app: Hono<ConsoleEnv>, ctx: ConsoleContext): void {
  const limits = ctx.settings.wellbeing;
  const page = async (c: Context<ConsoleEnv>, extra: { errors?: FieldError[]; notice?: string } = {}, status: 200 | 400 = 200) => {
    const p = c.get('person');
    const fresh = (await ctx.people.get(p.id)) ?? p;
    return c.html(
      settingsView({ viewer: viewerOf(c), limits, effective: effectiveSettings(limits, fresh.settings), revealsToday: await ctx.people.revealsOn(p.id, utcDay(ctx.now())), errors: extra.errors ?? [], ...(extra.notice ? { notice: extra.notice } : {}) }),
      status,
      consoleHeaders,
    );
  };

  app.get('/settings', (c) => page(c, c.req.query('saved') !== undefined ? { notice: 'Settings saved.' } : {}));

  app.post('/settings', async (c) => {
    const form = await formOf(c);
    const errors: FieldError[] = [];
    const num = (field: 'revealSeconds' | 'dailyRevealCap' | 'breakEvery', min: number, max: number, words: string) => {
      const n = Number(form[field]);
      if (!Number.isInteger(n) || n < min || n > max) {
        errors.push({ field, message: `${words} must be a whole number from ${min} to ${max}` });
        return undefined;
      }
      return n;
    };
    const revealSeconds = num('revealSeconds', 1, limits.maxRevealSeconds, 'Seconds visible');
    const dailyRevealCap = num('dailyRevealCap', 0, limits.dailyRevealCap, 'Reveals a day');
    const breakEvery = num('breakEvery', 1, limits.breakEvery, 'Break after');
    if (errors.length > 0) return page(c, { errors }, 400);
    const settings: PersonalSettings = { revealSeconds: revealSeconds!, dailyRevealCap: dailyRevealCap!, breakEvery: breakEvery!, greyscale: limits.forceGreyscale || form.greyscale === 'yes' };
    await ctx.people.setSettings(c.get('person').id, settings);
    await ctx.audit({ actor: c.get('person').id, action: 'settings_changed', subject: { type: 'person', id: c.get('person').id }, detail: { ...settings } });
    return c.redirect('/console/settings?saved', 303);
  });
}
