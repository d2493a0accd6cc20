/**
 * Child-safe defaults per age tier (Ofcom's illegal-harms grooming measures and the ICO Children's Code as
 * the reference): children are not discoverable or suggested to strangers, only connections may message
 * them or comment on, gift to or record their streams, and location is off. `unknown` gets the 16–17
 * defaults until the account's age is established.
 */
import { z } from 'zod';
import type { AgeTier } from '../age/age-tiers.ts';

/** Who may do something to an account: anyone, its connections (friend, family, guardian, teacher) or no one. */
export const whoMay = ['everyone', 'connections', 'nobody'] as const;
export type WhoMay = (typeof whoMay)[number];

export const locationVisibility = ['off', 'connections', 'everyone'] as const;
export type LocationVisibility = (typeof locationVisibility)[number];

export interface TierSettings {
  /** The account appears in search and recommendations to people who are not connections. */
  discoverable: boolean;
  /** The account is suggested to others as someone to follow or befriend. */
  friendSuggestions: boolean;
  /** Who may send and receive direct messages with this account. */
  dm: WhoMay;
  location: LocationVisibility;
  /** Who may comment on, gift to, or record this account's live streams. */
  streamComments: WhoMay;
  streamGifts: WhoMay;
  streamRecording: WhoMay;
}

const minor: TierSettings = {
  discoverable: false,
  friendSuggestions: false,
  dm: 'connections',
  location: 'off',
  streamComments: 'connections',
  streamGifts: 'nobody',
  streamRecording: 'nobody',
};

/** The documented defaults. */
export const defaultTierSettings: Readonly<Record<AgeTier, TierSettings>> = {
  under13: minor,
  '13-15': minor,
  '16-17': { ...minor, streamRecording: 'connections' },
  adult: {
    discoverable: true,
    friendSuggestions: true,
    dm: 'everyone',
    location: 'connections',
    streamComments: 'everyone',
    streamGifts: 'everyone',
    streamRecording: 'everyone',
  },
  unknown: { ...minor, streamRecording: 'connections' },
};

/** Schema of one tier's settings: every field optional in the file, defaulting to that tier's documented value. */
function tierSettingsSchema(d: TierSettings) {
  return z
    .strictObject({
      discoverable: z.boolean().default(d.discoverable),
      friendSuggestions: z.boolean().default(d.friendSuggestions),
      dm: z.enum(whoMay).default(d.dm),
      location: z.enum(locationVisibility).default(d.location),
      streamComments: z.enum(whoMay).default(d.streamComments),
      streamGifts: z.enum(whoMay).default(d.streamGifts),
      streamRecording: z.enum(whoMay).default(d.streamRecording),
    })
    .prefault({});
}

export const tierSettingsPolicySchema = z.strictObject({
  under13: tierSettingsSchema(defaultTierSettings.under13),
  '13-15': tierSettingsSchema(defaultTierSettings['13-15']),
  '16-17': tierSettingsSchema(defaultTierSettings['16-17']),
  adult: tierSettingsSchema(defaultTierSettings.adult),
  unknown: tierSettingsSchema(defaultTierSettings.unknown),
});

/** Minimum ages to go live, per audience. A `supervised` stream is connections-only with a guardian present. */
export const livePolicySchema = z
  .strictObject({
    publicMinAge: z.number().int().min(0).max(25).default(18),
    connectionsMinAge: z.number().int().min(0).max(25).default(13),
    supervisedMinAge: z.number().int().min(0).max(25).default(0),
  })
  .refine((l) => l.supervisedMinAge <= l.connectionsMinAge && l.connectionsMinAge <= l.publicMinAge, {
    message: 'live minimum ages must not decrease: supervisedMinAge <= connectionsMinAge <= publicMinAge',
  });
export type LivePolicy = z.infer<typeof livePolicySchema>;
