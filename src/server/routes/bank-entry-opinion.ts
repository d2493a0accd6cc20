/**
 * POST /v1/banks/:name/entries/:id/opinion: a reviewer's opinion on a bank entry. `false_positive` disables the
 * entry for this platform (kept, never matched; sent back to the exchange it came from where supported);
 * `true_positive` or `cleared` enables it again. Every opinion is kept (append-only).
 */
import { z } from 'zod';
import { entryOpinions } from '../../core/banks/types.ts';
import { notFound } from '../../core/lifeguard-error.ts';
import { bankOr404 } from '../bank-lookup.ts';
import { bankParams } from '../bank-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const bankEntryOpinion = defineRoute({
  method: 'post',
  path: '/v1/banks/:name/entries/:id/opinion',
  access: 'review',
  tag: 'banks',
  summary: 'Record a reviewer’s opinion on an entry: a false positive stops it matching for us without deleting it.',
  params: bankParams.extend({ id: z.string().regex(/^\d{1,12}$/).describe('Entry id.') }),
  body: z.object({ opinion: z.enum(entryOpinions), note: z.string().max(2000).optional() }),
  responses: {
    200: {
      description: 'The entry after the opinion.',
      schema: z.object({ entryId: z.number().int(), bank: z.string(), disabled: z.boolean(), sources: z.array(z.string()), opinions: z.number().int() }),
    },
  },
  async handle({ c, deps, params, body, key }) {
    const banks = need(deps.services, 'banks');
    const bank = await bankOr404(banks.store, params.name);
    const [entry] = await banks.store.getEntries([Number(params.id)]);
    if (!entry || entry.bankId !== bank.id) throw notFound('entry_not_found', `bank '${bank.name}' has no entry ${params.id}`);
    const exchange = entry.sources.find((s) => s.startsWith('exchange:'))?.slice('exchange:'.length) ?? null;
    const after = await banks.store.recordOpinion(entry.id, body.opinion, { by: key?.id ?? null, note: body.note ?? null, exchange });
    banks.changed();
    return c.json({ entryId: after.id, bank: after.bankName, disabled: after.disabled, sources: after.sources, opinions: (await banks.store.opinions(entry.id)).length });
  },
});
