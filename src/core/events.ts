/**
 * Platform events: the one schema shared by `POST /v1/events` (service) and `lifeguard replay` (guardian).
 * Every event has a client-chosen `id` (replays of the same id are idempotent) and a `type` from `eventTypes`.
 */
import { z } from 'zod';
import { appealOutcomes } from './age/age-appeal.ts';
import { ageMethods } from './age/age-methods.ts';
import { ageTiers } from './age/age-tiers.ts';
import { authorTiers } from './grooming/types.ts';
import { connectionKinds, streamAudiences } from './safety-policy/relations.ts';

/** Time as epoch milliseconds or an ISO-8601 string. */
export const timestampSchema = z.union([z.number().int().nonnegative(), z.string().datetime({ offset: true })]);

const idSchema = z.string().min(1).max(200);

/** An account as the platform describes it at the time of the event. */
export const accountRefSchema = z.object({
  id: idSchema,
  tier: z.enum(authorTiers).optional(),
  /** When the account was created (epoch ms or ISO), for account-age signals. */
  createdAt: timestampSchema.optional(),
  /** Number of earlier moderation flags on this account known to the platform. */
  priorFlags: z.number().int().nonnegative().optional(),
  /** Finer age tier when the platform knows it (under13, 13-15, 16-17, adult, unknown); wins over `tier`. */
  ageTier: z.enum(ageTiers).optional(),
  /** ISO 3166-1 alpha-2 country (e.g. GB, US), used to pick help resources. */
  country: z.string().regex(/^[A-Za-z]{2}$/).optional(),
});
export type AccountRef = z.infer<typeof accountRefSchema>;

const base = { id: idSchema, ts: timestampSchema.optional() };

export const chatMessageEventSchema = z.object({
  ...base,
  type: z.literal('chat.message'),
  conversationId: idSchema,
  messageId: idSchema.optional(),
  author: accountRefSchema,
  recipients: z.array(accountRefSchema).max(1000).optional(),
  text: z.string().max(20_000),
});

export const streamStartedEventSchema = z.object({
  ...base,
  type: z.literal('stream.started'),
  streamId: idSchema,
  streamer: accountRefSchema,
  audience: z.enum(streamAudiences).default('public'),
  title: z.string().max(500).optional(),
});

export const streamEndedEventSchema = z.object({ ...base, type: z.literal('stream.ended'), streamId: idSchema });

export const viewerJoinedEventSchema = z.object({
  ...base,
  type: z.literal('stream.viewer_joined'),
  streamId: idSchema,
  viewer: accountRefSchema,
  /** The viewer's connection to the streamer, as the platform knows it. */
  connection: z.enum(connectionKinds).default('none'),
});

export const viewerLeftEventSchema = z.object({
  ...base,
  type: z.literal('stream.viewer_left'),
  streamId: idSchema,
  viewerId: idSchema,
});

export const commentEventSchema = z.object({
  ...base,
  type: z.literal('stream.comment'),
  streamId: idSchema,
  commentId: idSchema.optional(),
  author: accountRefSchema,
  text: z.string().max(5_000),
});

export const giftEventSchema = z.object({
  ...base,
  type: z.literal('stream.gift'),
  streamId: idSchema,
  from: accountRefSchema,
  amount: z.number().nonnegative(),
  currency: z.string().max(40).optional(),
  message: z.string().max(2_000).optional(),
});

/** A live-stream frame: either image bytes (base64) or a PDQ hash the platform computed itself. */
export const frameEventSchema = z
  .object({
    ...base,
    type: z.literal('stream.frame'),
    streamId: idSchema,
    pdq: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
    quality: z.number().int().min(0).max(100).optional(),
    imageBase64: z.string().max(20_000_000).optional(),
    pdqVariants: z
      .array(z.object({ name: z.string().min(1).max(40), hash: z.string().regex(/^[0-9a-fA-F]{64}$/) }))
      .max(48)
      .optional()
      .describe('Extra PDQ query hashes of the frame (e.g. with a border trimmed, un-cropped, mirrored); Lifeguard adds those that matched at intake.'),
    /**
     * Set by Lifeguard's HTTP intake, never by a client: the content record holding this frame's bytes,
     * sealed (AES-256-GCM), when the frame matched known content at intake.
     */
    contentId: idSchema.optional().describe('Set by Lifeguard (a client must not send it): the content record keeping this frame, encrypted, when it matched known content.'),
  })
  .refine((e) => e.pdq !== undefined || e.imageBase64 !== undefined, { message: 'a frame needs pdq or imageBase64' });

