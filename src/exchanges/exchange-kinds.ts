/**
 * Every exchange format Lifeguard speaks, declared once: its settings and credentials (validated with zod) and
 * how to build its client. The API's `kind` enum and docs come from this list.
 */
import { z } from 'zod';
import { computedSignalTypeNames, signalTypeNames } from '../core/signal-types.ts';
import type { ExchangeClient } from './exchange-client.ts';
import { createHttpListClient } from './http-list-client.ts';
import { createNcmecClient } from './ncmec-client.ts';
import { createStopNciiClient } from './stopncii-client.ts';
import { createThreatExchangeClient } from './threatexchange-client.ts';

const httpUrl = z.string().url().max(2000).refine((u) => /^https?:\/\//i.test(u), 'an http(s) URL');

export const exchangeKinds = {
  http_list: {
    description: 'A JSON or CSV list at a URL (fetched whole each time; pages followed).',
    settings: z.object({
      url: httpUrl,
      format: z.enum(['json', 'csv']).default('json'),
      type: z.enum(signalTypeNames).optional(),
      timeoutMs: z.number().int().min(100).max(300_000).optional(),
      /** Share confirmed hashes by POSTing them here (see http-list-client.ts). */
      pushUrl: httpUrl.optional(),
      pushTypes: z.array(z.enum(computedSignalTypeNames)).min(1).optional(),
    }),
    credentials: z.object({ bearerToken: z.string().min(1).max(4096).optional(), headers: z.record(z.string(), z.string().max(4096)).optional() }).default({}),
    create: (s: Record<string, unknown>, c: Record<string, unknown>): ExchangeClient =>
      createHttpListClient(s as unknown as Parameters<typeof createHttpListClient>[0], c as Parameters<typeof createHttpListClient>[1]),
  },
  threatexchange: {
    description: "Meta's ThreatExchange: a privacy group's /threat_updates (PDQ, MD5), incremental, with deletions; opinions as reactions; confirmed hashes shared as descriptors.",
    settings: z.object({
      privacyGroup: z.string().regex(/^\d{1,30}$/),
      baseUrl: httpUrl.optional(),
      apiVersion: z.string().regex(/^v\d+\.\d+$/).optional(),
      pageSize: z.number().int().min(1).max(5000).optional(),
      timeoutMs: z.number().int().min(100).max(300_000).optional(),
      backoffMs: z.number().int().min(0).max(60_000).optional(),
      /** Share confirmed hashes as new descriptors in the privacy group (sharing off when absent). */
      push: z
        .object({
          shareLevel: z.enum(['WHITE', 'GREEN', 'AMBER', 'RED']).default('AMBER'),
          status: z.enum(['MALICIOUS', 'SUSPICIOUS']).default('MALICIOUS'),
          /** Our app id, to find our own descriptors (default: the part of an app token before '|'). */
          appId: z.string().regex(/^\d{1,30}$/).optional(),
          types: z.array(z.enum(computedSignalTypeNames)).min(1).optional(),
        })
        .optional(),
    }),
    credentials: z.object({ accessToken: z.string().min(1).max(4096) }),
    create: (s: Record<string, unknown>, c: Record<string, unknown>): ExchangeClient =>
      createThreatExchangeClient(s as unknown as Parameters<typeof createThreatExchangeClient>[0], c as unknown as Parameters<typeof createThreatExchangeClient>[1]),
  },
  ncmec: {
    description: "NCMEC's hash sharing API (v2 entries: MD5, PDQ, PhotoDNA as opaque), incremental, with deletions.",
    settings: z.object({
      baseUrl: httpUrl.optional(),
      startAt: z.string().datetime({ offset: true }).optional(),
      timeoutMs: z.number().int().min(100).max(300_000).optional(),
      backoffMs: z.number().int().min(0).max(60_000).optional(),
    }),
    credentials: z.object({ username: z.string().min(1).max(256), password: z.string().min(1).max(1024) }),
    create: (s: Record<string, unknown>, c: Record<string, unknown>): ExchangeClient =>
      createNcmecClient(s as Parameters<typeof createNcmecClient>[0], c as unknown as Parameters<typeof createNcmecClient>[1]),
  },
  stopncii: {
    description: "StopNCII.org's FetchHashes (ImagePDQ, VideoMD5), incremental, withdrawn hashes removed; feedback sent back.",
    settings: z.object({
      baseUrl: httpUrl.optional(),
      pageSize: z.number().int().min(1).max(5000).optional(),
      timeoutMs: z.number().int().min(100).max(300_000).optional(),
      backoffMs: z.number().int().min(0).max(60_000).optional(),
    }),
    credentials: z.object({ subscriptionKey: z.string().min(1).max(1024), fetchFunctionKey: z.string().min(1).max(1024), feedbackFunctionKey: z.string().min(1).max(1024).optional() }),
    create: (s: Record<string, unknown>, c: Record<string, unknown>): ExchangeClient =>
      createStopNciiClient(s as Parameters<typeof createStopNciiClient>[0], c as unknown as Parameters<typeof createStopNciiClient>[1]),
  },
} as const;

export type ExchangeKind = keyof typeof exchangeKinds;
export const exchangeKindNames = Object.keys(exchangeKinds) as [ExchangeKind, ...ExchangeKind[]];
