import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRateLimiter } from './rate-limiter.ts';

test('a bucket allows its burst, then refills at the rate, per key', () => {
  let t = 0;
  const rl = createRateLimiter({ rps: 2, burst: 3, now: () => t });
  assert.deepEqual([rl.take('a'), rl.take('a'), rl.take('a')], [0, 0, 0]);
  assert.ok(rl.take('a') >= 1, 'fourth request waits');
  assert.equal(rl.take('b'), 0, 'other keys have their own bucket');
  t += 500; // one token back at 2/s
  assert.equal(rl.take('a'), 0);
  assert.ok(rl.take('a') > 0);
  t += 10_000;
  assert.deepEqual([rl.take('a'), rl.take('a'), rl.take('a')], [0, 0, 0], 'refill caps at the burst');
  assert.ok(rl.take('a') > 0);
});

test('rps 0 disables limiting', () => {
  const rl = createRateLimiter({ rps: 0, burst: 1 });
  for (let i = 0; i < 100; i++) assert.equal(rl.take('a'), 0);
});
