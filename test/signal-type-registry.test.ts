/**
 * The signal type registry drives everything: the API schemas, the CLI help, the docs page and the list
 * parser are generated from it, and no other file spells out the list of types — so adding a type is one
 * module (and its line in the registry), with no edits elsewhere.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { HashListParser } from '../src/core/hash-list/hash-list-parser.ts';
import { mediaSignalTypeNames, signalTypeModules, signalTypeNames } from '../src/core/signal-types.ts';
import { signalTypesDoc } from '../src/core/signal-types/signal-types-doc.ts';
import { command as bankCommand } from '../src/cli/commands/bank.ts';
import { buildOpenApi } from '../src/server/build-openapi.ts';
import { routes } from '../src/server/route-registry.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const root = new URL('..', import.meta.url).pathname;

function findEnum(schema: Json, doc: Json, prop: string): unknown {
  const deref = (s: Json): Json => (s?.$ref ? deref(doc.components.schemas[s.$ref.split('/').pop()]) : s);
  const s = deref(schema);
  if (s?.properties?.[prop]) return deref(s.properties[prop]).enum;
  for (const k of ['items', 'allOf', 'anyOf', 'oneOf']) {
    const sub = s?.[k];
    for (const x of Array.isArray(sub) ? sub : sub ? [sub] : []) {
      const e = findEnum(x, doc, prop);
      if (e) return e;
    }
  }
  for (const p of Object.values(s?.properties ?? {})) {
    const e = findEnum(p as Json, doc, prop);
    if (e) return e;
  }
  return undefined;
}

test('the API schema enums come from the registry', () => {
  const doc = buildOpenApi(routes) as Json;
  const body = (path: string) => doc.paths[path].post.requestBody.content['application/json'].schema;
  assert.deepEqual(findEnum(body('/v1/banks/{name}/entries'), doc, 'type'), [...signalTypeNames]);
  assert.deepEqual(findEnum(body('/v1/content/match-hash'), doc, 'type'), [...mediaSignalTypeNames]);
  const importType = doc.paths['/v1/banks/{name}/import'].post.parameters.find((p: Json) => p.name === 'type');
  assert.deepEqual(importType.schema.enum, [...signalTypeNames]);
});

test('the CLI help and docs/signal-types.md list every type', () => {
  for (const t of signalTypeModules) {
    assert.ok(bankCommand.usage.includes(`\`${t.name}\``), `bank --help lists ${t.name}`);
    assert.ok(bankCommand.usage.includes(t.description));
  }
  assert.equal(readFileSync(join(root, 'docs/signal-types.md'), 'utf8'), signalTypesDoc(), 'docs/signal-types.md is generated: run node --import tsx scripts/signal-types-doc.ts');
});

test('the list parser accepts every type by name, with each type’s own examples', () => {
  for (const t of signalTypeModules) {
    const parser = new HashListParser();
    assert.equal(parser.line({ number: 1, bytes: Buffer.from('type\thash'), tooLong: false }).kind, 'header');
    for (const [written, normalised] of t.examples.valid) {
      const r = parser.line({ number: 2, bytes: Buffer.from(`${t.name}\t${written.trim()}`), tooLong: false });
      assert.equal(r.kind, 'entry', `${t.name}: ${JSON.stringify(r)}`);
      assert.equal(r.kind === 'entry' && r.entry.value, normalised);
    }
  }
});

test('no source file outside the registry spells out the list of signal types', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) files.push(p);
    }
  };
  walk(join(root, 'src'));
  const offenders = files.filter((f) => !f.includes('/core/signal-types/') && /\[\s*'pdq'\s*,\s*'md5'\s*,\s*'sha256'/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});
