/**
 * GET /guidance/parents and GET /guidance/schools: public guidance beside the help page. Public on purpose:
 * it reads no data; its content is the policy's child-safe settings, the detector's warning signs and the
 * support policy's resources.
 */
import { ageTiers, type AgeTier } from '../../core/age/age-tiers.ts';
import type { GuidanceAudience } from '../../core/guidance/guidance-content.ts';
import type { SafetyChecks } from '../../core/safety-policy/safety-checks.ts';
import { defaultTierSettings, type TierSettings } from '../../core/safety-policy/tier-settings.ts';
import { supportPolicySchema } from '../../core/support/support-policy.ts';
import { guidancePageHeaders, guidancePageHtml } from '../pages/guidance-page.ts';
import { defineRoute } from '../route.ts';

const builtInSupport = supportPolicySchema.parse({});
const tiersOf = new WeakMap<SafetyChecks, Record<AgeTier, TierSettings>>();

/** The tier settings in force: the service's policy, or the documented defaults when built without one. */
function tiersFor(checks: SafetyChecks | undefined): Readonly<Record<AgeTier, TierSettings>> {
  if (!checks) return defaultTierSettings;
  let t = tiersOf.get(checks);
  if (!t) tiersOf.set(checks, (t = Object.fromEntries(ageTiers.map((tier) => [tier, checks.settingsFor(tier)])) as Record<AgeTier, TierSettings>));
  return t;
}

const guidanceRoute = (audience: GuidanceAudience, who: string) =>
  defineRoute({
    method: 'get',
    path: `/guidance/${audience}`,
    access: 'public',
    tag: 'help',
    summary: `Public guidance for ${who}.`,
    description: 'Signs of grooming and coercion (from the detector’s categories), the child-safe settings in force (from the policy), what to do when a child discloses, and where to report. HTML, no script.',
    responses: { 200: { description: 'The guidance page (HTML, no script, no external assets).', contentType: 'text/html; charset=utf-8' } },
    handle: ({ c, deps }) =>
      c.body(guidancePageHtml(audience, tiersFor(deps.services.safety?.checks), deps.services.support?.policy ?? builtInSupport), 200, { ...guidancePageHeaders }),
  });

export const guidanceParents = guidanceRoute('parents', 'parents and carers');
export const guidanceSchools = guidanceRoute('schools', 'schools');
