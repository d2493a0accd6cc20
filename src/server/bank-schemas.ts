/** Schemas of the bank routes. */
import { z } from 'zod';
import { signalTypeNames, signalTypes } from '../core/signal-types.ts';

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
  value: z
    .string()
    .trim()
    .min(1)
    .max(4096)
    .describe(`The value, by type: ${signalTypeNames.map((t) => `${t}: ${signalTypes[t].valueFormat}`).join('; ')}.`),
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).optional().describe('Language of a keyword term (BCP 47).'),
  externalId: z.string().max(256).optional(),
  category: z.string().max(256).optional(),
  quality: z.number().int().min(0).max(100).optional().describe('PDQ quality; below 50 the entry is kept but never matched.'),
  sources: z.array(z.string().min(1).max(256)).max(20).optional(),
});

export const maxEntriesPerRequest = 10_000;
