import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dampWhere } from './damp-where.ts';
import { defaultMatcher } from './detector.ts';
import type { Signal } from './types.ts';

const nt = (text: string) => defaultMatcher().normaliser.normalise(text);
const signal = (category: Signal['category'], weight: number): Signal => ({ category, messageIndex: 0, text: 'x', start: 0, end: 1, weight, language: 'en' });

test('a damping weighs only its own category, and only when its pattern matches', () => {
  const damp = dampWhere(/(?<= )lantern(?= )/, 'image_request', 0.25);
  const signals = [signal('image_request', 0.8), signal('secrecy', 0.6)];
  damp(nt('bring the lantern tonight'), signals);
  assert.deepEqual(signals.map((s) => s.weight), [0.2, 0.6]);
  const untouched = [signal('image_request', 0.8)];
  damp(nt('bring the torch tonight'), untouched);
  assert.equal(untouched[0]!.weight, 0.8);
});

test('a damping also reads the message as it was before words were split', () => {
  const damp = dampWhere(/(?<= )lantern(?= )/, 'supervision_check', 0.5);
  const signals = [signal('supervision_check', 0.6)];
  damp(nt('lan tern'), signals, nt('lantern'));
  assert.equal(signals[0]!.weight, 0.3);
});
