/** The media key when none is configured: generated once into `<data dir>/media.key` (mode 0600) and reused. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMediaKey } from './media-cipher.ts';

/** Returns the configured key, else the one in `dataDir/media.key`, creating it on first use. */
export function loadOrCreateMediaKey(configured: string | undefined, dataDir: string): { key: Buffer; created: boolean; path?: string } {
  if (configured !== undefined) return { key: parseMediaKey(configured), created: false };
  const path = join(dataDir, 'media.key');
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': only the first process creates it; a concurrent starter reads the winner's key below.
    writeFileSync(path, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
    return { key: parseMediaKey(readFileSync(path, 'utf8')), created: true, path };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return { key: parseMediaKey(readFileSync(path, 'utf8')), created: false, path };
  }
}
