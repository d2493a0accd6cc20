import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRetryableReferralFailure, nextRetryAt } from './referral-retry.ts';

test('retry back-off doubles from the base, is capped, and gives up after the last attempt', () => {
  const s = { baseMs: 1000, capMs: 5000, maxAttempts: 5 };
  assert.deepEqual([1, 2, 3, 4].map((n) => nextRetryAt(n, 0, s)), [1000, 2000, 4000, 5000]);
  assert.equal(nextRetryAt(5, 0, s), undefined);
});

test('a refused or unconfirmed referral is not retried; an unreachable authority or a crash is', () => {
  assert.equal(isRetryableReferralFailure('cybertipline_refused'), false);
  assert.equal(isRetryableReferralFailure('referral_not_confirmed'), false);
  assert.equal(isRetryableReferralFailure('referral_failed'), true);
  assert.equal(isRetryableReferralFailure(undefined), true);
});
