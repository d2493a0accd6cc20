/**
 * The public guidance pages for parents and carers and for schools, as data: the warning signs come from the
 * grooming detector's categories, the settings from the policy's child-safe tier defaults, and where to
 * report from the support policy's resources. The server only lays this out.
 */
import type { AgeTier } from '../age/age-tiers.ts';
import type { TierSettings } from '../safety-policy/tier-settings.ts';
import { INTERNATIONAL, type HelpResource } from '../support/help-resources.ts';
import { resourcesFor } from '../support/support-for.ts';
import type { SupportPolicy } from '../support/support-policy.ts';
import { childSettingsGroups } from './protective-settings.ts';
import { warningSignCategories, warningSigns } from './warning-signs.ts';

export const guidanceAudiences = ['parents', 'schools'] as const;
export type GuidanceAudience = (typeof guidanceAudiences)[number];

export interface GuidanceList {
  heading?: string;
  items: { title?: string; text: string }[];
}
export interface GuidanceSection {
  id: string;
  heading: string;
  paragraphs: string[];
  lists: GuidanceList[];
  /** Where-to-report groups: a place and its resources. */
  places?: { place: string; resources: HelpResource[] }[];
}
export interface GuidancePage {
  audience: GuidanceAudience;
  title: string;
  intro: string;
  sections: GuidanceSection[];
}

const words = {
  parents: {
    title: 'Keeping children safe online: for parents and carers',
    intro: 'What grooming and coercion look like online, the settings that protect your child here, what to do if your child tells you something, and where to report.',
    adult: 'your child',
    talkHeading: 'Talking to your child about live streaming',
    talk: [
      'Ask what they enjoy watching and streaming, and who watches them. Stay curious rather than alarmed, so they keep telling you things.',
      'Agree that they stream only to people they know, with a trusted adult nearby, and that they can end a stream at any time.',
      'Tell them that anyone who asks them to keep secrets, move to another app, or do things on camera is not a friend, and that they will not be in trouble for telling you.',
    ],
  },
  schools: {
    title: 'Keeping pupils safe online: for schools',
    intro: 'For teachers and safeguarding staff: what grooming and coercion look like online, the settings that protect pupils here, how to respond to a disclosure, and where to report.',
    adult: 'a pupil',
    talkHeading: 'Talking to pupils about live streaming',
    talk: [
      'Cover live streaming in online-safety lessons: who can watch, who can comment and send gifts, and that a stream can be recorded by anyone watching.',
      'Teach that requests for secrecy, a move to another app, gifts in return for dares, or threats are warning signs, and that it is never the young person’s fault.',
      'Make sure every pupil knows which adults in school they can tell, and that they will be listened to.',
    ],
  },
} as const;

/** The page for an audience. `tiers`: the policy's settings per age tier; `support`: its help resources. */
export function guidancePageContent(audience: GuidanceAudience, tiers: Readonly<Record<AgeTier, TierSettings>>, support: SupportPolicy): GuidancePage {
  const w = words[audience];
  const groups = childSettingsGroups(tiers);
  const unknownLike = groups.find((g) => g.sameAsUnknown);
  const disclosureDo = [
    'Stay calm, listen, and let them say it in their own words. Thank them for telling you.',
    'Tell them it is not their fault, and that you will help.',
    'Write down what they said, when, and who was involved, as soon as you can.',
    'Report it: to the platform with its report button, and to the police or a hotline (see below). If a child is in danger now, call the emergency number.',
    ...(audience === 'schools' ? ['Tell your designated safeguarding lead the same day and follow your school’s safeguarding policy.'] : []),
  ];
  const disclosureDont = [
    'Do not copy, save, screenshot, forward or print any image or video of the child, even to report it. Doing so can be a crime, and it spreads the harm. Report where it is instead.',
    'Do not confront the person yourself or delete the account or messages; the platform and the police need the evidence.',
    'Do not promise to keep it secret, and do not ask leading questions.',
    ...(audience === 'schools' ? ['Do not investigate yourself or look through the pupil’s phone.'] : []),
  ];
  const places: { place: string; key: string }[] = [
    { place: 'In the United Kingdom', key: 'GB' },
    { place: 'In the United States', key: 'US' },
    { place: 'Anywhere else', key: INTERNATIONAL },
  ];
  return {
    audience,
    title: w.title,
    intro: w.intro,
    sections: [
      {
        id: 'signs',
        heading: 'Signs of grooming and coercion',
        paragraphs: [
          `These are the signs this platform’s safety system looks for in messages and live-stream comments. One sign alone proves nothing; several together, from the same person, are a reason to talk to ${w.adult} and to report.`,
        ],
        lists: [{ items: warningSignCategories.map((c) => ({ title: warningSigns[c].title, text: warningSigns[c].plain })) }],
      },
      { id: 'talk', heading: w.talkHeading, paragraphs: [...w.talk], lists: [] },
      {
        id: 'settings',
        heading: 'Settings that protect children here',
        paragraphs: [
          'Accounts of children get these settings by default. They come from the platform’s safety policy, so this page always shows what is actually in force.',
          ...(unknownLike ? [`Until the platform knows how old someone is, it uses the settings for ${unknownLike.heading.replace(/^Ages /, 'ages ')}.`] : []),
        ],
        lists: groups.map((g) => ({ heading: g.heading, items: g.settings.map((text) => ({ text })) })),
      },
      {
        id: 'disclosure',
        heading: `If ${w.adult} tells you something`,
        paragraphs: [],
        lists: [
          { heading: 'Do', items: disclosureDo.map((text) => ({ text })) },
          { heading: 'Do not', items: disclosureDont.map((text) => ({ text })) },
        ],
      },
      {
        id: 'report',
        heading: 'Where to report and get help',
        paragraphs: ['Reporting online abuse of a child can be done without any proof beyond what you saw or were told.'],
        lists: [],
        places: places.map((p) => ({ place: p.place, resources: resourcesFor(p.key, support) })),
      },
    ],
  };
}
