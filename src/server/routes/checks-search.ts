/** POST /v1/checks/search: may this search query run? Denied, with deterrence and help, when it holds a listed term. */
import { z } from 'zod';
import { searchDeterrence } from '../../core/text-lists/search-deterrence.ts';
import { listFilters, searchCheckView } from '../list-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const checksSearch = defineRoute({
  method: 'post',
  path: '/v1/checks/search',
  access: 'events',
  tag: 'checks',
  summary: "Check a search-box query against the keyword (and URL) lists; when denied, show the deterrence text and help instead of results.",
  body: z.object({
    query: z.string().min(1).max(2000),
    country: z.string().regex(/^[A-Za-z]{2}$/).optional().describe('The searcher’s country, to pick help resources.'),
    ...listFilters,
  }),
  responses: { 200: { description: 'allow or deny, with the matching entries and deterrence text.', schema: searchCheckView } },
  async handle({ c, deps, body }) {
    const lists = need(deps.services, 'lists');
    const r = await lists.check(body.query, { ...(body.banks ? { banks: body.banks } : {}), ...(body.sources ? { sources: body.sources } : {}) });
    const listed = r.matches.length > 0;
    deps.metrics.decisions.inc({ source: 'check_search', kind: listed ? 'deny' : 'allow' });
    if (!listed) return c.json({ allow: true, code: 'allowed', reason: 'no listed term in the query', matches: [] });
    return c.json({
      allow: false,
      code: 'search_term_listed',
      reason: 'the query holds a term from a list of terms used to look for child sexual abuse material',
      matches: r.matches,
      deterrence: searchDeterrence(body.country),
    });
  },
});
