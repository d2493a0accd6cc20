/**
 * The databases a storage contract suite runs on: SQLite always; PostgreSQL when
 * LIFEGUARD_TEST_DATABASE_URL is set (`.ci/run` sets it and checks the server is up). Each PostgreSQL
 * handle gets its own fresh schema so test files can run in parallel.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/store/database.ts';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** Opens a new, empty, migrated database. Call `cleanup` when done. */
  open(): Promise<{ database: Database; url: string; pgSchema?: string; cleanup(): Promise<void> }>;
}

export const postgresTestUrl = process.env.LIFEGUARD_TEST_DATABASE_URL;

/** The databases to loop over in a contract suite. */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      name: 'sqlite',
      async open() {
        const dir = mkdtempSync(join(tmpdir(), 'lifeguard-test-'));
        const url = join(dir, 'lifeguard.sqlite');
        const database = await openDatabase({ url });
        return {
          database,
          url,
          async cleanup() {
            await database.close();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
  ];
  const pgUrl = postgresTestUrl;
  if (pgUrl) {
    list.push({
      name: 'postgres',
      async open() {
        const pgSchema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
        const database = await openMigrating(pgUrl, pgSchema);
        return {
          database,
          url: pgUrl,
          pgSchema,
          async cleanup() {
            await database.close();
            const c = new pg.Client({ connectionString: pgUrl });
            await c.connect();
            await c.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
            await c.end();
          },
        };
      },
    });
  }
  return list;
}

/**
 * Kysely's migrator introspects the tables of every schema before it takes its lock; when another test file
 * drops its own schema at that moment the introspection fails with `schema "t_…" does not exist`. Retry then.
 */
async function openMigrating(url: string, pgSchema: string): Promise<Database> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDatabase({ url, pgSchema });
    } catch (e) {
      const concurrentDrop = (e as { code?: string }).code === 'database_migration' && /schema "[^"]+" does not exist/.test((e as Error).message);
      if (!concurrentDrop || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}
