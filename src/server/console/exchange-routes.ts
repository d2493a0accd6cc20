/**
 * /console/exchanges: status of every exchange for those who read statistics (supervisors, auditors, admins);
 * admins may fetch one now (POST, CSRF-checked by requirePerson, audited). A fetch is a status, never an error.
 */
import type { Context, Hono } from 'hono';
import { canReadStatistics } from '../../core/people/roles.ts';
import { createExchangePushStore } from '../../store/exchange-push-store.ts';
import type { ConsoleContext, ConsoleEnv } from './console-context.ts';
import { consoleHeaders } from './console-html.ts';
import { viewerOf } from './console-viewer.ts';
import { forbiddenPage } from './forbidden-page.ts';
import { exchangesView, type ExchangeCard } from './views/exchanges-view.ts';

export function mountExchanges(app: Hono<ConsoleEnv>, ctx: ConsoleContext): void {
  const pushes = createExchangePushStore(ctx.rt.database);
  const isAdmin = (c: Context<ConsoleEnv>) => c.get('person').roles.includes('admin');

  const show = async (c: Context<ConsoleEnv>, notice?: string) => {
    if (!canReadStatistics(c.get('person'))) return forbiddenPage(c, 'Your roles do not include exchange status.');
    const svc = ctx.rt.services.exchanges;
    const banks = ctx.rt.services.banks;
    if (!svc || !banks) return c.text('Exchanges are not available in this build of the service.', 503, consoleHeaders);
    const names = new Map((await banks.store.listBanks()).map((b) => [b.id, b.name]));
    const cards: ExchangeCard[] = [];
    for (const x of await svc.store.list()) {
      cards.push({ name: x.name, kind: x.kind, bank: names.get(x.bankId) ?? '?', enabled: x.enabled, status: x.status, lastSuccessAt: x.lastSuccessAt, lastAttemptAt: x.lastAttemptAt, lastError: x.lastError, consecutiveFailures: x.consecutiveFailures, counts: x.counts, nextRunAt: x.nextRunAt, shares: await pushes.counts(x.name) });
    }
    return c.html(exchangesView({ viewer: viewerOf(c), exchanges: cards, canFetch: isAdmin(c), ...(notice ? { notice } : {}) }), 200, consoleHeaders);
  };

  app.get('/exchanges', (c) => {
    const done = c.req.query('fetched');
    const failed = c.req.query('failed');
    const ok = (s: string | undefined) => s !== undefined && /^[a-z0-9][a-z0-9._-]{0,63}$/.test(s);
    return show(c, ok(done) ? `Fetched ${done}.` : ok(failed) ? `The fetch of ${failed} failed; its last error is shown below. Matching goes on with what it fetched before.` : undefined);
  });

  app.post('/exchanges/:name/fetch', async (c) => {
    if (!isAdmin(c)) return forbiddenPage(c, 'Only admins fetch an exchange now.');
    const svc = ctx.rt.services.exchanges;
    if (!svc) return c.text('Exchanges are not available in this build of the service.', 503, consoleHeaders);
    const name = c.req.param('name');
    if ((await svc.store.get(name)) === undefined) return c.text('No such exchange', 404, consoleHeaders);
    await ctx.audit({ actor: c.get('person').id, action: 'exchange_fetch_requested', detail: { exchange: name, via: 'console' } });
    const after = await svc.runNow(name);
    return c.redirect(`/console/exchanges?${after.status === 'ok' ? 'fetched' : 'failed'}=${encodeURIComponent(name)}`, 303);
  });
}
