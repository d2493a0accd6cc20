/** POST /v1/checks/url: may this link (or every link in this text) be shown, e.g. as a link preview? */
import { z } from 'zod';
import { listFilters, urlCheckView } from '../list-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const checksUrl = defineRoute({
  method: 'post',
  path: '/v1/checks/url',
  access: 'events',
  tag: 'checks',
  summary: 'Check a URL (or every URL in a text) against the URL lists: deny when listed; shorteners are flagged unresolvable.',
  body: z
    .object({
      url: z.string().min(1).max(4096).optional().describe('One URL as posted (obfuscated forms such as "example[.]com" are understood).'),
      text: z.string().max(20_000).optional().describe('Free text: every URL in it is checked.'),
      ...listFilters,
    })
    .refine((b) => b.url !== undefined || b.text !== undefined, { message: 'give url or text' }),
  responses: { 200: { description: 'allow or deny, with the matching list entries.', schema: urlCheckView } },
  async handle({ c, deps, body }) {
    const lists = need(deps.services, 'lists');
    const text = [body.url, body.text].filter((x) => x !== undefined).join('\n');
    const r = await lists.check(text, { only: 'url', ...(body.banks ? { banks: body.banks } : {}), ...(body.sources ? { sources: body.sources } : {}) });
    const listed = r.matches.length > 0;
    const code = listed ? 'url_listed' : r.unresolvable.length > 0 ? 'url_unresolvable' : 'allowed';
    const reason = listed
      ? `the link is on ${[...new Set(r.matches.map((m) => m.bank))].join(', ')}: do not show or preview it`
      : r.unresolvable.length > 0
        ? 'the link goes through a URL shortener; where it leads cannot be checked without following it'
        : r.urls.length === 0
          ? 'no URL found'
          : 'no URL list holds this link';
    deps.metrics.decisions.inc({ source: 'check_url', kind: listed ? 'deny' : 'allow' });
    return c.json({ allow: !listed, code, reason, ...r });
  },
});
