/** POST /v1/banks/:name/entries: add entries of any signal type (duplicates merge into the stored entry). */
import { z } from 'zod';
import type { NewBankEntry } from '../../core/banks/types.ts';
import { invalidInput, isLifeguardError } from '../../core/lifeguard-error.ts';
import { signalTypeFor } from '../../core/signal-types.ts';
import { bankParams, maxEntriesPerRequest, newEntrySchema } from '../bank-schemas.ts';
import { bankOr404 } from '../bank-lookup.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const bankEntriesAdd = defineRoute({
  method: 'post',
  path: '/v1/banks/:name/entries',
  access: 'banks',
  tag: 'banks',
  summary: `Add up to ${maxEntriesPerRequest} entries in one transaction (larger lists: the import route).`,
  params: bankParams,
  body: z.object({ entries: z.array(newEntrySchema).min(1).max(maxEntriesPerRequest) }),
  responses: {
    200: {
      description: 'Counts: added, merged into existing entries, flagged low quality.',
      schema: z.object({ added: z.number().int(), merged: z.number().int(), flagged: z.number().int() }),
    },
  },
  async handle({ c, deps, params, body }) {
    const banks = need(deps.services, 'banks');
    const bank = await bankOr404(banks.store, params.name);
    const entries: NewBankEntry[] = body.entries.map((e, i) => {
      const type = signalTypeFor(e.type);
      if (type.hexLength !== undefined) {
        const hex = e.value.toLowerCase();
        if (!/^[0-9a-f]+$/.test(hex) || hex.length !== type.hexLength) {
          throw invalidInput('invalid_hash', `entries.${i}.value: a ${e.type} hash is ${type.hexLength} hex digits`, { index: i });
        }
      }
      let value: string;
      try {
        value = type.normalize(e.value);
      } catch (err) {
        const code = isLifeguardError(err) ? err.code : 'invalid_hash';
        throw invalidInput(code, `entries.${i}.value: ${isLifeguardError(err) ? err.message : 'invalid value'}`, { index: i });
      }
      return {
        signalType: e.type,
        value,
        externalId: e.externalId ?? null,
        category: e.category ?? null,
        quality: e.quality ?? null,
        ...(e.language ? { language: e.language.toLowerCase() } : {}),
        ...(e.sources ? { sources: e.sources } : {}),
      };
    });
    const result = await banks.store.addEntries(bank.id, entries);
    banks.changed();
    return c.json(result);
  },
});
