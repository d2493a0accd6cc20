/** Schemas of the list checks (POST /v1/checks/url, /v1/checks/search). */
import { z } from 'zod';

export const listFilters = {
  banks: z.array(z.string().min(1).max(200)).max(100).optional().describe('Only these banks (default: every bank).'),
  sources: z.array(z.string().min(1).max(256)).max(20).optional().describe('Only entries from one of these sources (e.g. `exchange:iwf`).'),
};

export const listMatchView = z
  .object({
    bank: z.string(),
    entryId: z.number().int(),
    signalType: z.enum(['url', 'keyword']),
    value: z.string().describe('The listed value (canonical URL pattern, `alg:hex` of a hashed URL list, or normalised term).'),
    externalId: z.string().nullable(),
    category: z.string().nullable(),
    sources: z.array(z.string()),
    language: z.string().nullable(),
    found: z.string().describe('What the text said: the URL as found, or the matched words.'),
    obfuscated: z.boolean().optional().describe('The URL was disguised ("example[.]com", "hxxp", spaced dots).'),
  })
  .meta({ id: 'ListMatch' });

export const urlCheckView = z
  .object({
    allow: z.boolean(),
    code: z.enum(['allowed', 'url_listed', 'url_unresolvable']).describe('`url_unresolvable`: a URL shortener; allowed, but where it leads cannot be checked.'),
    reason: z.string(),
    matches: z.array(listMatchView),
    urls: z.array(z.string()).describe('Every URL found, in canonical form.'),
    unresolvable: z.array(z.string()).describe('URLs through a shortener, as found.'),
  })
  .meta({ id: 'UrlCheck' });

export const searchCheckView = z
  .object({
    allow: z.boolean(),
    code: z.enum(['allowed', 'search_term_listed']),
    reason: z.string(),
    matches: z.array(listMatchView),
    deterrence: z
      .object({ message: z.string(), resources: z.array(z.object({ name: z.string(), contact: z.string(), url: z.string() })) })
      .optional()
      .describe('Show this instead of results when the search is denied.'),
  })
  .meta({ id: 'SearchCheck' });
