/** GET /v1/content/:id: a content record (hashes, decision, matches, whether media was retained) for reviewers. */
import { z } from 'zod';
import { idParams } from '../api-schemas.ts';
import { contentDecisionView } from '../content-schemas.ts';
import { defineRoute } from '../route.ts';
import { unknownId } from '../unknown-id.ts';

export const contentGet = defineRoute({
  method: 'get',
  path: '/v1/content/:id',
  access: 'review',
  tag: 'content',
  summary: 'A content record: hashes, decision, matches, whether media was retained (never the media).',
  params: idParams,
  responses: {
    200: {
      description: 'The record.',
      schema: contentDecisionView.extend({ reported: z.boolean(), mediaType: z.string(), byteLength: z.number().int(), createdAt: z.number().int() }),
    },
  },
  async handle({ c, deps, params }) {
    const r = await deps.content.get(params.id);
    if (r === undefined) throw unknownId('content', params.id);
    return c.json({
      id: r.id,
      clientId: r.clientId,
      decision: r.decision,
      reasons: r.reasons,
      matches: r.matches,
      hashes: { pdq: r.pdq, quality: r.pdqQuality, md5: r.md5, sha256: r.sha256 },
      width: r.width,
      height: r.height,
      retained: r.retained,
      reported: r.reported,
      mediaType: r.mediaType,
      byteLength: r.byteLength,
      createdAt: r.createdAt,
    });
  },
});
