import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createMediaCipher, parseMediaKey } from './media-cipher.ts';
import { loadOrCreateMediaKey } from './media-key-file.ts';

test('seal/open round-trips, and the ciphertext does not contain the plaintext', () => {
  const cipher = createMediaCipher(randomBytes(32));
  const plain = Buffer.from('benign test bytes '.repeat(50));
  const sealed = cipher.seal(plain, 'content-1');
  assert.equal(sealed.includes(Buffer.from('benign test bytes')), false);
  assert.deepEqual(cipher.open(sealed, 'content-1'), plain);
  assert.notDeepEqual(cipher.seal(plain, 'content-1'), sealed, 'a fresh IV each time');
});

test('a wrong key, wrong content id or flipped bit fails authentication', () => {
  const key = randomBytes(32);
  const sealed = createMediaCipher(key).seal(Buffer.from('abc'), 'c1');
  assert.throws(() => createMediaCipher(randomBytes(32)).open(sealed, 'c1'), { code: 'media_decrypt_failed' });
  assert.throws(() => createMediaCipher(key).open(sealed, 'c2'), { code: 'media_decrypt_failed' });
  const tampered = Buffer.from(sealed);
  tampered[tampered.length - 1]! ^= 1;
  assert.throws(() => createMediaCipher(key).open(tampered, 'c1'), { code: 'media_decrypt_failed' });
});

test('keys parse from hex or base64 and must be 32 bytes', () => {
  const k = randomBytes(32);
  assert.deepEqual(parseMediaKey(k.toString('hex')), k);
  assert.deepEqual(parseMediaKey(k.toString('base64')), k);
  assert.deepEqual(parseMediaKey(k.toString('base64url')), k);
  assert.throws(() => parseMediaKey('abcd'), { code: 'invalid_media_key' });
});

test('without a configured key one is generated once (0600) and reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lg-key-'));
  try {
    const first = loadOrCreateMediaKey(undefined, dir);
    assert.equal(first.created, true);
    assert.equal(statSync(join(dir, 'media.key')).mode & 0o777, 0o600);
    const again = loadOrCreateMediaKey(undefined, dir);
    assert.equal(again.created, false);
    assert.deepEqual(again.key, first.key);
    const configured = randomBytes(32).toString('hex');
    assert.deepEqual(loadOrCreateMediaKey(configured, dir).key, Buffer.from(configured, 'hex'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
