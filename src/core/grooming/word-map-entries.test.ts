import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordMapEntries } from './word-map-entries.ts';

test('a word map splits on bars and lines into key and value words; entries without a value are skipped', () => {
  assert.deepEqual(wordMapEntries('nod nicht | kp kein plan\n  zwei  Wörter two words |x|\n'), [
    ['nod', ['nicht']],
    ['kp', ['kein', 'plan']],
    ['zwei', ['Wörter', 'two', 'words']],
  ]);
});
