/**
 * POST /v1/checks/<feature> for every entry of the feature registry (record, view, discoverable, suggest,
 * location): one route per entry, its body chosen by the entry's input kind, the same allow/deny/code/reason
 * answer as the other checks. Tiers are the platform's and Lifeguard's decided tier, the younger of the two.
 */
import { z } from 'zod';
import { createFeatureChecks, featureChecks, type FeatureCheck, type FeatureCheckRunner } from '../../core/safety-policy/feature-checks.ts';
import type { CheckResult } from '../../core/safety-policy/check-result.ts';
import { locationVisibility } from '../../core/safety-policy/tier-settings.ts';
import type { SafetyChecks } from '../../core/safety-policy/safety-checks.ts';
import { accountInput, checkResultView, relationInput, streamFor, streamInput, tierFor } from '../check-schemas.ts';
import { defineRoute, type RouteDef } from '../route.ts';
import { need, type SafetyService } from '../services.ts';

export const viewerStreamBody = z.object({ viewer: accountInput, relation: relationInput, stream: streamInput });
export const accountPairBody = z.object({
  account: accountInput.describe('The account that would be shown.'),
  other: accountInput.describe('The account it would be shown to.'),
  relation: relationInput,
});
export const accountAudienceBody = z.object({
  account: accountInput,
  relation: relationInput.describe("The audience's connection to the account; `none` means anyone."),
});

export const locationResultView = checkResultView
  .extend({ sharesWith: z.enum(locationVisibility).describe("Whom the account's tier lets it share its location with.") })
  .meta({ id: 'LocationCheckResult' });

const runners = new WeakMap<SafetyChecks, FeatureCheckRunner>();
function runnerFor(checks: SafetyChecks): FeatureCheckRunner {
  let r = runners.get(checks);
  if (r === undefined) runners.set(checks, (r = createFeatureChecks(checks)));
  return r;
}

/** Resolves the body of a feature check and runs it. */
async function runFeature(f: FeatureCheck, safety: SafetyService, body: unknown): Promise<CheckResult & { sharesWith?: string }> {
  const run = runnerFor(safety.checks);
  switch (f.inputs) {
    case 'viewer_stream': {
      const b = body as z.infer<typeof viewerStreamBody>;
      const [tier, stream] = await Promise.all([tierFor(safety, b.viewer), streamFor(safety, b.stream)]);
      return run(f.name as 'record' | 'view', { viewer: { id: b.viewer.id, tier, relation: b.relation }, stream });
    }
    case 'account_pair': {
      const b = body as z.infer<typeof accountPairBody>;
      const [account, other] = await Promise.all([tierFor(safety, b.account), tierFor(safety, b.other)]);
      return run(f.name as 'discoverable' | 'suggest', { account: { tier: account }, other: { tier: other }, relation: b.relation });
    }
    case 'account_audience': {
      const b = body as z.infer<typeof accountAudienceBody>;
      const tier = await tierFor(safety, b.account);
      const r = run(f.name as 'location', { account: { tier }, relation: b.relation });
      return { ...r, sharesWith: safety.checks.settingsFor(tier).location };
    }
  }
}

const bodies = { viewer_stream: viewerStreamBody, account_pair: accountPairBody, account_audience: accountAudienceBody } as const;

function featureRoute(f: FeatureCheck): RouteDef {
  const decidedBy = f.setting === null ? "the stream's audience and the guardian's live restrictions" : `the \`${f.setting}\` setting of the account's tier`;
  return defineRoute({
    method: 'post',
    path: `/v1/checks/${f.name}`,
    access: 'events',
    tag: 'checks',
    summary: `${f.question} Decided by ${decidedBy}.`,
    body: bodies[f.inputs] as z.ZodType,
    responses: { 200: { description: 'allow or deny, with a code and a reason.', schema: f.inputs === 'account_audience' ? locationResultView : checkResultView } },
    async handle({ c, deps, body }) {
      const safety = need(deps.services, 'safety');
      const r = await runFeature(f, safety, body);
      deps.metrics.decisions.inc({ source: `check_${f.name}`, kind: r.allow ? 'allow' : 'deny' });
      return c.json(r);
    },
  });
}

/** One route per feature of the registry, in the registry's order. */
export const featureCheckRoutes: readonly RouteDef[] = featureChecks.map(featureRoute);
