/**
 * The database a CLI command works on, from --data-dir / --database-url (or the environment), opened once the
 * same way by every command. Unless the command creates things, a missing SQLite file is refused (a typo in
 * --data-dir), never created empty.
 */
import { readEnv, type Config } from '../config/read-env.ts';
import { openDatabase, type Database } from '../store/database.ts';
import type { CliIo } from './command.ts';
import { requireExistingDatabase } from './require-database.ts';

/** The two flags that name the database, for a command's parseFlags options. */
export const databaseFlags = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

/** The command's config from its flags and environment. */
export function cliConfig(io: CliIo, values: { 'data-dir'?: string; 'database-url'?: string }): Config {
  return readEnv(io.env, { dataDir: values['data-dir'], databaseUrl: values['database-url'] });
}

/** Opens (and migrates) the configured database; refuses a missing SQLite file unless `creates`. */
export async function openCliDatabase(config: Config, opts: { creates?: boolean } = {}): Promise<Database> {
  if (opts.creates !== true) requireExistingDatabase(config.databaseUrl);
  return openDatabase({ url: config.databaseUrl, ...(config.pgSchema !== undefined ? { pgSchema: config.pgSchema } : {}) });
}
