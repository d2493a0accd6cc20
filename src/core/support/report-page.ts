/** The content of the public report page (rendered by the service in a later issue). */
import type { AgeTier } from '../age/age-tiers.ts';
import type { HelpResource } from './help-resources.ts';
import { countryKey, readerGroup, resourcesFor, supportFor } from './support-for.ts';
import type { SupportPolicy } from './support-policy.ts';

export interface ReportPageContent {
  country: string;
  title: string;
  intro: string;
  sections: { heading: string; text: string; resources: HelpResource[] }[];
}

/** What the public report page shows for a country, worded for a reader's age (unknown reads as a young person). */
export function reportPageContent(country: string | undefined, policy: SupportPolicy, tier: AgeTier = 'unknown'): ReportPageContent {
  const all = resourcesFor(country, policy);
  const group = readerGroup(tier);
  const forReader = (r: HelpResource) => r.audience === 'all' || (group === 'adult' ? r.audience === 'adult' : r.audience === 'young');
  return {
    country: countryKey(country, policy),
    title: 'Report something that worried you',
    intro: supportFor('report', tier, country, policy).message,
    sections: [
      {
        heading: 'If someone is in danger right now',
        text: 'Call the emergency number. You will not get in trouble for asking for help.',
        resources: all.filter((r) => r.kind === 'emergency'),
      },
      {
        heading: 'Talk to someone',
        text: 'These people listen and can help you work out what to do next.',
        resources: all.filter((r) => r.kind === 'helpline' && forReader(r)),
      },
      {
        heading: 'Report it',
        text: 'You can report here, and you can also report to the people below. You do not need proof. Saying what happened is enough.',
        resources: all.filter((r) => r.kind === 'report'),
      },
      {
        heading: 'What happens next',
        text: 'A trained person reads every report. We may stop someone from contacting you while we check. We never tell the person you reported that it was you.',
        resources: [],
      },
    ],
  };
}
