import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlatformEvent } from '../core/events.ts';
import { intakeFromEffect } from './pipeline-case-intake.ts';

test('a list hit on an account profile becomes a known-content case about the account, holding the list entry', () => {
  const event = { id: 'p1', type: 'account.profile', account: { id: 'acct-9' }, bio: 'x' } as PlatformEvent;
  const intake = intakeFromEffect(
    '',
    { kind: 'open_case', target: { type: 'account', id: 'acct-9' }, severity: 'high', reasons: ['profile'], evidence: [{ kind: 'bank_match', id: '7', summary: 'URL list entry 7' }], dedupeKey: 'k' },
    event,
    'p1',
  );
  assert.equal(intake.source, 'known_content');
  assert.ok(intake.subjects.some((s) => s.type === 'account' && s.id === 'acct-9'));
  assert.ok(intake.subjects.some((s) => s.type === 'hash' && s.id === 'entry:7'));
});
