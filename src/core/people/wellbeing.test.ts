import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveSettings, exposureState, utcDay } from './wellbeing.ts';

const limits = { maxRevealSeconds: 30, dailyRevealCap: 40, breakEvery: 10, forceGreyscale: false };

test('personal settings can only tighten the organisation limits', () => {
  assert.deepEqual(effectiveSettings(limits), { revealSeconds: 30, dailyRevealCap: 40, breakEvery: 10, greyscale: true });
  assert.deepEqual(effectiveSettings(limits, { revealSeconds: 300, dailyRevealCap: 1000, breakEvery: 99, greyscale: false }), {
    revealSeconds: 30,
    dailyRevealCap: 40,
    breakEvery: 10,
    greyscale: false,
  });
  assert.deepEqual(effectiveSettings(limits, { revealSeconds: 5, dailyRevealCap: 12, breakEvery: 3 }), { revealSeconds: 5, dailyRevealCap: 12, breakEvery: 3, greyscale: true });
  assert.equal(effectiveSettings({ ...limits, forceGreyscale: true }, { greyscale: false }).greyscale, true);
  assert.equal(effectiveSettings(limits, { revealSeconds: 0 }).revealSeconds, 1);
});

test('a break is prompted every N reveals and the cap stops reveals for the day', () => {
  const s = effectiveSettings(limits, { dailyRevealCap: 25, breakEvery: 10 });
  assert.deepEqual(exposureState(s, 0), { kind: 'ok', remaining: 25 });
  assert.deepEqual(exposureState(s, 9), { kind: 'ok', remaining: 16 });
  assert.deepEqual(exposureState(s, 10), { kind: 'break_due', remaining: 15 });
  assert.deepEqual(exposureState(s, 20), { kind: 'break_due', remaining: 5 });
  assert.deepEqual(exposureState(s, 25), { kind: 'cap_reached' });
  assert.deepEqual(exposureState(effectiveSettings({ ...limits, dailyRevealCap: 0 }), 0), { kind: 'cap_reached' });
  assert.equal(utcDay(Date.UTC(2026, 11, 4, 23, 59)), '2026-12-04');
});
