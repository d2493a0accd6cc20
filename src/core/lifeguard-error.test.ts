import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invalidInput, isLifeguardError, LifeguardError, notFound, tooLarge } from './lifeguard-error.ts';

test('factories set code, status and message, and serialise without a stack', () => {
  const e = tooLarge('image_too_large', 'image has 400000000 pixels; the limit is 100000000', { pixels: 4e8 });
  assert.ok(e instanceof LifeguardError);
  assert.equal(e.status, 413);
  assert.deepEqual(JSON.parse(JSON.stringify(e)), {
    code: 'image_too_large',
    message: 'image has 400000000 pixels; the limit is 100000000',
    detail: { pixels: 4e8 },
  });
  assert.equal(invalidInput('bad_hex', 'x').status, 400);
  assert.equal(notFound('bank_not_found', 'x').status, 404);
  assert.equal(isLifeguardError(new Error('plain')), false);
});
