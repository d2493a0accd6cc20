/** Built-in help resources per country, as data. Policy files add to or override them (see support-policy.ts). */

/** Who a resource is for: children and teens, adults worried about a child, or anyone. */
export const resourceAudiences = ['young', 'adult', 'all'] as const;
export type ResourceAudience = (typeof resourceAudiences)[number];

/** What a resource does. */
export const resourceKinds = ['helpline', 'report', 'emergency'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export interface HelpResource {
  name: string;
  /** Phone number or short contact line, as a person would dial or type it. */
  contact: string;
  url?: string;
  audience: ResourceAudience;
  kind: ResourceKind;
}

/** Key for resources used when a country has none of its own. */
export const INTERNATIONAL = 'international';

export const builtInResources: Readonly<Record<string, readonly HelpResource[]>> = {
  GB: [
    { name: 'Childline', contact: '0800 1111', url: 'https://www.childline.org.uk', audience: 'young', kind: 'helpline' },
    { name: 'NSPCC Helpline', contact: '0808 800 5000', url: 'https://www.nspcc.org.uk', audience: 'adult', kind: 'helpline' },
    { name: 'CEOP (report to the police online)', contact: 'report online', url: 'https://www.ceop.police.uk/Safety-Centre/', audience: 'all', kind: 'report' },
    { name: 'Emergency', contact: '999', audience: 'all', kind: 'emergency' },
  ],
  US: [
    { name: 'NCMEC CyberTipline', contact: '1-800-843-5678', url: 'https://report.cybertip.org', audience: 'all', kind: 'report' },
    { name: 'Childhelp National Child Abuse Hotline', contact: '1-800-422-4453', url: 'https://www.childhelphotline.org', audience: 'all', kind: 'helpline' },
    { name: 'Emergency', contact: '911', audience: 'all', kind: 'emergency' },
  ],
  [INTERNATIONAL]: [
    { name: 'Child Helpline International', contact: 'online', url: 'https://childhelplineinternational.org', audience: 'all', kind: 'helpline' },
    { name: 'INHOPE (hotlines for reporting abuse images)', contact: 'online', url: 'https://www.inhope.org', audience: 'all', kind: 'report' },
    { name: 'Emergency', contact: 'your local emergency number', audience: 'all', kind: 'emergency' },
  ],
};

/** Country codes people write that are not ISO 3166 alpha-2. */
export const countryAliases: Readonly<Record<string, string>> = { UK: 'GB' };
