/**
 * Where referrals can go, one registry: each destination is a small module saying what it receives (the
 * CyberTipline XML through its API, or the JSON export) and whether media travels with it (uploaded, sealed
 * in the package, or not at all). Adding an authority is adding one entry here.
 */
import { buildCyberTiplineReport } from './cybertipline-report.ts';
import { buildReferralExport } from './referral-export.ts';
import type { ReferralInput } from './referral-input.ts';

export interface ReferralDestination {
  id: string;
  name: string;
  /** Where it applies (ISO 3166 alpha-2, or `international`). */
  region: string;
  /** `upload`: files sent over the destination's API; `sealed`: encrypted copies in the package; `none`: hashes only. */
  media: 'upload' | 'sealed' | 'none';
  /** The document sent (pure). */
  build(input: ReferralInput, now: number): { contentType: string; body: string };
}

const json = (id: string, media: ReferralDestination['media']) => (input: ReferralInput, now: number) => ({
  contentType: 'application/json',
  body: `${JSON.stringify(buildReferralExport(input, id, { now, sealedMedia: media === 'sealed' }), null, 2)}\n`,
});

export const referralDestinations = [
  {
    id: 'ncmec_cybertipline',
    name: 'NCMEC CyberTipline',
    region: 'US',
    media: 'upload',
    build: (input) => ({ contentType: 'text/xml; charset=utf-8', body: buildCyberTiplineReport(input).reportXml }),
  },
  { id: 'uk_nca', name: 'National Crime Agency (UK)', region: 'GB', media: 'sealed', build: json('uk_nca', 'sealed') },
  { id: 'hotline_hashes', name: 'Another hotline (hashes and facts, no media)', region: 'international', media: 'none', build: json('hotline_hashes', 'none') },
] as const satisfies readonly ReferralDestination[];

export type ReferralDestinationId = (typeof referralDestinations)[number]['id'];
export const referralDestinationIds = referralDestinations.map((d) => d.id) as ReferralDestinationId[];

/** The destination with `id`, or undefined. */
export const referralDestination = (id: string): ReferralDestination | undefined => referralDestinations.find((d) => d.id === id);
