// Short-chat rules read one author's contextual evidence; each names the categories that fired it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fireRules, flagRules } from './flag-rules.ts';
import { addEvidence, newStrengths, type AuthorContext } from './lexicon-score.ts';
import type { SignalCategory } from './types.ts';

const stranger: AuthorContext = { tier: 'unknown', tierKnown: false, minorCounterpart: 'none', allAdults: false, family: false };

function fired(evidence: [SignalCategory, number][], ctx = stranger): string[] {
  const s = newStrengths();
  for (const [c, w] of evidence) addEvidence(s, c, w);
  return fireRules(s, ctx).map((r) => r.rule.id);
}

test('rule ids are unique and every rule has a description and a risk above the default threshold', () => {
  assert.equal(new Set(flagRules.map((r) => r.id)).size, flagRules.length);
  for (const r of flagRules) assert.ok(r.description.length > 10 && r.risk > 0.5 && r.risk <= 1, r.id);
});

test('single strong signals: a sextortion threat fires alone; a possession claim alone does not', () => {
  assert.deepEqual(fired([['sextortion', 0.95]]), ['sextortion']);
  assert.deepEqual(fired([['sextortion', 0.6]]), []);
  assert.deepEqual(fired([['sextortion', 0.6], ['sextortion', 0.6]]), ['sextortion']);
});

test('combinations fire; either half alone does not', () => {
  assert.deepEqual(fired([['secrecy', 0.9], ['image_request', 0.8]]), ['secrecy_and_image']);
  assert.deepEqual(fired([['secrecy', 0.9]]), []);
  assert.deepEqual(fired([['image_request', 0.8]]), []);
  assert.ok(fired([['supervision_check', 0.85], ['platform_move', 0.65]]).includes('supervision_and_contact'));
  assert.deepEqual(fired([['supervision_check', 0.85], ['meeting', 0.6]]), [], 'a friend coming over is not enough');
  assert.ok(fired([['gifts', 0.75], ['image_request', 0.8]]).includes('offer_for_images'));
});

test('a known minor counterpart makes a picture request enough', () => {
  assert.deepEqual(fired([['image_request', 0.8]], { ...stranger, minorCounterpart: 'disclosed' }), ['minor_and_image']);
});

test('coordinated asks: one harmless-looking ask fires only when several authors each asked', () => {
  assert.deepEqual(fired([['age_probe', 0.7]]), []);
  assert.deepEqual(fired([['age_probe', 0.7]], { ...stranger, coordinated: true }), ['coordinated_asks']);
  assert.deepEqual(fired([['trust_building', 0.9]], { ...stranger, coordinated: true }), [], 'only asks count');
});

test('an age asked and answered with an adult\'s is no minor\'s: minor_and_image needs no adult answer', () => {
  const ev: [SignalCategory, number][] = [['age_probe', 0.8], ['image_request', 0.8]];
  assert.ok(fired(ev).includes('minor_and_image'));
  assert.ok(!fired(ev, { ...stranger, othersAdult: true }).includes('minor_and_image'));
});
