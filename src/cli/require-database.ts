/**
 * Read-only commands (`keys list`, `bank list`, `match`, ...) must not create an empty database because of a
 * typo in --data-dir: they refuse when the SQLite file is missing. Commands that create things do not call this.
 */
import { existsSync } from 'node:fs';
import { notFound } from '../core/lifeguard-error.ts';

/** Throws `database_not_found` when `databaseUrl` is a SQLite file path that does not exist. */
export function requireExistingDatabase(databaseUrl: string): void {
  if (/^postgres(ql)?:\/\//.test(databaseUrl) || databaseUrl === ':memory:') return;
  if (existsSync(databaseUrl)) return;
  throw notFound(
    'database_not_found',
    `no Lifeguard database at ${databaseUrl}: check --data-dir (or LIFEGUARD_DATA_DIR / LIFEGUARD_DATABASE_URL); ` +
      '`lifeguard serve`, `lifeguard bank create` or `lifeguard keys create` creates one',
  );
}
