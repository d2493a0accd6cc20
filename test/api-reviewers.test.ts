/**
 * Who the case API acts for, on both databases: a reviewer who is a person in the people store acts with their
 * stored roles (a roles header can narrow them, never add one); a disabled person is refused and audited; an
 * unknown id is refused in `people` mode (the default) and taken on the key's word in `vouched` mode.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../src/server/test-app.ts';
import { createPeopleStore, type Person } from '../src/store/people-store.ts';
import { testDatabases } from './support/databases.ts';
import { openTestApp } from './support/open-test-app.ts';

const as = (id: string, roles?: string) => ({ 'x-lifeguard-reviewer': id, ...(roles !== undefined ? { 'x-lifeguard-reviewer-roles': roles } : {}) });

for (const target of testDatabases()) describe(`${target.name}: API reviewers are people`, () => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  let read: string;
  let write: string;
  let auditor: string;
  let rev: Person;
  let sup: Person;
  let gone: Person;
  before(async () => {
    ({ t, cleanup } = await openTestApp(target));
    [read, write, auditor] = [await t.token('cases:read'), await t.token('cases:write'), await t.token('audit')];
    const people = createPeopleStore(t.deps.database);
    rev = await people.add({ email: 'rev@example.org', roles: ['reviewer'] });
    sup = await people.add({ email: 'sup@example.org', roles: ['supervisor'] });
    gone = await people.add({ email: 'gone@example.org', roles: ['supervisor', 'reviewer'] });
    await people.disable(gone.id);
  });
  after(() => cleanup());

  const labels = (headers: Record<string, string>) => t.call('GET', '/v1/review/labels', { token: read, headers });

  test('stored roles win over a header that claims more; the header can narrow them', async () => {
    const claimed = await labels(as(rev.id, 'reviewer,supervisor'));
    assert.equal(claimed.status, 403, 'a reviewer claiming supervisor over the API is still only a reviewer');
    assert.equal(claimed.body.error.code, 'forbidden');
    assert.equal((await labels(as(sup.id))).status, 200, 'no roles header: the stored roles apply');
    assert.equal((await labels(as('sup@example.org'))).status, 200, 'named by e-mail');
    assert.equal((await labels(as(sup.id, 'reviewer'))).status, 403, 'narrowed to roles the person does not hold: none left');
    // Acting by e-mail records the person's id.
    const opened = await t.call('POST', '/v1/cases', { token: write, headers: as('REV@example.org'), json: { subjects: [{ type: 'account', id: 'acct-people-1' }], reasons: ['seen by a moderator'] } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const got = await t.call('GET', `/v1/cases/${opened.body.caseId}`, { token: read, headers: as(rev.id) });
    assert.equal(got.status, 200);
    assert.equal(got.body.events[0].actor, rev.id);
  });

  test('a disabled person is refused (403 reviewer_disabled), audited', async () => {
    for (const id of [gone.id, 'gone@example.org']) {
      const r = await labels(as(id, 'supervisor'));
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'reviewer_disabled');
    }
    const audit = await t.call('GET', '/v1/audit?limit=1000', { token: auditor });
    const refusals = audit.body.items.filter((e: any) => e.action === 'reviewer_refused' && e.actor === gone.id);
    assert.equal(refusals.length, 2);
    assert.equal(refusals[0].detail.code, 'reviewer_disabled');
  });

  test('an unknown reviewer is refused in people mode (the default), audited', async () => {
    const r = await t.call('POST', '/v1/cases/claim-next', { token: write, headers: as('stranger', 'supervisor') });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'unknown_reviewer');
    const audit = await t.call('GET', '/v1/audit?limit=1000', { token: auditor });
    assert.ok(audit.body.items.some((e: any) => e.action === 'reviewer_refused' && e.actor === 'stranger' && e.detail.code === 'unknown_reviewer'));
  });
});

describe('sqlite: vouched mode', () => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ t, cleanup } = await openTestApp(testDatabases()[0]!, { env: { LIFEGUARD_API_REVIEWERS: 'vouched' } }));
  });
  after(() => cleanup());

  test('an id the key vouches for acts with the header roles; people in the store still use their stored roles', async () => {
    const read = await t.token('cases:read');
    assert.equal((await t.call('GET', '/v1/review/labels', { token: read, headers: as('outside-reviewer', 'supervisor') })).status, 200);
    assert.equal((await t.call('GET', '/v1/review/labels', { token: read, headers: as('outside-reviewer') })).status, 403, 'default role: reviewer');
    const people = createPeopleStore(t.deps.database);
    const p = await people.add({ email: 'inside@example.org', roles: ['reviewer'] });
    assert.equal((await t.call('GET', '/v1/review/labels', { token: read, headers: as(p.id, 'supervisor') })).status, 403);
    await people.disable(p.id);
    const r = await t.call('GET', '/v1/review/labels', { token: read, headers: as(p.id) });
    assert.deepEqual([r.status, r.body.error.code], [403, 'reviewer_disabled']);
  });
});
