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

test('asking whether a parent is home to have a word with the parent about something weighs less, in five languages', () => {
  for (const t of [
    'is your dad home? i need a quick word with him about next week',
    'ist deine mutter da? ich muss kurz mit ihr wegen der rechnung sprechen',
    'is je moeder thuis? ik wil haar even bellen over het rooster',
    'ton père est là ? je dois lui parler des horaires',
    '¿está tu padre en casa? necesito hablar con él del horario',
  ]) assert.ok(supervision(t) > 0 && supervision(t) < 0.5, `${t}: ${supervision(t)}`);
  // Wanting a word with the child, or no word with anyone, stays.
  assert.ok(supervision('is your mum home? i need a quick word with you') >= 0.8);
  assert.ok(supervision('ist deine mutter da? ich muss kurz mit dir reden') >= 0.7);
});
