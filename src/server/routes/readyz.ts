/** GET /readyz: ready to serve: the database answers and every migration has run. */
import { Migrator, sql } from 'kysely';
import { z } from 'zod';
import { migrationProvider } from '../../store/migrations/index.ts';
import { defineRoute } from '../route.ts';

const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: z.enum(['ok', 'unreachable']), migrations: z.enum(['ok', 'pending', 'unknown']) }),
  media: z
    .object({
      images: z.array(z.string()).describe('Image formats decoded.'),
      video: z.enum(['enabled', 'disabled']).describe('Video uploads: enabled when ffmpeg was found at start-up; disabled → 415 `video_unsupported`.'),
    })
    .optional()
    .describe('Media types this process accepts (not part of readiness: images-only is a supported set-up).'),
});

export const readyz = defineRoute({
  method: 'get',
  path: '/readyz',
  access: 'public',
  tag: 'ops',
  summary: 'Readiness: database reachable and migrations done; which media types are enabled.',
  responses: { 200: { description: 'Ready.', schema: readiness }, 503: { description: 'Not ready (see checks).', schema: readiness } },
  async handle({ c, deps }) {
    const { db } = deps.database;
    let database: 'ok' | 'unreachable' = 'ok';
    let migrations: 'ok' | 'pending' | 'unknown' = 'unknown';
    try {
      await sql`select 1`.execute(db);
      const all = await new Migrator({ db, provider: migrationProvider }).getMigrations();
      migrations = all.every((m) => m.executedAt !== undefined) ? 'ok' : 'pending';
    } catch {
      database = 'unreachable';
    }
    const ready = database === 'ok' && migrations === 'ok';
    const m = deps.services.media;
    const media = m ? { media: { images: m.images, video: m.video ? ('enabled' as const) : ('disabled' as const) } } : {};
    return c.json({ status: ready ? ('ready' as const) : ('not_ready' as const), checks: { database, migrations }, ...media }, ready ? 200 : 503);
  },
});
