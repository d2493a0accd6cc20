import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSignals } from './index.ts';
import { REACHING_FACTOR } from './reaching-parent.ts';

const supervision = (text: string) => detectSignals(text).find((s) => s.category === 'supervision_check')?.weight ?? 0;

test('asking whether a parent is home in order to reach the parent weighs less, in five languages and evasive spelling', () => {
  const plain = supervision('is your dad home?');
  assert.ok(plain >= 0.8);
  for (const t of [
    "is your dad home? i've been trying to call him",
    'is your dad home? my phone cant reach him',
    'is your mum home? she isnt picking up',
    'are your parents home? ask them to ring me',
    'i.s y.o.u.r d.a.d h.o.m.e? m.y p.h.o.n.e c.a.n.t r.e.a.c.h h.i.m',
  ]) assert.ok(Math.abs(supervision(t) - plain * REACHING_FACTOR) < 1e-9, t);
});

test('a check of who is around, with no wish to reach the parent, stays as it is', () => {
  assert.ok(supervision('is your dad home? i want to call you') >= 0.8);
  assert.ok(supervision('are your parents home? call me when they go out') >= 0.8);
});

test('someone the parents sent names the arrangement, in five languages; "they said you\'d be alone" stays', () => {
  const plain = supervision('are your parents home?');
  for (const t of [
    "are your parents home? i'm outside, they told me half past",
    'sind deine eltern schon weg? deine mama hat gesagt um 7',
    'zijn je ouders al weg? je moeder zei om 7 uur',
    "tes parents sont partis ? ta mère m'a dit 19h",
    '¿tus padres están en casa? tu mamá me dijo a las 7',
  ]) assert.ok(supervision(t) > 0 && supervision(t) < 0.5, `${t}: ${supervision(t)}`);
  assert.equal(supervision('are your parents home? they said you would be alone'), plain);
});
