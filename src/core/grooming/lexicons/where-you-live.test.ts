// "I know where you live" in every language: friends say it bare ("ich weiß wo du wohnst 😤"); with the proof (the
// house, the street, the door) it is a threat on its own. Our own short sober phrases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSignals } from '../index.ts';

const threat = (text: string) => Math.max(0, ...detectSignals(text).filter((s) => s.category === 'threat').map((s) => s.weight));

test('bare, it is below the strong rule (0.9) in en, de, nl, fr and es; with the proof it reaches it', () => {
  for (const [bare, proof] of [
    ['i know where you live', 'i know where you live. the red door near the park'],
    ['ich weiß wo du wohnst', 'ich weiß wo du wohnst. das blaue haus an der ecke'],
    ['ik weet waar je woont', 'ik weet waar je woont, het huis met de groene deur'],
    ['je sais où tu habites', 'je sais où tu habites, la maison au bout de la rue'],
    ['sé dónde vives', 'sé dónde vives, la casa de la puerta azul'],
  ]) {
    assert.ok(threat(bare) >= 0.8 && threat(bare) < 0.9, `${bare}: ${threat(bare)}`);
    assert.ok(threat(proof) >= 0.9, `${proof}: ${threat(proof)}`);
  }
});
