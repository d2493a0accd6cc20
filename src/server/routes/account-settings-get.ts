/** GET /v1/accounts/:id/settings: the child-safe defaults that apply to an account now, from its decided tier. */
import { z } from 'zod';
import { ageTiers } from '../../core/age/age-tiers.ts';
import { locationVisibility, whoMay } from '../../core/safety-policy/tier-settings.ts';
import { idParams } from '../api-schemas.ts';
import { tierFor } from '../check-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

const who = z.enum(whoMay);
export const accountSettingsView = z
  .object({
    accountId: z.string(),
    tier: z.enum(ageTiers).describe("Lifeguard's decided tier; `unknown` (protective defaults) until the age is established."),
    settings: z.object({
      discoverable: z.boolean(),
      friendSuggestions: z.boolean(),
      dm: who,
      location: z.enum(locationVisibility),
      streamComments: who,
      streamGifts: who,
      streamRecording: who,
    }),
  })
  .meta({ id: 'AccountSettings' });

export const accountSettingsGet = defineRoute({
  method: 'get',
  path: '/v1/accounts/:id/settings',
  access: 'events',
  tag: 'age',
  summary: 'The protective defaults that apply to the account now, from its decided age tier (unknown age: protective).',
  params: idParams,
  responses: { 200: { description: 'The tier and its settings.', schema: accountSettingsView } },
  async handle({ c, deps, params }) {
    const safety = need(deps.services, 'safety');
    const tier = await tierFor(safety, { id: params.id });
    return c.json({ accountId: params.id, tier, settings: { ...safety.checks.settingsFor(tier) } });
  },
});
