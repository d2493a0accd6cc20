/**
 * GET /help and GET /help/:country: the public help page (the one page meant for people, not platforms).
 * Public on purpose: it reads no data and accepts only a country and an age, and a bad value of either
 * falls back (to the international page, to wording for anyone) instead of failing.
 */
import { z } from 'zod';
import { helpReaderFor } from '../../core/support/help-page-content.ts';
import { INTERNATIONAL } from '../../core/support/help-resources.ts';
import { supportPolicySchema } from '../../core/support/support-policy.ts';
import { helpPageHeaders, helpPageHtml } from '../pages/help-page.ts';
import { defineRoute, type RouteInput } from '../route.ts';

/** Used when the service was built without the policy's support section (e.g. tests with stub services). */
const builtInSupport = supportPolicySchema.parse({});

const query = z.object({
  age: z
    .string()
    .regex(/^(under13|13-15|16-17|adult|unknown|child|teen|any|\d{1,3})$/)
    .optional()
    .catch(undefined)
    .describe('Wording: an age tier (`under13`, `13-15`, `16-17`, `adult`), `child`/`teen`/`adult`, or whole years. Anything else: wording for anyone.'),
});
const params = z.object({
  country: z
    .string()
    .regex(/^([A-Za-z]{2}|international)$/)
    .catch(INTERNATIONAL)
    .describe('ISO 3166 alpha-2 code (`GB`, `US`; `UK` works too). Unknown or malformed: the international page.'),
});

const responses = { 200: { description: 'The help page (HTML, no script, no external assets).', contentType: 'text/html; charset=utf-8' } };
const description = 'Emergency number, helplines, where to report, and that it is never the child’s fault, worded for the reader’s age. Never 400: bad values fall back.';

function render({ c, deps, query: q }: Pick<RouteInput<undefined, typeof query, undefined>, 'c' | 'deps' | 'query'>, country: string | undefined): Response {
  const policy = deps.services.support?.policy ?? builtInSupport;
  return c.body(helpPageHtml(policy, country, helpReaderFor(q.age)), 200, { ...helpPageHeaders });
}

export const helpPage = defineRoute({
  method: 'get',
  path: '/help',
  access: 'public',
  tag: 'help',
  summary: 'Public help page for the default country (policy `support.defaultCountry`).',
  description,
  query,
  responses,
  handle: (input) => render(input, undefined),
});

export const helpPageCountry = defineRoute({
  method: 'get',
  path: '/help/:country',
  access: 'public',
  tag: 'help',
  summary: 'Public help page for a country.',
  description,
  params,
  query,
  responses,
  handle: (input) => render(input, input.params.country),
});
