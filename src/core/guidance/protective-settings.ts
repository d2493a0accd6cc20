/**
 * The platform settings that protect a child, in plain words, generated from the policy's child-safe defaults
 * per age tier (src/core/safety-policy/tier-settings.ts), so the guidance says what the service enforces.
 */
import type { AgeTier } from '../age/age-tiers.ts';
import type { TierSettings, WhoMay } from '../safety-policy/tier-settings.ts';

const who = (w: WhoMay, doing: string): string =>
  w === 'nobody' ? `No one can ${doing}.` : w === 'connections' ? `Only people they are connected with can ${doing}.` : `Anyone can ${doing}; consider limiting this.`;

/** One sentence per setting, in a fixed order. */
export function settingsInWords(s: TierSettings): string[] {
  return [
    s.discoverable ? 'Their account can be found in search and recommendations by people they do not know.' : 'Their account is not shown in search or recommendations to people they do not know.',
    s.friendSuggestions ? 'They can be suggested to strangers as someone to follow or befriend.' : 'They are not suggested to strangers as someone to follow or befriend.',
    who(s.dm, 'send them direct messages'),
    s.location === 'off' ? 'Their location is not shown to anyone.' : s.location === 'connections' ? 'Only their connections can see their location.' : 'Anyone can see their location; consider turning this off.',
    who(s.streamComments, 'comment on their live streams'),
    who(s.streamGifts, 'send gifts on their live streams'),
    who(s.streamRecording, 'record their live streams'),
  ];
}

const tierNames: Record<Exclude<AgeTier, 'adult' | 'unknown'>, string> = { under13: 'under 13', '13-15': '13 to 15', '16-17': '16 and 17' };

/** The child tiers' settings in words, tiers with the same settings grouped ("Ages under 13 and 13 to 15"). */
export function childSettingsGroups(tiers: Readonly<Record<AgeTier, TierSettings>>): { heading: string; settings: string[]; sameAsUnknown: boolean }[] {
  const groups: { tiers: string[]; settings: string[]; key: string }[] = [];
  for (const tier of ['under13', '13-15', '16-17'] as const) {
    const settings = settingsInWords(tiers[tier]);
    const key = settings.join('\n');
    const g = groups.find((x) => x.key === key);
    if (g) g.tiers.push(tierNames[tier]);
    else groups.push({ tiers: [tierNames[tier]], settings, key });
  }
  const unknownKey = settingsInWords(tiers.unknown).join('\n');
  return groups.map((g) => ({ heading: `Ages ${g.tiers.join(' and ')}`, settings: g.settings, sameAsUnknown: g.key === unknownKey }));
}
