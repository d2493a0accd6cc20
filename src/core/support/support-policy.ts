/** The supportive-information part of the policy file: extra resources per country and message overrides. */
import { z } from 'zod';
import { resourceAudiences, resourceKinds } from './help-resources.ts';
import { readerGroups, supportTopics } from './support-messages.ts';

const resourceSchema = z.strictObject({
  name: z.string().min(1).max(200),
  contact: z.string().min(1).max(200),
  url: z.url().optional(),
  audience: z.enum(resourceAudiences).default('all'),
  kind: z.enum(resourceKinds).default('helpline'),
});

const countryKey = z.string().regex(/^([A-Z]{2}|international)$/, 'a country is an upper-case ISO 3166 alpha-2 code or "international"');

export const supportPolicySchema = z.strictObject({
  /** Country used when an account carries none. */
  defaultCountry: countryKey.default('international'),
  /** Resources per country, listed before the built-in ones; an entry with a built-in's name replaces it. */
  resources: z.record(countryKey, z.array(resourceSchema).max(50)).default({}),
  /** Replacement message texts per topic and reader group ({helpline} is filled in). */
  messages: z.partialRecord(z.enum(supportTopics), z.partialRecord(z.enum(readerGroups), z.string().min(1).max(2000))).default({}),
});
export type SupportPolicy = z.infer<typeof supportPolicySchema>;
