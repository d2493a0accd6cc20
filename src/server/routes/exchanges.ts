/** The exchange routes: list with status, create, one exchange, fetch now, remove. */
import { z } from 'zod';
import type { BankStore } from '../../store/bank-store.ts';
import type { ExchangeRecord } from '../../store/exchange-store.ts';
import type { ExchangePushStore } from '../../store/exchange-push-store.ts';
import { exchangeParams, exchangeView, newExchangeBody, toExchangeView } from '../exchange-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

async function view(banks: BankStore, pushes: ExchangePushStore, x: ExchangeRecord) {
  const [bank] = (await banks.listBanks()).filter((b) => b.id === x.bankId);
  return toExchangeView(x, bank?.name ?? '', await pushes.counts(x.name));
}

export const exchangesList = defineRoute({
  method: 'get',
  path: '/v1/exchanges',
  access: 'banks',
  tag: 'exchanges',
  summary: 'Every exchange with its status: last success, last error, counts of the last fetch, next run.',
  responses: { 200: { description: 'The exchanges.', schema: z.object({ items: z.array(exchangeView) }) } },
  async handle({ c, deps }) {
    const exchanges = need(deps.services, 'exchanges');
    const { store } = need(deps.services, 'banks');
    const names = new Map((await store.listBanks()).map((b) => [b.id, b.name]));
    const items = [];
    for (const x of await exchanges.store.list()) items.push(toExchangeView(x, names.get(x.bankId) ?? '', await exchanges.pushes.counts(x.name)));
    return c.json({ items });
  },
});

export const exchangesCreate = defineRoute({
  method: 'post',
  path: '/v1/exchanges',
  access: 'admin',
  tag: 'exchanges',
  summary: 'Configure an exchange (an outside list fetched on a schedule into a bank); credentials are stored sealed.',
  body: newExchangeBody,
  responses: { 201: { description: 'Created; the worker fetches it on its next round.', schema: exchangeView }, 409: { description: '`exchange_exists`.' } },
  async handle({ c, deps, body }) {
    const exchanges = need(deps.services, 'exchanges');
    const x = await exchanges.create({
      name: body.name,
      kind: body.kind,
      bank: body.bank,
      settings: body.settings,
      intervalSeconds: body.intervalSeconds,
      ...(body.createBank !== undefined ? { createBank: body.createBank } : {}),
      ...(body.credentials !== undefined ? { credentials: body.credentials } : {}),
    });
    return c.json(await view(need(deps.services, 'banks').store, exchanges.pushes, x), 201);
  },
});

export const exchangesGet = defineRoute({
  method: 'get',
  path: '/v1/exchanges/:name',
  access: 'banks',
  tag: 'exchanges',
  summary: 'One exchange and its status.',
  params: exchangeParams,
  responses: { 200: { description: 'The exchange.', schema: exchangeView } },
  async handle({ c, deps, params }) {
    const exchanges = need(deps.services, 'exchanges');
    const x = await exchanges.store.require(params.name);
    return c.json(await view(need(deps.services, 'banks').store, exchanges.pushes, x));
  },
});

export const exchangesFetch = defineRoute({
  method: 'post',
  path: '/v1/exchanges/:name/fetch',
  access: 'banks',
  tag: 'exchanges',
  summary: 'Fetch an exchange now and answer with its status after the fetch (a failure is a status, not an error).',
  params: exchangeParams,
  responses: { 200: { description: 'The exchange after the fetch.', schema: exchangeView } },
  async handle({ c, deps, params }) {
    const exchanges = need(deps.services, 'exchanges');
    await exchanges.store.require(params.name);
    const x = await exchanges.runNow(params.name);
    return c.json(await view(need(deps.services, 'banks').store, exchanges.pushes, x));
  },
});

export const exchangesDelete = defineRoute({
  method: 'delete',
  path: '/v1/exchanges/:name',
  access: 'admin',
  tag: 'exchanges',
  summary: 'Stop fetching an exchange and forget its credentials (entries already fetched stay in their bank).',
  params: exchangeParams,
  responses: { 204: { description: 'Removed.' } },
  async handle({ c, deps, params }) {
    await need(deps.services, 'exchanges').store.remove(params.name);
    return c.body(null, 204);
  },
});
