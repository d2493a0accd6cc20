/** The risk read model as the API returns it: a candidate for human review, never a verdict. */
import { z } from 'zod';

export const riskView = z
  .object({
    id: z.string(),
    risk: z.number().describe('0..1'),
    flagged: z.boolean().describe('Over the review threshold: a candidate for human review, not an accusation.'),
    stage: z.string().nullable(),
    signals: z.array(z.object({ category: z.string(), count: z.number().int() })),
    eventCount: z.number().int().describe('Events of this conversation or stream processed so far.'),
    lastEventSeq: z.number().int(),
    updatedAt: z.number().int(),
    ended: z.boolean().optional().describe('Streams: the stream ended. Risk, flagged, signals and detail are its last state; detail.peak its highest risk.'),
    endedAt: z.number().int().optional().describe('Streams: when the stream ended (epoch ms, the event time of stream.ended).'),
    detail: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Risk' });
