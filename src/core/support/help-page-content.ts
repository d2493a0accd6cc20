/**
 * The content of the public help page (GET /help/:country on the service), as data: what to do in danger,
 * that it is never the child's fault, who to talk to and where to report. Plain words a 10-year-old
 * understands; a reader who gives no age gets the children's wording and every resource, labelled.
 */
import { ageTiers, type AgeTier } from '../age/age-tiers.ts';
import { INTERNATIONAL, builtInResources, type HelpResource } from './help-resources.ts';
import { countryKey, resourcesFor } from './support-for.ts';
import type { SupportPolicy } from './support-policy.ts';

/** Who the page is worded for; `any` when the reader gave no (usable) age. */
export const helpReaders = ['child', 'teen', 'adult', 'any'] as const;
export type HelpReader = (typeof helpReaders)[number];

export const helpSectionIds = ['danger', 'not-your-fault', 'talk', 'report', 'next'] as const;
export type HelpSectionId = (typeof helpSectionIds)[number];

export interface HelpPageSection {
  id: HelpSectionId;
  heading: string;
  paragraphs: string[];
  resources: HelpResource[];
}

export interface HelpPageContent {
  /** Normalised country key (`GB`, `US`, …, `international`). */
  country: string;
  reader: HelpReader;
  title: string;
  intro: string;
  sections: HelpPageSection[];
  /** Every country key with a page, `international` last. */
  countries: string[];
}

const tierReader: Readonly<Record<AgeTier, HelpReader>> = { under13: 'child', '13-15': 'teen', '16-17': 'teen', adult: 'adult', unknown: 'any' };

/** The reader for an `?age=` value: an age tier, a reader group or whole years; anything else reads as `any`. */
export function helpReaderFor(age: string | undefined): HelpReader {
  if (age === undefined) return 'any';
  if ((ageTiers as readonly string[]).includes(age)) return tierReader[age as AgeTier];
  if ((helpReaders as readonly string[]).includes(age)) return age as HelpReader;
  if (!/^\d{1,3}$/.test(age)) return 'any';
  const years = Number(age);
  if (years < 13) return 'child';
  if (years < 18) return 'teen';
  return years <= 120 ? 'adult' : 'any';
}

/** The digits to dial for a contact that is a phone number ("0800 1111" → "08001111"), else undefined. */
export function phoneDigits(contact: string): string | undefined {
  if (!/^\+?\d[\d\s().-]{0,22}\d$/.test(contact.trim())) return undefined;
  const digits = contact.replace(/[^\d+]/g, '');
  const count = digits.replace('+', '').length;
  return count >= 3 && count <= 15 ? digits : undefined;
}

type Words = { title: string; intro: string; headings: Record<HelpSectionId, string>; text: Record<HelpSectionId, string[]> };
type Voice = 'child' | 'teen' | 'adult';

