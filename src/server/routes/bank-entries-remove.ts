/** DELETE /v1/banks/:name/entries/:entryId: remove one entry. */
import { z } from 'zod';
import { bankParams } from '../bank-schemas.ts';
import { bankOr404 } from '../bank-lookup.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';
import { unknownId } from '../unknown-id.ts';

export const bankEntriesRemove = defineRoute({
  method: 'delete',
  path: '/v1/banks/:name/entries/:entryId',
  access: 'banks',
  tag: 'banks',
  summary: 'Remove one entry from a bank.',
  params: bankParams.extend({ entryId: z.string().regex(/^\d{1,15}$/, 'an entry id is a positive integer').transform(Number) }),
  responses: { 200: { description: 'Removed.', schema: z.object({ removed: z.literal(1) }) } },
  async handle({ c, deps, params }) {
    const banks = need(deps.services, 'banks');
    const bank = await bankOr404(banks.store, params.name);
    const removed = await banks.store.removeEntries(bank.id, [params.entryId]);
    if (removed === 0) throw unknownId(`entry in bank '${bank.name}'`, String(params.entryId));
    banks.changed();
    return c.json({ removed: 1 as const });
  },
});
