/** Command-line flags parsed with node:util, its errors turned into usage errors (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './usage-error.ts';

/** parseArgs(config), throwing a usage error for unknown flags, missing values and the like. */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw usageError((e as Error).message);
  }
}
