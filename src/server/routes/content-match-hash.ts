/** POST /v1/content/match-hash: match one hash value (pdq, md5 or sha256) against the banks; nothing is stored. */
import { decideContent } from '../content-decision.ts';
import { contentDecisionView, matchHashBody } from '../content-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const contentMatchHash = defineRoute({
  method: 'post',
  path: '/v1/content/match-hash',
  access: 'content',
  tag: 'content',
  summary: 'Match a hash value computed by the platform (filter by bank and source); returns the decision with each match’s bank, entry, distance and sources.',
  body: matchHashBody,
  responses: { 200: { description: 'Decision, reasons and matches.', schema: contentDecisionView } },
  async handle({ c, deps, body }) {
    const matching = need(deps.services, 'matching');
    const matches = await matching.matchHashes({ [body.type]: body.value }, { ...(body.banks ? { banks: body.banks } : {}), ...(body.sources ? { sources: body.sources } : {}) });
    const { decision, reasons } = decideContent(matches);
    deps.metrics.decisions.inc({ source: 'content_hash', kind: decision });
    return c.json({ decision, reasons, matches });
  },
});
