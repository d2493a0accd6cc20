import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createIntervalWorker } from './interval-worker.ts';
import { silentLogger } from './logger.ts';

test('interval worker: a pass at start, never two at once, drain runs until nothing is left', async () => {
  let running = 0;
  let most = 0;
  let passes = 0;
  let left = 0;
  const w = createIntervalWorker('t', 5, async () => {
    running++;
    most = Math.max(most, running);
    passes++;
    await new Promise((r) => setTimeout(r, 15));
    running--;
    return left-- > 0;
  }, silentLogger);
  await w.start();
  await w.stop();
  assert.equal(passes, 1, 'the first pass runs at start; stop waits for it');
  await w.start();
  await new Promise((r) => setTimeout(r, 120));
  await w.stop();
  assert.ok(passes >= 3, 'and then on the interval');
  assert.equal(most, 1, 'passes never overlap');
  const before = passes;
  left = 2;
  await w.drain();
  assert.equal(passes - before, 3, 'drain: two passes with work, one that found none');
});

test('interval worker: a failing pass is logged, not thrown, and drain stops', async () => {
  let passes = 0;
  const w = createIntervalWorker('t', 1000, async () => {
    passes++;
    throw new Error('database gone');
  }, silentLogger);
  await w.drain();
  assert.equal(passes, 1);
});
