import assert from 'node:assert/strict';
import { test } from 'node:test';
import { helpCountries, helpPageContent, helpReaderFor, helpReaders, phoneDigits } from './help-page-content.ts';
import { supportFor } from './support-for.ts';
import { supportPolicySchema } from './support-policy.ts';

const policy = supportPolicySchema.parse({});
const names = (page: ReturnType<typeof helpPageContent>, id: string) => page.sections.find((s) => s.id === id)!.resources.map((r) => r.name);
const allText = (page: ReturnType<typeof helpPageContent>) => [page.title, page.intro, ...page.sections.flatMap((s) => [s.heading, ...s.paragraphs])];

test('ages read as a reader: tiers, groups and whole years; anything else reads as anyone', () => {
  const cases: [string | undefined, string][] = [
    ['under13', 'child'], ['13-15', 'teen'], ['16-17', 'teen'], ['adult', 'adult'], ['unknown', 'any'],
    ['child', 'child'], ['teen', 'teen'], ['any', 'any'], ['9', 'child'], ['12', 'child'], ['13', 'teen'], ['17', 'teen'], ['18', 'adult'],
    ['121', 'any'], ['-3', 'any'], ['1e3', 'any'], ['<b>', 'any'], ['', 'any'], [undefined, 'any'], ['constructor', 'any'],
  ];
  for (const [age, reader] of cases) assert.equal(helpReaderFor(age), reader, String(age));
});

test('phone numbers become digits to dial; words and odd strings do not', () => {
  assert.equal(phoneDigits('0800 1111'), '08001111');
  assert.equal(phoneDigits('1-800-843-5678'), '18008435678');
  assert.equal(phoneDigits('999'), '999');
  assert.equal(phoneDigits('+1 (800) 843-5678'), '+18008435678');
  for (const no of ['online', 'report online', 'your local emergency number', '12', 'call 999', '0800 1111 or text', '1234567890123456']) {
    assert.equal(phoneDigits(no), undefined, no);
  }
});

test('GB: 999 first, Childline for a child, the NSPCC for an adult, both (labelled) when the age is unknown, CEOP to report', () => {
  const child = helpPageContent('GB', policy, 'child');
  assert.equal(child.country, 'GB');
  assert.deepEqual(child.sections.map((s) => s.id), ['danger', 'not-your-fault', 'talk', 'report', 'next']);
  assert.deepEqual(names(child, 'danger'), ['Emergency']);
  assert.equal(child.sections[0]!.paragraphs[0], 'Call 999 now.');
  assert.deepEqual(names(child, 'talk'), ['Childline']);
  assert.ok(names(child, 'report').some((n) => n.startsWith('CEOP')));
  assert.deepEqual(names(helpPageContent('uk', policy, 'adult'), 'talk'), ['NSPCC Helpline']);
  assert.deepEqual(names(helpPageContent('GB', policy, 'any'), 'talk'), ['Childline', 'NSPCC Helpline'], 'young people first');
});

test('US: 911 and the NCMEC CyberTipline; unknown countries get the international page with no number invented', () => {
  const us = helpPageContent('US', policy, 'teen');
  assert.equal(us.sections[0]!.paragraphs[0], 'Call 911 now.');
  assert.ok(names(us, 'report').includes('NCMEC CyberTipline'));
  for (const country of ['ZZ', 'international', undefined]) {
    const intl = helpPageContent(country, policy);
    assert.equal(intl.country, 'international');
    assert.deepEqual(names(intl, 'danger'), [], 'no dialable number is known');
    assert.equal(intl.sections[0]!.paragraphs[0], 'Call your local emergency number now.');
    assert.ok(names(intl, 'talk').includes('Child Helpline International'));
  }
  assert.deepEqual(helpCountries(policy), ['GB', 'US', 'international']);
});

test('a policy country and default country are used', () => {
  const p = supportPolicySchema.parse({
    defaultCountry: 'DE',
    resources: { DE: [{ name: 'Nummer gegen Kummer', contact: '116 111', audience: 'young' }, { name: 'Notruf', contact: '112', kind: 'emergency' }] },
  });
  const page = helpPageContent(undefined, p, 'child');
  assert.equal(page.country, 'DE');
  assert.deepEqual(names(page, 'talk'), ['Nummer gegen Kummer']);
  assert.equal(page.sections[0]!.paragraphs[0], 'Call 112 now.');
  assert.deepEqual(helpCountries(p), ['DE', 'GB', 'US', 'international']);
});

test('every wording says it is not the reader’s fault, never blames, and keeps child sentences short', () => {
  for (const reader of helpReaders) {
    const page = helpPageContent('GB', policy, reader);
    const text = allText(page).join(' ');
    assert.match(text, /not your fault|never the child’s fault/, reader);
    assert.doesNotMatch(text, /you should have|shouldn't have|why did you|your fault\b(?<!not your fault)/i, reader);
    if (reader === 'child' || reader === 'any') {
      const sentences = allText(page).flatMap((t) => t.split(/(?<=[.!?])\s+/));
      const longest = Math.max(...sentences.map((s) => s.split(/\s+/).length));
      assert.ok(longest <= 20, `${reader}: a ${longest}-word sentence`);
    }
  }
});

test('nudges link to the help page for the reader’s country and age', () => {
  assert.equal(supportFor('stream_risk', 'under13', 'GB', policy).helpUrl, '/help/GB?age=child');
  assert.equal(supportFor('stream_paused', 'adult', 'US', policy).helpUrl, '/help/US?age=adult');
  assert.equal(supportFor('stream_risk', '16-17', 'ZZ', policy).helpUrl, '/help/international?age=teen');
});
