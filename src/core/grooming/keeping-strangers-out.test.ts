import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSignals } from './index.ts';
import { KEEPING_OUT_FACTOR } from './keeping-strangers-out.ts';

const supervision = (text: string) => detectSignals(text).find((s) => s.category === 'supervision_check')?.weight ?? 0;

test('a locked door with the order to let nobody in weighs less, in five languages', () => {
  for (const [plain, told] of [
    ['lock the door', 'lock the door and dont let anyone in until i get back'],
    ['tür abschließen', 'tür abschließen und niemanden reinlassen, ich komme um 6'],
    ['deur op slot', 'deur op slot en niemand binnenlaten tot ik er ben'],
    ['ferme la porte à clé', "ferme la porte à clé et n'ouvre à personne"],
    ['cierra la puerta con llave', 'cierra la puerta con llave y no le abras a nadie'],
  ] as const) {
    const w = supervision(plain);
    assert.ok(w >= 0.7, plain);
    assert.ok(supervision(told) <= w * KEEPING_OUT_FACTOR + 1e-9 && supervision(told) > 0, `${told}: ${supervision(told)}`);
  }
});

test('a locked door so that nobody walks in stays a check of who can see', () => {
  assert.ok(supervision('lock the door so nobody walks in on us') >= 0.7);
  assert.ok(supervision('deur op slot zodat niemand binnenkomt') >= 0.7);
});
