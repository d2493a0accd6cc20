import assert from 'node:assert/strict';
import { test } from 'node:test';
import { supportPolicySchema } from './support-policy.ts';
import { supportFor, resourcesFor, countryKey } from './support-for.ts';
import { supportMessages, supportTopics, readerGroups } from './support-messages.ts';

const policy = supportPolicySchema.parse({});

test('UK children are pointed to Childline, UK adults to the NSPCC', () => {
  const child = supportFor('stream_risk', 'under13', 'GB', policy);
  assert.match(child.message, /Childline on 0800 1111/);
  assert.ok(child.resources.some((r) => r.name === 'Childline'));
  assert.ok(!child.resources.some((r) => r.name === 'NSPCC Helpline'), 'the adult helpline is not offered to a child');
  assert.ok(child.resources.some((r) => r.name.startsWith('CEOP')));
  const adult = supportFor('stream_risk', 'adult', 'uk', policy);
  assert.match(adult.message, /NSPCC Helpline on 0808 800 5000/);
});

test('US readers get the NCMEC CyberTipline; unknown countries the international fallback', () => {
  const us = supportFor('stream_risk', '13-15', 'US', policy);
  const tip = us.resources.find((r) => r.name === 'NCMEC CyberTipline');
  assert.equal(tip?.contact, '1-800-843-5678');
  assert.equal(tip?.url, 'https://report.cybertip.org');
  assert.equal(countryKey('ZZ', policy), 'international');
  const intl = supportFor('stream_risk', 'under13', undefined, policy);
  assert.ok(intl.resources.some((r) => r.name.startsWith('Child Helpline International')));
});

test('a policy adds resources and replaces a built-in by name', () => {
  const p = supportPolicySchema.parse({
    resources: {
      DE: [{ name: 'Nummer gegen Kummer', contact: '116 111', audience: 'young' }],
      GB: [{ name: 'Childline', contact: '0800 1111 (test override)', audience: 'young' }],
    },
  });
  assert.match(supportFor('stream_risk', 'under13', 'DE', p).message, /Nummer gegen Kummer on 116 111/);
  const gb = resourcesFor('GB', p);
  assert.equal(gb.filter((r) => r.name === 'Childline').length, 1);
  assert.equal(gb[0]!.contact, '0800 1111 (test override)');
});

test('messages never blame the reader and use short sentences for children', () => {
  for (const topic of supportTopics) {
    for (const group of readerGroups) {
      const text = supportMessages[topic][group];
      assert.doesNotMatch(text, /you should have|your fault\b(?<!not your fault)|shouldn't have|why did you/i, `${topic}/${group}`);
      if (group === 'child') {
        const sentences = text.split(/[.!?]\s/);
        const longest = Math.max(...sentences.map((s) => s.split(/\s+/).length));
        assert.ok(longest <= 20, `${topic}/child has a ${longest}-word sentence`);
      }
    }
  }
  assert.match(supportMessages.stream_risk.child, /not your fault/);
});
