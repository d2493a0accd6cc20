/**
 * POST /v1/age/token/nonce: a nonce for one age-token presentation by one account — single use, valid for the
 * policy's `ageTokens.nonceTtlSeconds`, stored (as a hash) in the database. The wallet binds its presentation
 * to it: in the key-binding JWT (SD-JWT VC) or in the session transcript the device signs (mdoc).
 */
import { z } from 'zod';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const ageTokenNonce = defineRoute({
  method: 'post',
  path: '/v1/age/token/nonce',
  access: 'age:verify',
  tag: 'age',
  summary: 'A single-use nonce for one age-token presentation (SD-JWT VC or mdoc) by an account.',
  body: z.object({ accountId: z.string().min(1).max(200) }),
  responses: {
    201: {
      description: 'The nonce, when it expires, and the audience and response URI the presentation must be bound to.',
      schema: z.object({
        accountId: z.string(),
        nonce: z.string(),
        expiresAt: z.number().describe('Epoch ms.'),
        audience: z.string().describe('The `aud` of the key-binding JWT (SD-JWT VC); the client_id in the mdoc session transcript.'),
        responseUri: z.string().describe('The response_uri in the mdoc session transcript.'),
      }),
    },
  },
  async handle({ c, deps, body }) {
    const n = await need(deps.services, 'ageTokens').issueNonce(body.accountId);
    return c.json({ accountId: body.accountId, ...n }, 201);
  },
});
