/** DELETE /v1/banks/:name: remove a bank and every entry in it. */
import { z } from 'zod';
import { bankParams } from '../bank-schemas.ts';
import { bankOr404 } from '../bank-lookup.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const banksDelete = defineRoute({
  method: 'delete',
  path: '/v1/banks/:name',
  access: 'banks',
  tag: 'banks',
  summary: 'Delete a bank and its entries.',
  params: bankParams,
  responses: { 200: { description: 'Deleted.', schema: z.object({ name: z.string(), removedEntries: z.number().int() }) } },
  async handle({ c, deps, params }) {
    const banks = need(deps.services, 'banks');
    await bankOr404(banks.store, params.name);
    const r = await banks.store.removeBank(params.name);
    banks.changed();
    c.get('log').info('bank deleted', { bank: params.name, removedEntries: r.removedEntries });
    return c.json({ name: params.name, ...r });
  },
});
