// The guidance pages cannot drift: every detector category is explained, the settings are the policy's,
// and the UK, US and international places to report come from the support policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultTierSettings } from '../safety-policy/tier-settings.ts';
import { supportPolicySchema } from '../support/support-policy.ts';
import { guidancePageContent } from './guidance-content.ts';
import { settingsInWords } from './protective-settings.ts';
import { warningSignCategories, warningSigns } from './warning-signs.ts';

const support = supportPolicySchema.parse({});

test('every signal category of the detector is a warning sign on both pages, in the detector’s order', () => {
  for (const audience of ['parents', 'schools'] as const) {
    const signs = guidancePageContent(audience, defaultTierSettings, support).sections.find((s) => s.id === 'signs')!;
    assert.deepEqual(signs.lists[0]!.items.map((i) => i.title), warningSignCategories.map((c) => warningSigns[c].title));
  }
  assert.equal(new Set(Object.values(warningSigns).map((w) => w.title)).size, warningSignCategories.length, 'titles are distinct');
});

test('the settings section is generated from the tiers: a stricter policy changes the words', () => {
  const page = guidancePageContent('parents', defaultTierSettings, support);
  const settings = page.sections.find((s) => s.id === 'settings')!;
  assert.deepEqual(settings.lists.map((l) => l.heading), ['Ages under 13 and 13 to 15', 'Ages 16 and 17'], 'equal tiers grouped');
  assert.ok(settings.lists[0]!.items.some((i) => i.text === 'Only people they are connected with can send them direct messages.'));
  assert.ok(settings.lists[0]!.items.some((i) => i.text === 'No one can record their live streams.'));
  assert.ok(settings.lists[1]!.items.some((i) => i.text === 'Only people they are connected with can record their live streams.'));
  assert.match(settings.paragraphs.join(' '), /Until the platform knows how old someone is, it uses the settings for ages 16 and 17/);

  const stricter = { ...defaultTierSettings, under13: { ...defaultTierSettings.under13, dm: 'nobody' as const } };
  const s2 = guidancePageContent('parents', stricter, support).sections.find((s) => s.id === 'settings')!;
  assert.deepEqual(s2.lists.map((l) => l.heading), ['Ages under 13', 'Ages 13 to 15', 'Ages 16 and 17']);
  assert.ok(s2.lists[0]!.items.some((i) => i.text === 'No one can send them direct messages.'));
  assert.equal(settingsInWords(defaultTierSettings.adult)[2], 'Anyone can send them direct messages; consider limiting this.');
});

test('disclosure: do not copy images, report; schools also go to the safeguarding lead', () => {
  for (const audience of ['parents', 'schools'] as const) {
    const d = guidancePageContent(audience, defaultTierSettings, support).sections.find((s) => s.id === 'disclosure')!;
    const dont = d.lists.find((l) => l.heading === 'Do not')!.items.map((i) => i.text).join(' ');
    const doList = d.lists.find((l) => l.heading === 'Do')!.items.map((i) => i.text).join(' ');
    assert.match(dont, /Do not copy, save, screenshot/);
    assert.match(doList, /Report it/);
    assert.equal(/safeguarding lead/.test(doList), audience === 'schools');
  }
});

test('where to report: CEOP, NSPCC and Childline in the UK; NCMEC and Childhelp in the US; international otherwise', () => {
  const report = guidancePageContent('schools', defaultTierSettings, support).sections.find((s) => s.id === 'report')!;
  const names = Object.fromEntries(report.places!.map((p) => [p.place, p.resources.map((r) => r.name).join(' | ')]));
  assert.match(names['In the United Kingdom']!, /CEOP/);
  assert.match(names['In the United Kingdom']!, /NSPCC/);
  assert.match(names['In the United Kingdom']!, /Childline/);
  assert.match(names['In the United States']!, /NCMEC/);
  assert.match(names['In the United States']!, /Childhelp/);
  assert.match(names['Anywhere else']!, /Child Helpline International/);
  assert.match(names['Anywhere else']!, /INHOPE/);
});
