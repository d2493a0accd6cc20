/** GET /readyz: ready to serve: the database answers and every migration has run. */
import { Migrator, sql } from 'kysely';
import { z } from 'zod';
import { migrationProvider } from '../../store/migrations/index.ts';
import { defineRoute } from '../route.ts';

const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: z.enum(['ok', 'unreachable']), migrations: z.enum(['ok', 'pending', 'unknown']) }),
});

export const readyz = defineRoute({
  method: 'get',
  path: '/readyz',
  access: 'public',
  tag: 'ops',
  summary: 'Readiness: database reachable and migrations done.',
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
    return c.json({ status: ready ? ('ready' as const) : ('not_ready' as const), checks: { database, migrations } }, ready ? 200 : 503);
  },
});
