/** POST /v1/banks: create a bank of known content. */
import { z } from 'zod';
import { bankView } from '../bank-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const banksCreate = defineRoute({
  method: 'post',
  path: '/v1/banks',
  access: 'banks',
  tag: 'banks',
  summary: 'Create a bank (a named set of known-content hashes).',
  body: z.object({
    name: z.string().min(1).max(64).describe("1–64 letters, digits, '.', '_' or '-'."),
    description: z.string().max(1000).optional(),
  }),
  responses: { 201: { description: 'Created.', schema: bankView }, 409: { description: 'A bank with this name exists (`bank_exists`).' } },
  async handle({ c, deps, body }) {
    const bank = await need(deps.services, 'banks').store.createBank(body.name, body.description ?? null);
    return c.json(bank, 201);
  },
});
