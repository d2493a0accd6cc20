/** The public shape of an API key (never its token or hash). */
import { z } from 'zod';
import { apiScopes } from '../store/api-key-store.ts';

export const apiKeyView = z
  .object({ id: z.string(), name: z.string(), scopes: z.array(z.enum(apiScopes)), createdAt: z.number().int(), revokedAt: z.number().int().nullable() })
  .meta({ id: 'ApiKey' });
