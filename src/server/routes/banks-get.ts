/** GET /v1/banks/:name: one bank with its statistics. */
import { bankParams, bankStatsView, bankView } from '../bank-schemas.ts';
import { bankOr404 } from '../bank-lookup.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const banksGet = defineRoute({
  method: 'get',
  path: '/v1/banks/:name',
  access: 'banks',
  tag: 'banks',
  summary: 'A bank and its statistics.',
  params: bankParams,
  responses: { 200: { description: 'The bank.', schema: bankView.extend({ stats: bankStatsView }) } },
  async handle({ c, deps, params }) {
    const { store } = need(deps.services, 'banks');
    const bank = await bankOr404(store, params.name);
    return c.json({ ...bank, stats: await store.stats(bank.name) });
  },
});