export const reportEventSchema = z.object({
  ...base,
  type: z.literal('report.filed'),
  reporter: accountRefSchema.optional(),
  subject: z.object({ type: z.enum(['account', 'stream', 'message', 'comment', 'content', 'conversation']), id: idSchema }),
  streamId: idSchema.optional(),
  reason: z.string().min(1).max(100),
  text: z.string().max(5_000).optional(),
});

/** An age signal about an account (declaration, estimation, verification), delivered by the platform or a provider. */
export const ageSignalEventSchema = z.object({
  ...base,
  type: z.literal('age.signal'),
  account: accountRefSchema,
  /** `reviewer` is a human reviewer's finding (e.g. after an appeal or an under-13 review). */
  method: z.enum(ageMethods),
  /** Declared date of birth (YYYY-MM-DD) for self-declaration. */
  dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Estimated or verified age in years. */
  age: z.number().min(0).max(130).optional(),
  /** Verified: the check says the person is at least this old (e.g. 18). */
  atLeast: z.number().min(0).max(130).optional(),
  /** Verified: the check says the person is younger than this (e.g. an age token's `age_over_13: false`). */
  below: z.number().min(1).max(131).optional(),
  confidence: z.number().min(0).max(1).optional(),
  provider: z.string().max(100).optional(),
  /** Estimation: the version of the model that made the estimate (kept with it). */
  modelVersion: z.string().max(100).optional(),
  /** Reviewer: the age band decided when no point age is given. */
  tier: z.enum(ageTiers).optional(),
  /** Reviewer: this finding resolves an age appeal (its case, upheld or overturned, and why). */
  appealResolution: z
    .object({ caseId: z.string().min(1).max(200), outcome: z.enum(appealOutcomes), reason: z.string().min(1).max(2_000) })
    .optional(),
});

/** The account holder contests their age decision; it leads to a stronger check or a review, never a silent change. */
export const ageAppealEventSchema = z.object({
  ...base,
  type: z.literal('age.appeal'),
  account: accountRefSchema,
  /** The age the account holder says they are, if given. */
  claimedAge: z.number().min(0).max(130).optional(),
  text: z.string().max(2_000).optional(),
});

/**
 * An account's public profile as the platform shows it, sent when it is created or changed: its text is checked
 * against outside URL and keyword lists (a listed term in a bio, a listed link on a profile).
 */
export const accountProfileEventSchema = z.object({
  ...base,
  type: z.literal('account.profile'),
  account: accountRefSchema,
  displayName: z.string().max(200).optional(),
  bio: z.string().max(5_000).optional(),
  /** Links the profile shows (a website, other accounts). */
  links: z.array(z.string().max(2_000)).max(20).optional(),
});

/** Every event type, declared once. */
export const eventTypes = [
  'chat.message',
  'stream.started',
  'stream.ended',
  'stream.viewer_joined',
  'stream.viewer_left',
  'stream.comment',
  'stream.gift',
  'stream.frame',
  'report.filed',
  'age.signal',
  'age.appeal',
  'account.profile',
] as const;
export type EventType = (typeof eventTypes)[number];

export const platformEventSchema = z.union([
  chatMessageEventSchema,
  streamStartedEventSchema,
  streamEndedEventSchema,
  viewerJoinedEventSchema,
  viewerLeftEventSchema,
  commentEventSchema,
  giftEventSchema,
  frameEventSchema,
  reportEventSchema,
  ageSignalEventSchema,
  ageAppealEventSchema,
  accountProfileEventSchema,
]);
export type PlatformEvent = z.infer<typeof platformEventSchema>;
export type PlatformEventOf<T extends EventType> = Extract<PlatformEvent, { type: T }>;

/** Epoch milliseconds of an event's timestamp, or `fallback` when it has none. */
export function eventTime(ts: number | string | undefined, fallback: number): number {
  if (ts === undefined) return fallback;
  return typeof ts === 'number' ? ts : Date.parse(ts);
}
