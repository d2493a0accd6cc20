/** Schemas of the bank routes. */
import { z } from 'zod';
import { signalTypeNames } from '../core/signal-types.ts';

export const bankParams = z.object({ name: z.string().min(1).max(64).describe('Bank name.') });

export const bankView = z
  .object({ id: z.number().int(), name: z.string(), description: z.string().nullable(), createdAt: z.string(), entries: z.number().int().optional() })
  .meta({ id: 'Bank' });

export const bankStatsView = z
  .object({
    bank: z.string().optional(),
    banks: z.number().int(),
    entries: z.number().int(),
    byType: z.record(z.string(), z.number().int()),
    byCategory: z.record(z.string(), z.number().int()),
    flaggedLowQuality: z.number().int(),
  })
  .meta({ id: 'BankStats' });

export const newEntrySchema = z.object({
  type: z.enum(signalTypeNames),
  value: z.string().trim().min(1).max(200).describe('Hex hash value (PDQ 64, MD5 32, SHA-256 64 hex digits).'),
  externalId: z.string().max(256).optional(),
  category: z.string().max(256).optional(),
  quality: z.number().int().min(0).max(100).optional().describe('PDQ quality; below 50 the entry is kept but never matched.'),
  sources: z.array(z.string().min(1).max(256)).max(20).optional(),
});

export const maxEntriesPerRequest = 10_000;
