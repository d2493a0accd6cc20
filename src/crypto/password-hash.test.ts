import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatePassword, hashPassword, verifyPassword } from './password-hash.ts';

const fast = { N: 1024, r: 8, p: 1 };

test('hash and verify: the right password matches, a wrong one does not; salts differ per hash', async () => {
  const h1 = await hashPassword('correct horse battery', fast);
  const h2 = await hashPassword('correct horse battery', fast);
  assert.match(h1, /^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  assert.notEqual(h1, h2);
  assert.equal(await verifyPassword('correct horse battery', h1), true);
  assert.equal(await verifyPassword('correct horse batterY', h1), false);
  assert.equal(await verifyPassword('', h1), false);
});

test('the default parameters are stored and used; a malformed or missing hash never matches', async () => {
  const h = await hashPassword('another long password');
  assert.ok(h.startsWith('scrypt$32768$8$1$'));
  assert.equal(await verifyPassword('another long password', h), true);
  assert.equal(await verifyPassword('another long password', null), false);
  assert.equal(await verifyPassword('another long password', 'plain-text'), false);
  assert.equal(await verifyPassword('x'.repeat(5000), h), false);
});

test('short passwords are refused; generated ones are 20 characters and distinct', async () => {
  await assert.rejects(hashPassword('short', fast), { code: 'weak_password' });
  const a = generatePassword();
  assert.match(a, /^[A-Za-z2-9]{20}$/);
  assert.notEqual(a, generatePassword());
});
