/**
 * An age appeal becomes a case; the reviewer's resolution updates the account's age decision (issue 14), end
 * to end through the real pipeline and routes on both databases: appeal → case → claim → overturn → the
 * settings and the checks change; uphold → unchanged (the appeal answered); no reason → 400; audited in the
 * hash-chained log, whose chain verifies.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../src/server/test-app.ts';
import { testDatabases } from './support/databases.ts';
import { openTestApp } from './support/open-test-app.ts';

const as = (id: string) => ({ 'x-lifeguard-reviewer': id, 'x-lifeguard-reviewer-roles': 'reviewer' });

for (const target of testDatabases()) describe(`${target.name}: age appeal → case → resolution`, () => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  let platform: string;
  let read: string;
  let write: string;
  let auditor: string;
  before(async () => {
    ({ t, cleanup } = await openTestApp(target, { env: { LIFEGUARD_API_REVIEWERS: 'vouched' } }));
    [platform, read, write, auditor] = [await t.token('events', 'age'), await t.token('cases:read'), await t.token('cases:write'), await t.token('audit')];
  });
  after(() => cleanup());

  /** A vendor's confident estimate of 16, then the account appeals saying it is 19; returns the appeal's case. */
  async function appealCase(account: string): Promise<string> {
    const est = await t.call('POST', '/v1/age/signals', { token: platform, json: { signals: [{ id: `${account}-est`, account: { id: account }, method: 'estimation', age: 16, confidence: 0.9, provider: 'vendor' }] } });
    assert.equal(est.status, 202, JSON.stringify(est.body));
    const appeal = await t.call('POST', '/v1/events', { token: platform, json: { events: [{ id: `${account}-appeal`, type: 'age.appeal', account: { id: account }, claimedAge: 19, text: 'I am 19, my birthday was last month' }] } });
    assert.equal(appeal.status, 202, JSON.stringify(appeal.body));
    await t.drain();
    const q = await t.call('GET', '/v1/cases?source=age_appeal', { token: read });
    assert.equal(q.status, 200, JSON.stringify(q.body));
    const mine = q.body.items.filter((c: any) => c.subjects.some((s: any) => s.type === 'account' && s.id === account));
    assert.equal(mine.length, 1, 'the appeal opened one case about the account');
    assert.equal(mine[0].source, 'age_appeal');
    return mine[0].id;
  }
  const settings = async (account: string) => {
    const r = await t.call('GET', `/v1/accounts/${account}/settings`, { token: platform });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body as { tier: string; settings: Record<string, unknown> };
  };
  const age = async (account: string) => (await t.call('GET', `/v1/accounts/${account}/age`, { token: platform })).body;
  const discoverable = async (account: string) =>
    (await t.call('POST', '/v1/checks/discoverable', { token: platform, json: { account: { id: account }, other: { id: 'stranger' }, relation: 'none' } })).body.code;
  const resolve = (caseId: string, reviewer: string, json: unknown) => t.call('POST', `/v1/cases/${caseId}/age-resolution`, { token: write, headers: as(reviewer), json });

  test('overturn: the reviewer decides adult, with a reason; settings and checks follow; audited', async () => {
    const caseId = await appealCase('appeal-a');
    const before = await settings('appeal-a');
    assert.equal(before.tier, '16-17');
    const pending = await age('appeal-a');
    assert.equal(pending.appealPending, true);
    const beforeCheck = await discoverable('appeal-a');

    // The decision is the claim holder's; nobody resolves unclaimed.
    const unclaimed = await resolve(caseId, 'rita', { outcome: 'overturned', tier: 'adult', reason: 'document seen' });
    assert.equal(unclaimed.status, 409, JSON.stringify(unclaimed.body));
    assert.equal(unclaimed.body.error.code, 'claim_required');
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/claim`, { token: write, headers: as('rita') })).status, 200);
    const other = await resolve(caseId, 'sam', { outcome: 'overturned', tier: 'adult', reason: 'document seen' });
    assert.equal(other.status, 409, 'another reviewer cannot resolve a case rita holds');

    const noReason = await resolve(caseId, 'rita', { outcome: 'overturned', tier: 'adult' });
    assert.equal(noReason.status, 400, JSON.stringify(noReason.body));
    assert.equal(noReason.body.error.code, 'reason_required');
    const blank = await resolve(caseId, 'rita', { outcome: 'overturned', tier: 'adult', reason: '  ' });
    assert.equal(blank.body.error.code, 'reason_required');
    const noTier = await resolve(caseId, 'rita', { outcome: 'overturned', reason: 'document seen' });
    assert.deepEqual([noTier.status, noTier.body.error.code], [400, 'invalid_resolution']);
    assert.equal((await settings('appeal-a')).tier, '16-17', 'refused resolutions change nothing');

    const done = await resolve(caseId, 'rita', { outcome: 'overturned', tier: 'adult', reason: 'passport checked on a video call' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.summary.status, 'closed');
    assert.equal(done.body.state.outcome, 'actioned');
    const resolved = done.body.events.find((e: any) => e.kind === 'age_resolved');
    assert.deepEqual(
      [resolved.actor, resolved.data.accountId, resolved.data.outcome, resolved.data.tier, resolved.data.reason],
      ['rita', 'appeal-a', 'overturned', 'adult', 'passport checked on a video call'],
    );

    const after = await settings('appeal-a');
    assert.equal(after.tier, 'adult', 'the settings follow the reviewer at once');
    assert.notDeepEqual(after.settings, before.settings);
    const decision = await age('appeal-a');
    assert.deepEqual([decision.tier, decision.basis, decision.appealPending], ['adult', 'reviewer', false]);
    assert.ok(decision.reasons.includes(`decision overturned on appeal by a reviewer (case ${caseId}): passport checked on a video call`), decision.reasons.join(' | '));
    const afterCheck = await discoverable('appeal-a');
    assert.deepEqual([beforeCheck, afterCheck], ['not_discoverable', 'allowed'], 'the checks follow too');

    // Resolved once: the case is closed; the workers process the reviewer signal without a new case.
    const again = await resolve(caseId, 'rita', { outcome: 'upheld', reason: 'again' });
    assert.equal(again.status, 409);
    await t.drain();
    assert.equal((await age('appeal-a')).tier, 'adult');
    const open = await t.call('GET', '/v1/cases?source=age_appeal', { token: read });
    assert.ok(!open.body.items.some((c: any) => c.subjects.some((s: any) => s.id === 'appeal-a')), 'no new case from the resolution');

    const audit = await t.call('GET', '/v1/audit?action=age_appeal_resolved&limit=100', { token: auditor });
    assert.equal(audit.status, 200, JSON.stringify(audit.body));
    const entry = audit.body.items.find((e: any) => e.subject?.id === caseId);
    assert.ok(entry, 'the resolution is audited');
    assert.deepEqual([entry.actor, entry.detail.outcome, entry.detail.tier, entry.detail.reason, entry.detail.accountId], ['rita', 'overturned', 'adult', 'passport checked on a video call', 'appeal-a']);
    const verify = await t.call('GET', '/v1/audit/verify', { token: auditor });
    assert.equal(verify.body.ok, true, 'the chain verifies');
  });

  test('uphold: the tier and settings stay; the appeal is answered with the reason', async () => {
    const caseId = await appealCase('appeal-b');
    const before = await settings('appeal-b');
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/claim`, { token: write, headers: as('uma') })).status, 200);
    const noReason = await resolve(caseId, 'uma', { outcome: 'upheld' });
    assert.deepEqual([noReason.status, noReason.body.error.code], [400, 'reason_required']);
    const withTier = await resolve(caseId, 'uma', { outcome: 'upheld', tier: 'adult', reason: 'x' });
    assert.deepEqual([withTier.status, withTier.body.error.code], [400, 'invalid_resolution']);
    const done = await resolve(caseId, 'uma', { outcome: 'upheld', reason: 'no document offered; the estimate stands' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.deepEqual([done.body.summary.status, done.body.state.outcome], ['closed', 'no_action']);
    const after = await settings('appeal-b');
    assert.deepEqual(after, before, 'upheld: the same tier and settings');
    const decision = await age('appeal-b');
    assert.deepEqual([decision.tier, decision.basis, decision.appealPending], ['16-17', 'estimation', false]);
    assert.ok(decision.reasons.includes(`decision upheld on appeal by a reviewer (case ${caseId}): no document offered; the estimate stands`), decision.reasons.join(' | '));
  });

  test('only an age appeal can be resolved this way', async () => {
    const rep = await t.call('POST', '/v1/reports', { token: await t.token('reports'), json: { id: 'rep-age-x', subject: { type: 'account', id: 'appeal-c' }, reason: 'spam' } });
    assert.equal(rep.status, 202);
    await t.drain();
    const q = await t.call('GET', '/v1/cases?source=report', { token: read });
    const c = q.body.items.find((x: any) => x.subjects.some((s: any) => s.id === 'appeal-c'));
    assert.ok(c);
    assert.equal((await t.call('POST', `/v1/cases/${c.id}/claim`, { token: write, headers: as('rita') })).status, 200);
    const r = await resolve(c.id, 'rita', { outcome: 'overturned', tier: 'adult', reason: 'r' });
    assert.deepEqual([r.status, r.body.error.code], [409, 'not_age_appeal']);
    assert.equal((await t.call('GET', '/v1/accounts/appeal-c/age', { token: platform })).status, 404, 'nothing written to the age history');
  });
});
