/**
 * Where the team's shared data lives (PDQ vectors, research chat segments): LIFEGUARD_SHARED_DIR, else the
 * `shared` folder beside the checkout, else /work/shared. None of it is ever copied into the repository.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The first existing candidate for `relative` under a shared folder, or the preferred one when none exists. */
export function sharedDataPath(relative: string, env: NodeJS.ProcessEnv = process.env): string {
  const roots = [env.LIFEGUARD_SHARED_DIR, resolve(repoRoot, '../shared'), '/work/shared'].filter((r): r is string => !!r);
  const candidates = roots.map((root) => join(root, relative));
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}
