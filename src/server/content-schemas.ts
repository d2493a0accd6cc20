/** Schemas of the content routes: upload options, hash queries and the decision they return. */
import { z } from 'zod';
import { mediaSignalTypeNames, signalTypes } from '../core/signal-types.ts';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { contentDecisions } from './content-decision.ts';

const bankList = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .describe('Comma-separated bank names to match against (default: every bank).');

/** Options of an upload, from the query string or multipart text fields. */
export const contentOptions = z.object({
  clientId: z.string().min(1).max(200).optional().describe("The platform's own id for this content."),
  reported: z.enum(['true', 'false']).optional().describe('`true` when a user reported this content: its media is then retained (encrypted) for review.'),
  banks: bankList.optional(),
  robust: z
    .enum(['true', 'false'])
    .optional()
    .describe('`false` matches the plain PDQ hash only. Default `true`: also after trimming borders, as if un-cropped and as a mirror image; such a match names its `variant` and has a `note`.'),
});

/** Hash types a platform may send to match-hash: every media type of the signal type registry. */
export const hashTypes = mediaSignalTypeNames;

/** A match-by-hash request: one hash value of one type, optionally only some banks and sources. */
export const matchHashBody = z
  .object({
    type: z.enum(hashTypes).describe(hashTypes.map((t) => `\`${t}\`: ${signalTypes[t].description} (${signalTypes[t].valueFormat})`).join('; ')),
    value: z.string().max(4096),
    banks: z.array(z.string().min(1).max(200)).max(100).optional(),
    sources: z.array(z.string().min(1).max(256)).max(20).optional().describe('Only entries from one of these sources (e.g. `exchange:threatexchange`).'),
  })
  .transform((v, ctx) => {
    try {
      return { ...v, value: signalTypes[v.type].normalize(v.value) };
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: isLifeguardError(e) ? e.message : `not a ${v.type} value` });
      return z.NEVER;
    }
  });

export const contentMatchView = z
  .object({
    bank: z.string(),
    bankId: z.number().int(),
    entryId: z.number().int(),
    externalId: z.string().nullable(),
    category: z.string().nullable(),
    signalType: z.string(),
    value: z.string(),
    distance: z.number().int(),
    sources: z.array(z.string()),
    variant: z.string().optional().describe('The query variant that matched, when not the plain hash: trimmed, inset, uncrop-…, flipy, ….'),
    note: z.string().optional().describe('With `variant`, for a reviewer: e.g. "matched after trimming a border, distance 12".'),
  })
  .meta({ id: 'ContentMatch' });

export const contentDecisionView = z
  .object({
    id: z.string().optional().describe('Content record id (uploads only).'),
    clientId: z.string().nullable().optional(),
    decision: z.enum(contentDecisions),
    reasons: z.array(z.string()),
    matches: z.array(contentMatchView),
    hashes: z.object({ pdq: z.string().nullable(), quality: z.number().nullable(), md5: z.string().optional(), sha256: z.string().optional() }).optional(),
    video: z
      .object({
        fps: z.number(),
        frameCount: z.number().int(),
        matchedFrames: z.number().int(),
        videos: z
          .array(
            z.object({
              bank: z.string(),
              videoId: z.string(),
              category: z.string().nullable(),
              bankedFrames: z.number().int(),
              foundFrames: z.number().int(),
              queryShare: z.number(),
              comparedShare: z.number(),
              matched: z.boolean(),
            }),
          )
          .optional()
          .describe('Banked whole videos its frames matched: share of this video\'s frames matching (queryShare) and of the banked video\'s frames found (comparedShare).'),
      })
      .optional()
      .describe('Videos: frames sampled and matched.'),
    width: z.number().int().nullable().optional(),
    height: z.number().int().nullable().optional(),
    retained: z.boolean().optional().describe('Media kept (AES-256-GCM encrypted) because it matched or was reported.'),
    caseId: z.string().optional().describe('Uploads that matched or were reported: the review case they opened or joined.'),
  })
  .meta({ id: 'ContentDecision' });
