// The contract every signal type module meets, run over the registry: a new type gets these checks by being
// listed, with no test edits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLifeguardError } from '../lifeguard-error.ts';
import { signalTypeModules, signalTypeNames, signalTypes } from './index.ts';

for (const t of signalTypeModules) {
  test(`${t.name}: examples normalise as declared, invalid values are refused with a clear code`, () => {
    assert.ok(t.examples.valid.length > 0 && t.examples.invalid.length > 0, 'every type carries examples');
    for (const [written, normalised] of t.examples.valid) {
      assert.equal(t.normalize(written), normalised, `normalize(${JSON.stringify(written)})`);
      assert.equal(t.normalize(normalised), normalised, 'normalising twice changes nothing');
    }
    for (const bad of t.examples.invalid) {
      assert.throws(() => t.normalize(bad), (e: unknown) => isLifeguardError(e) && (e.code === 'invalid_hash' || e.code === 'invalid_value') && e.status === 400, `refuses ${JSON.stringify(bad)}`);
    }
  });

  test(`${t.name}: matching and non-matching examples`, () => {
    assert.ok(t.examples.matching.length > 0 && t.examples.notMatching.length > 0);
    for (const [a, b] of t.examples.matching) assert.equal(t.matches(a, b, t.defaultThreshold), true, `${a} ~ ${b}`);
    for (const [a, b] of t.examples.notMatching) assert.equal(t.matches(a, b, t.defaultThreshold), false, `${a} !~ ${b}`);
    if (t.matchKind === 'distance') {
      assert.ok(t.distance, 'a distance type has distance()');
      for (const [a, b] of t.examples.matching) assert.ok(t.distance!(a, b) <= t.defaultThreshold);
    }
  });

  test(`${t.name}: index kind and content kind agree`, () => {
    assert.ok(['pdq', 'exact', 'url', 'keyword'].includes(t.indexKind));
    if (t.contentKind === 'text') assert.ok(t.indexKind === 'url' || t.indexKind === 'keyword');
    if (t.hexLength !== undefined) assert.equal(t.maxLength, t.hexLength);
  });
}

test('names are unique, lower-case identifiers and index the registry', () => {
  assert.equal(new Set(signalTypeNames).size, signalTypeNames.length);
  for (const n of signalTypeNames) {
    assert.match(n, /^[a-z][a-z0-9_]*$/);
    assert.equal(signalTypes[n].name, n);
  }
});
