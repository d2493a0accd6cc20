/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process, one after another, so figures are not
 * disturbed by each other. Each prints JSON lines of figures. `npm run bench -- pdq` runs the matching ones.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `${dir}${f}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`bench ${f} failed with status ${r.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
