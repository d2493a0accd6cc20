/** Schemas of the exchange routes. Credentials are write-only: no response ever carries them. */
import { z } from 'zod';
import { exchangeKindNames, exchangeKinds } from '../exchanges/exchange-kinds.ts';
import type { ExchangeRecord } from '../store/exchange-store.ts';

export const exchangeParams = z.object({ name: z.string().min(1).max(64) });

export const exchangeView = z
  .object({
    name: z.string(),
    kind: z.enum(exchangeKindNames),
    bank: z.string(),
    source: z.string().describe('The source its entries carry (filter matches with it).'),
    settings: z.record(z.string(), z.unknown()),
    hasCredentials: z.boolean(),
    enabled: z.boolean(),
    intervalSeconds: z.number().int(),
    status: z.enum(['idle', 'running', 'ok', 'failed']),
    lastAttemptAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable(),
    consecutiveFailures: z.number().int(),
    counts: z.object({ fetched: z.number().int().optional(), added: z.number().int().optional(), removed: z.number().int().optional(), invalid: z.number().int().optional(), total: z.number().int().optional() }),
    nextRunAt: z.string().nullable(),
    createdAt: z.string(),
    shares: z.record(z.string(), z.number().int()).optional().describe('Confirmed hashes shared with it, by state: pending, sending, sent, failed, cancelled.'),
  })
  .meta({ id: 'Exchange' });

export const newExchangeBody = z.object({
  name: z.string().min(1).max(64),
  kind: z.enum(exchangeKindNames).describe(exchangeKindNames.map((k) => `\`${k}\`: ${exchangeKinds[k].description}`).join(' ')),
  bank: z.string().min(1).max(64).describe('The bank its entries go to.'),
  createBank: z.boolean().optional(),
  settings: z.record(z.string(), z.unknown()).describe('Per kind: http_list {url, format json|csv, type?, pushUrl?, pushTypes?}; threatexchange {privacyGroup, baseUrl?, apiVersion?, pageSize?, push?: {shareLevel?, status?, appId?, types?}} (push/pushUrl: share confirmed hashes).'),
  credentials: z.record(z.string(), z.unknown()).optional().describe('Per kind: http_list {bearerToken?, headers?}; threatexchange {accessToken}. Stored sealed (AES-256-GCM); never returned.'),
  intervalSeconds: z.number().int().min(60).max(7 * 86_400).default(3600),
});

/** The API view of an exchange. */
export const toExchangeView = (x: ExchangeRecord, bankName: string, shares?: Partial<Record<string, number>>) => ({
  name: x.name,
  kind: x.kind,
  bank: bankName,
  source: `exchange:${x.name}`,
  settings: x.settings,
  hasCredentials: x.hasCredentials,
  enabled: x.enabled,
  intervalSeconds: x.intervalSeconds,
  status: x.status,
  lastAttemptAt: x.lastAttemptAt,
  lastSuccessAt: x.lastSuccessAt,
  lastError: x.lastError,
  consecutiveFailures: x.consecutiveFailures,
  counts: x.counts,
  nextRunAt: x.nextRunAt,
  createdAt: x.createdAt,
  ...(shares !== undefined ? { shares: shares as Record<string, number> } : {}),
});
