import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDQ_MATCH_THRESHOLD } from './pdq/index.ts';
import { isSignalTypeName, signalTypeFor, signalTypeNames, signalTypes } from './signal-types.ts';

test('the registry lists the hash, URL, keyword and opaque types with their formats and match kinds', () => {
  assert.deepEqual([...signalTypeNames], ['pdq', 'md5', 'sha256', 'url', 'keyword', 'opaque']);
  assert.deepEqual(
    signalTypeNames.map((n) => [signalTypes[n].name, signalTypes[n].hexLength, signalTypes[n].matchKind, signalTypes[n].defaultThreshold]),
    [
      ['pdq', 64, 'distance', PDQ_MATCH_THRESHOLD],
      ['md5', 32, 'exact', 0],
      ['sha256', 64, 'exact', 0],
      ['url', undefined, 'exact', 0],
      ['keyword', undefined, 'exact', 0],
      ['opaque', undefined, 'exact', 0],
    ],
  );
  assert.equal(signalTypeFor('md5'), signalTypes.md5);
  assert.equal(isSignalTypeName('pdq'), true);
  assert.equal(isSignalTypeName('PDQ'), false);
});

test('normalize lower-cases and trims valid hex', () => {
  assert.equal(signalTypeFor('md5').normalize(' D41D8CD98F00B204E9800998ECF8427E\n'), 'd41d8cd98f00b204e9800998ecf8427e');
  assert.equal(signalTypeFor('pdq').normalize('F'.repeat(64)), 'f'.repeat(64));
});

test('bad values throw invalid_hash with a message naming the type and the expected length', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['md5', 'd41d8cd98f00b204e9800998ecf8427', /md5 hash is 32 hex digits; got 31/],
    ['sha256', 'a'.repeat(65), /sha256 hash is 64 hex digits; got 65/],
    ['pdq', `${'a'.repeat(63)}z`, /pdq hash is 64 hex digits \(0-9, a-f\)/],
    ['pdq', '', /pdq hash is 64 hex digits/],
    ['md5', '0x' + 'a'.repeat(30), /md5 hash/],
  ];
  for (const [type, value, message] of cases) {
    assert.throws(() => signalTypeFor(type).normalize(value), (e: Error & { code?: string; status?: number }) => {
      assert.equal(e.code, 'invalid_hash');
      assert.equal(e.status, 400);
      assert.match(e.message, message);
      return true;
    });
  }
});

test('unknown types throw unknown_signal_type listing the known ones', () => {
  assert.throws(() => signalTypeFor('sha1'), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'unknown_signal_type');
    assert.match(e.message, /"sha1".*pdq, md5, sha256/);
    return true;
  });
  assert.throws(() => signalTypeFor('toString'), { code: 'unknown_signal_type' });
});
