// The core stays pure: no node:* modules, no database or network packages, no imports out of src/core.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const coreDir = dirname(fileURLToPath(import.meta.url));
// Pure computation and data only: schemas, Unicode confusables data (the normaliser), Snowball stemmers (the gloss).
const allowedPackages = new Set(['zod', 'unhomoglyph/data.json', 'snowball-stemmers']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every module specifier a file imports, statically or dynamically. */
export function importsOf(text: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) specs.push(m[1] ?? m[2] ?? m[3]!);
  return specs;
}

test('src/core imports no I/O, no adapter and no package but pure computation (zod, confusables data, stemmers)', () => {
  const files = sources(coreDir);
  assert.ok(files.length > 3, 'core sources found');
  const offences: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (/\bprocess\.(env|argv|stdout|stderr|exit)\b/.test(text)) offences.push(`${file}: uses process.*`);
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(coreDir)) offences.push(`${file}: imports ${spec} from outside src/core`);
      } else if (!allowedPackages.has(spec)) {
        offences.push(`${file}: imports ${spec}`);
      }
    }
  }
  assert.deepEqual(offences, []);
});

test('the import scanner sees the forms it must forbid', () => {
  const specs = importsOf("import fs from 'node:fs';\nexport { x } from '../store/db.ts';\nconst m = await import('pg');\nimport 'sharp';");
  assert.deepEqual(specs.sort(), ['../store/db.ts', 'node:fs', 'pg', 'sharp'].sort());
});
