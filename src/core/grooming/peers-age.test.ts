import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSignals } from './index.ts';
import { PEERS_AGE_FACTOR } from './peers-age.ts';

const probes = (text: string) => detectSignals(text).filter((s) => s.category === 'age_probe').map((s) => s.weight);

test('"a girl your age" describes a person by the reader\'s age in five languages: the probe weighs little', () => {
  for (const text of [
    'there is an account pretending to be a girl your age',
    'hay una cuenta que se hace pasar por una chica de tu edad',
    "c'est un compte qui se fait passer pour une fille de ton âge",
    'kids your age should be asleep by now',
  ]) {
    const w = probes(text);
    assert.ok(w.length > 0, `${text}: still kept as evidence`);
    assert.ok(Math.max(...w) <= 0.75 * PEERS_AGE_FACTOR + 1e-9, `${text}: ${w}`);
  }
});

test('asking the age keeps its weight, also beside such a description', () => {
  assert.ok(Math.max(...probes('what is your age')) >= 0.7);
  const both = probes('how old are you? most girls your age dont play this');
  assert.ok(Math.max(...both) >= 0.7, String(both));
});

test("someone else's age (her sister's, the children's a babysitter minds) weighs little; the reader's keeps its weight", () => {
  for (const text of ['hoe oud is haar zus ook alweer', 'Emma a quel âge maintenant ?', 'wie alt ist ihr bruder', 'wie alt ist eigentlich der neue in der klasse']) {
    const w = probes(text);
    assert.ok(w.length > 0 && Math.max(...w) <= 0.75 * PEERS_AGE_FACTOR + 1e-9, `${text}: ${w}`);
  }
  // "how old is you" is chat for "are you"; Spanish "tiene" is also the polite "you", or a tease ("la artista"); "is
  // he" asked of a parent about their son, or "je zus", is about the reader's family.
  for (const text of ['how old is you', 'hoe oud ben je', 'tu a quel age', 'cuantos años tienes', '¿cuántos años tiene usted?', 'cuántos años tiene la artista jaja', 'uw zoon heeft een mooi gezicht. hoe oud is hij?', 'hoe oud is je zus'])
    assert.ok(Math.max(...probes(text)) >= 0.7, text);
});