// `{call}` is replaced with "Call 999" (or "Call your local emergency number" when no number is known).
const words: Readonly<Record<Voice, Words>> = {
  child: {
    title: 'Get help',
    intro: 'If something online made you feel scared, worried or upset, you can get help. It is not your fault.',
    headings: {
      danger: 'If you are in danger right now',
      'not-your-fault': 'It is not your fault',
      talk: 'Talk to someone',
      report: 'Report it',
      next: 'What happens when you tell someone',
    },
    text: {
      danger: ['{call} now.', 'You will not get in trouble for asking for help.'],
      'not-your-fault': [
        'Nobody is allowed to scare you, trick you or ask you for pictures.',
        'Even if you said yes, sent something or broke a rule, it is still not your fault.',
        'You will not be in trouble for telling someone.',
      ],
      talk: ['Tell a grown-up you trust, like a parent, carer or teacher.', 'You can also call or contact the people below. They listen, and they can help you work out what to do next.'],
      report: [
        'Tell the app or website where it happened. Most apps have a report button.',
        'You can also report it to the people below. You do not need proof. Saying what happened is enough.',
        'Try to keep the messages. Never send pictures to anyone, not even to show what happened.',
      ],
      next: ['The people you tell are there to help you, not to blame you.', 'They will listen and help you decide what to do next. You can stop talking at any time.'],
    },
  },
  teen: {
    title: 'Get help',
    intro: "If something online is worrying you, like someone pressuring you, asking for pictures or threatening you, help is here. It's not your fault.",
    headings: {
      danger: 'If you are in danger right now',
      'not-your-fault': "It's not your fault",
      talk: 'Talk to someone',
      report: 'Report it',
      next: 'What happens when you reach out',
    },
    text: {
      danger: ['{call} now.', "You won't get in trouble for asking for help."],
      'not-your-fault': [
        'If someone pressured you, tricked you or threatened you, the blame is theirs, not yours.',
        "Even if you sent something or agreed to something, it's still not your fault, and you're not in trouble.",
        "If someone threatens to share a picture of you, you don't have to pay them or send more. Stop replying and get help.",
      ],
      talk: ['Talk to someone you trust, like a parent, carer, teacher or another adult.', "You can also contact the people below. They listen, they don't judge, and they can help you decide what to do."],
      report: [
        'Report the person on the app or site where it happened, and block them.',
        "You can also report to the people below. You don't need proof. Saying what happened is enough.",
        "Keep the messages if you can, but don't forward any pictures, not even to report them.",
      ],
      next: ["The people you contact are there to help, not to judge you.", "They'll listen and help you work out your next steps. You can stop at any time."],
    },
  },
  adult: {
    title: 'Get help for a child',
    intro: 'If you are worried that a child is being groomed, pressured or harmed online, this page says who can help.',
    headings: {
      danger: 'If a child is in danger right now',
      'not-your-fault': 'It is never the child’s fault',
      talk: 'Get advice',
      report: 'Report it',
      next: 'What happens next',
    },
    text: {
      danger: ['{call} now.'],
      'not-your-fault': [
        'Grooming and pressure are the fault of the person doing it, never the child’s, even if the child sent something or agreed to something.',
        'Stay calm, listen and believe the child. Tell them they did the right thing by telling you. Do not confront the person yourself.',
      ],
      talk: ['These services give advice to adults who are worried about a child.'],
      report: [
        'Report it to the platform where it happened and to the services below.',
        'Keep the messages and usernames, but do not copy, forward or save any images of the child. The services below will tell you what to do.',
      ],
      next: ['A helpline can tell you how to support the child and who else should know, such as the police or the child’s school.'],
    },
  },
};

const fitsReader = (r: HelpResource, reader: HelpReader) =>
  reader === 'any' || r.audience === 'all' || (reader === 'adult' ? r.audience === 'adult' : r.audience === 'young');
// For a reader of unknown age: resources for young people first, then for anyone, then for adults.
const audienceOrder = { young: 0, all: 1, adult: 2 } as const;

/** What the public help page shows for `country` (policy default when undefined) and `reader`. */
export function helpPageContent(country: string | undefined, policy: SupportPolicy, reader: HelpReader = 'any'): HelpPageContent {
  const key = countryKey(country, policy);
  const all = resourcesFor(key, policy).filter((r) => fitsReader(r, reader));
  const voice: Voice = reader === 'any' ? 'child' : reader;
  const w = words[voice];
  const emergency = all.filter((r) => r.kind === 'emergency' && phoneDigits(r.contact) !== undefined);
  const call = emergency.length > 0 ? `Call ${emergency.map((r) => r.contact).join(' or ')}` : 'Call your local emergency number';
  const byKind = (kind: HelpResource['kind']) => {
    const list = all.filter((r) => r.kind === kind);
    return reader === 'any' ? list.sort((a, b) => audienceOrder[a.audience] - audienceOrder[b.audience]) : list;
  };
  const talkText = reader === 'any' ? [...w.text.talk, 'If you are an adult worried about a child, there is help for you too.'] : w.text.talk;
  const section = (id: HelpSectionId, resources: HelpResource[], paragraphs = w.text[id]): HelpPageSection => ({
    id,
    heading: w.headings[id],
    paragraphs: paragraphs.map((p) => p.replace('{call}', call)),
    resources,
  });
  return {
    country: key,
    reader,
    title: w.title,
    intro: w.intro,
    sections: [
      section('danger', emergency),
      section('not-your-fault', []),
      section('talk', byKind('helpline'), talkText),
      section('report', byKind('report')),
      section('next', []),
    ],
    countries: helpCountries(policy),
  };
}

/** Every country key with its own resources (built in or from the policy), sorted, `international` last. */
export function helpCountries(policy: SupportPolicy): string[] {
  const keys = new Set([...Object.keys(builtInResources), ...Object.keys(policy.resources)]);
  keys.delete(INTERNATIONAL);
  return [...[...keys].sort(), INTERNATIONAL];
}
