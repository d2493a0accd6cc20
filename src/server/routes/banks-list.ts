/** GET /v1/banks: every bank with its entry count. */
import { z } from 'zod';
import { bankStatsView, bankView } from '../bank-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const banksList = defineRoute({
  method: 'get',
  path: '/v1/banks',
  access: 'banks',
  tag: 'banks',
  summary: 'List banks with their entry counts, and totals over all banks.',
  responses: { 200: { description: 'Banks by name.', schema: z.object({ items: z.array(bankView), totals: bankStatsView }) } },
  async handle({ c, deps }) {
    const { store } = need(deps.services, 'banks');
    const [items, totals] = await Promise.all([store.listBanks(), store.stats()]);
    return c.json({ items, totals });
  },
});
