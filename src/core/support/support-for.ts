/** Picks the supportive message and resources for a reader's age and country. */
import type { Effect } from '../effects.ts';
import type { AgeTier } from '../age/age-tiers.ts';
import { helpPath } from './help-path.ts';
import { INTERNATIONAL, builtInResources, countryAliases, type HelpResource } from './help-resources.ts';
import { supportMessages, type ReaderGroup, type SupportTopic } from './support-messages.ts';
import type { SupportPolicy } from './support-policy.ts';

export type Support = NonNullable<Effect['support']>;

/** The reader group for an age tier; unknown ages get the teen wording, which reads right for anyone young. */
export function readerGroup(tier: AgeTier): ReaderGroup {
  if (tier === 'under13') return 'child';
  if (tier === 'adult') return 'adult';
  return 'teen';
}

/** Normalised country key: upper case, aliases applied, `international` when unknown or missing. */
export function countryKey(country: string | undefined, policy: SupportPolicy): string {
  const c = (country ?? policy.defaultCountry).toUpperCase();
  const key = countryAliases[c] ?? c;
  if (builtInResources[key] !== undefined || policy.resources[key] !== undefined) return key;
  return INTERNATIONAL;
}

/** Every resource for a country, policy entries first, a built-in with the same name replaced. */
export function resourcesFor(country: string | undefined, policy: SupportPolicy): HelpResource[] {
  const key = countryKey(country, policy);
  const extra = (policy.resources[key] ?? []) as HelpResource[];
  const names = new Set(extra.map((r) => r.name));
  return [...extra, ...(builtInResources[key] ?? []).filter((r) => !names.has(r.name))];
}

function fitsReader(r: HelpResource, group: ReaderGroup): boolean {
  return r.audience === 'all' || (group === 'adult' ? r.audience === 'adult' : r.audience === 'young');
}

/** "Childline on 0800 1111", or "Child Helpline International (https://…)" when there is no number to call. */
function helplineWords(r: HelpResource): string {
  return /\d/.test(r.contact) || r.url === undefined ? `${r.name} on ${r.contact}` : `${r.name} (${r.url})`;
}

const cache = new WeakMap<SupportPolicy, Map<string, Support>>();

/** The message and resources for `topic`, worded for `tier`, with the resources of `country`. */
export function supportFor(topic: SupportTopic, tier: AgeTier, country: string | undefined, policy: SupportPolicy): Support {
  // Nudges sit on the guardian's hot path and the answer depends only on these keys: compute each once.
  let byKey = cache.get(policy);
  if (byKey === undefined) cache.set(policy, (byKey = new Map()));
  const group = readerGroup(tier);
  const where = countryKey(country, policy);
  const key = `${topic}|${group}|${where}`;
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  const resources = resourcesFor(country, policy).filter((r) => fitsReader(r, group));
  const helpline = resources.find((r) => r.kind === 'helpline') ?? resources[0];
  const template = policy.messages[topic]?.[group] ?? supportMessages[topic][group];
  const message = template.replace('{helpline}', helpline ? helplineWords(helpline) : 'someone you trust');
  const support: Support = {
    message,
    resources: resources.map((r) => (r.url === undefined ? { name: r.name, contact: r.contact } : { name: r.name, contact: r.contact, url: r.url })),
    helpUrl: helpPath(where, group),
  };
  byKey.set(key, support);
  return support;
}
