/**
 * POST /v1/events: a batch of platform events, written durably (one committed transaction) before the 202.
 * Replays of an id with the same content come back under `duplicates`; an id reused for different content
 * under `conflicts` (the first version stays). If every event of a batch conflicts the answer is 409.
 * Frames sent as image bytes are hashed first; those matching known content are kept encrypted
 * (events-post-frames.ts).
 */
import { z } from 'zod';
import { conflict } from '../../core/lifeguard-error.ts';
import { eventBatchBody, parseEventBatch } from '../event-batch.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';
import { preserveMatchedFrames } from './events-post-frames.ts';

const ref = z.object({ id: z.string(), seq: z.number().int() });

export const eventsPost = defineRoute({
  method: 'post',
  path: '/v1/events',
  access: 'events',
  tag: 'events',
  summary: 'Send a batch of platform events (chat, stream, comment, gift, frame, report, age signal).',
  description:
    'At most LIFEGUARD_MAX_BATCH_EVENTS events (413 `batch_too_large`). Answered 202 only after the batch is committed; processed by the workers. ' +
    'The batch is stored whole or not at all: a failing event (schema or image) rejects it, named by `detail.index` and `detail.id`. ' +
    'A `stream.frame` sent as `imageBase64` is hashed; its bytes are kept (encrypted, as a content record named by the stored event\'s `contentId`) only when it matches known content.',
  body: eventBatchBody,
  parseBody: (value, deps) => parseEventBatch(value, deps.config.limits.maxBatchEvents),
  responses: {
    202: {
      description: 'Committed. `accepted` are new, `duplicates` replays, `conflicts` ids already used for other content.',
      schema: z.object({ accepted: z.array(ref), duplicates: z.array(ref), conflicts: z.array(ref.extend({ code: z.literal('event_id_conflict') })) }),
    },
    409: { description: 'Every event id of the batch was already used for different content (`event_id_conflict`).' },
    400: { description: 'An event fails its schema (`invalid_event`) or a frame\'s image bytes do not decode (`image_truncated`, `image_decode_failed`, `image_empty`): `detail.index` and `detail.id` name the event; nothing of the batch is stored.' },
    413: { description: 'Over LIFEGUARD_MAX_BATCH_EVENTS (`batch_too_large`), a frame over LIFEGUARD_MAX_IMAGE_PIXELS (`image_too_large`, with index and id) or the frames together over LIFEGUARD_MAX_BATCH_PIXELS (`batch_pixels_too_large`, naming the frame that passed it).' },
    415: { description: 'A frame\'s image bytes are not a supported image (`image_unsupported_format`, with index and id); nothing of the batch is stored.' },
    503: { description: 'The decode queue is full (`decoder_busy`); retry after `Retry-After` seconds.' },
  },
  async handle({ c, deps, body, key }) {
    const events = need(deps.services, 'events');
    // Each event was parsed by its schema in the body check (event-batch.ts): intake skips a second parse.
    const result = await events.append(await preserveMatchedFrames(body.events, deps, key!.id), { validated: true });
    if (result.conflicts.length === body.events.length && result.conflicts.length > 0) {
      throw conflict('event_id_conflict', 'every event id in this batch was already used for different content; the first version stays', {
        conflicts: result.conflicts,
      });
    }
    return c.json(result, 202);
  },
});
