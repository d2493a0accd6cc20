/**
 * The case API end to end, on both databases: reports and uploads become cases through the real pipeline and
 * routes; duplicates merge; an imminent-danger report without a stream tops the queue; two reviewers claiming
 * at once get different cases; a reviewer adds a reported (benign, generated) picture to a bank and the next
 * upload of it is blocked; decisions reach the webhook outbox; every view, reveal, assessment, action and
 * export is in the audit log, whose chain verifies.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { TestApp } from '../src/server/test-app.ts';
import { testDatabases } from './support/databases.ts';
import { openTestApp } from './support/open-test-app.ts';

/** A benign generated picture: stripes and a gradient. */
async function picture(seed: number): Promise<Buffer> {
  const stripes = Array.from({ length: 8 }, (_, i) => `<rect x="${i * 32}" y="0" width="16" height="256" fill="rgb(${(seed * 30 + i * 25) % 255},120,${(i * 40) % 255})"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#${(seed * 999331) % 0xffffff}"/>${stripes}<circle cx="${60 + seed * 7}" cy="128" r="50" fill="#fafafa"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const as = (id: string, roles = 'reviewer,child_safety_reviewer') => ({ 'x-lifeguard-reviewer': id, 'x-lifeguard-reviewer-roles': roles });

for (const target of testDatabases()) describe(`${target.name}: case API`, () => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  let read: string;
  let write: string;
  let content: string;
  let reports: string;
  let banks: string;
  let auditor: string;
  before(async () => {
    ({ t, cleanup } = await openTestApp(target, { env: { LIFEGUARD_API_REVIEWERS: 'vouched' } }));
    [read, write, content, reports, banks, auditor] = [await t.token('cases:read'), await t.token('cases:write'), await t.token('content'), await t.token('reports'), await t.token('banks'), await t.token('audit')];
  });
  after(() => cleanup());

  const report = (id: string, subject: { type: string; id: string }, reason: string, extra: Record<string, unknown> = {}) =>
    t.call('POST', '/v1/reports', { token: reports, json: { id, subject, reason, ...extra } });

  test('reports become cases; duplicates merge; an imminent report without a stream is top priority', async () => {
    assert.equal((await report('rep-1', { type: 'account', id: 'acct-a' }, 'harassment')).status, 202);
    assert.equal((await report('rep-2', { type: 'account', id: 'acct-a' }, 'spam')).status, 202);
    assert.equal((await report('rep-3', { type: 'account', id: 'acct-b' }, 'imminent_danger', { text: 'they said they would come to my school' })).status, 202);
    await t.drain();
    const q = await t.call('GET', '/v1/cases', { token: read });
    assert.equal(q.status, 200);
    const mine = q.body.items.filter((c: any) => c.subjects.some((s: any) => s.id === 'acct-a' || s.id === 'acct-b'));
    assert.equal(mine.length, 2, 'two reports on acct-a are one case');
    assert.deepEqual(mine[0].subjects, [{ type: 'account', id: 'acct-b' }]);
    assert.equal(mine[0].priority, 'child_in_danger');
    assert.equal(mine[0].targetMs, 15 * 60_000);
    assert.equal(q.body.items[0].id, mine[0].id, 'the imminent report is first in the whole queue');
    assert.equal(mine[1].priority, 'other');
    assert.equal(mine[1].evidenceCount, 4, 'both reports and both events are evidence of the one case');
    const urgent = await t.call('GET', '/v1/cases?queue=urgent', { token: read });
    assert.deepEqual(urgent.body.items.map((c: any) => c.id), [mine[0].id]);
    // Reading a case needs a named reviewer and is audited as a view.
    assert.equal((await t.call('GET', `/v1/cases/${mine[1].id}`, { token: read })).status, 400);
    const one = await t.call('GET', `/v1/cases/${mine[1].id}`, { token: read, headers: as('rita') });
    assert.equal(one.status, 200);
    assert.deepEqual(one.body.events.map((e: any) => e.kind), ['opened', 'evidence_added', 'viewed']);
    assert.equal((await t.call('GET', '/v1/cases/case_999999', { token: read, headers: as('rita') })).status, 404);
    // Opened by hand over the API (with a language for routing); the same subject again joins it.
    const manual = await t.call('POST', '/v1/cases', { token: write, headers: as('rita'), json: { subjects: [{ type: 'account', id: 'acct-m' }], reasons: ['seen by a moderator'], language: 'de' } });
    assert.equal(manual.status, 201, JSON.stringify(manual.body));
    const joined = await t.call('POST', '/v1/cases', { token: write, headers: as('rita'), json: { subjects: [{ type: 'account', id: 'acct-m' }], reasons: ['again'], evidence: [{ kind: 'message', id: 'm-1', summary: 'a message' }] } });
    assert.deepEqual([joined.status, joined.body.caseId, joined.body.opened], [200, manual.body.caseId, false]);
    const m = await t.call('GET', `/v1/cases/${manual.body.caseId}`, { token: read, headers: as('rita') });
    assert.deepEqual([m.body.summary.source, m.body.summary.language, m.body.events[0].actor], ['manual', 'de', 'rita']);
    const queues = await t.call('GET', '/v1/review/queues', { token: read });
    assert.ok(queues.body.items.find((x: any) => x.id === 'urgent').waiting >= 1);
  });

  test('two reviewers claiming at once get different cases', async () => {
    for (let i = 0; i < 4; i++) assert.equal((await report(`claim-${i}`, { type: 'account', id: `acct-claim-${i}` }, 'bullying')).status, 202);
    await t.drain();
    const before = (await t.call('GET', '/v1/cases?status=open', { token: read })).body.items.length;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.call('POST', '/v1/cases/claim-next', { token: write, headers: as(i % 2 ? 'ann' : 'ben', 'reviewer') })),
    );
    const ids = results.map((r) => r.body.case?.summary.id).filter(Boolean);
    assert.equal(ids.length, Math.min(6, before));
    assert.equal(new Set(ids).size, ids.length, `no case claimed twice: ${ids.join(', ')}`);
    const held = results.find((r) => r.body.case)!.body.case;
    const other = held.summary.assignee === 'ann' ? 'ben' : 'ann';
    const stolen = await t.call('POST', `/v1/cases/${held.summary.id}/claim`, { token: write, headers: as(other, 'reviewer') });
    assert.equal(stolen.status, 409);
    assert.equal(stolen.body.error.code, 'case_claimed');
    const released = await t.call('POST', `/v1/cases/${held.summary.id}/release`, { token: write, headers: as(held.summary.assignee, 'reviewer') });
    assert.equal(released.status, 200);
    assert.equal(released.body.summary.assignee, null);
  });

  test('add to bank → the next upload of that picture is blocked; dismiss; labels; audit verifies', async () => {
    assert.equal((await t.call('POST', '/v1/banks', { token: banks, json: { name: 'reviewed', description: 'added by reviewers' } })).status, 201);
    const img = await picture(3);
    const first = await t.call('POST', '/v1/content?reported=true', { token: content, body: img, headers: { 'content-type': 'image/png' } });
    assert.equal(first.status, 200);
    assert.equal(first.body.decision, 'allow', 'nothing known yet');
    assert.equal(first.body.retained, true);
    const caseId = first.body.caseId as string;
    assert.match(caseId, /^case_\d+$/, 'a reported upload that matches nothing still reaches a person');

    // A plain reviewer may not take a child-safety case; a child-safety reviewer claims it from the queue.
    const plain = await t.call('POST', `/v1/cases/${caseId}/claim`, { token: write, headers: as('pat', 'reviewer') });
    assert.equal(plain.status, 403);
    const claimed = await t.call('POST', `/v1/cases/${caseId}/claim`, { token: write, headers: as('cara') });
    assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
    assert.equal(claimed.body.summary.source, 'reported_upload');
    const reveal = await t.call('POST', `/v1/cases/${caseId}/reveals`, { token: write, headers: as('cara'), json: { contentId: first.body.id, fullView: true } });
    assert.equal(reveal.status, 200);
    const assessed = await t.call('POST', `/v1/cases/${caseId}/assessments`, { token: write, headers: as('cara'), json: { ukCategory: 'C', ageBand: '14-15', notes: 'test note' } });
    assert.equal(assessed.status, 200);
    const bad = await t.call('POST', `/v1/cases/${caseId}/assessments`, { token: write, headers: as('cara'), json: { ageBand: '99' } });
    assert.equal(bad.status, 400);
    const acted = await t.call('POST', `/v1/cases/${caseId}/actions`, { token: write, headers: as('cara'), json: { kind: 'add_to_bank', bank: 'reviewed', category: 'C' } });
    assert.equal(acted.status, 200, JSON.stringify(acted.body));
    assert.equal(acted.body.status, 'done');
    assert.equal(acted.body.bank.name, 'reviewed');
    assert.ok(acted.body.bank.added >= 2, 'sha256, md5 (and pdq) added');

    const again = await t.call('POST', '/v1/content', { token: content, body: img, headers: { 'content-type': 'image/png' } });
    assert.equal(again.body.decision, 'block', 'the next upload of the same picture is blocked');
    assert.ok(again.body.matches.some((m: any) => m.bank === 'reviewed'));
    assert.equal(again.body.caseId, caseId, 'and joins the open case as new evidence');
    const jpeg = await sharp(img).jpeg({ quality: 85 }).toBuffer();
    const variant = await t.call('POST', '/v1/content', { token: content, body: jpeg, headers: { 'content-type': 'image/jpeg' } });
    assert.ok(variant.body.matches.some((m: any) => m.bank === 'reviewed' && m.signalType === 'pdq'), 're-encoded copy matches by PDQ');
    assert.notEqual(variant.body.decision, 'allow');

    const effects = await t.call('GET', '/v1/effects?kind=add_to_bank', { token: await t.token('events') });
    assert.equal(effects.body.items.length, 1);
    assert.equal(effects.body.items[0].effect.decision.reviewer, 'cara');
    assert.equal(effects.body.items[0].effect.target.id, first.body.id);

    const closed = await t.call('POST', `/v1/cases/${caseId}/close`, { token: write, headers: as('cara'), json: {} });
    assert.equal(closed.body.summary.status, 'closed');

    // The same picture as a frame of a child's live stream: the stream ends and a top-priority case opens.
    const ev = await t.token('events');
    const live = await t.call('POST', '/v1/events', {
      token: ev,
      json: {
        events: [
          { id: 'cf-start', type: 'stream.started', streamId: 'cf-s1', streamer: { id: 'kid-9', ageTier: '13-15' }, audience: 'connections' },
          { id: 'cf-frame', type: 'stream.frame', streamId: 'cf-s1', imageBase64: img.toString('base64') },
        ],
      },
    });
    assert.equal(live.status, 202, JSON.stringify(live.body));
    await t.drain();
    const streamCase = (await t.call('GET', '/v1/cases', { token: read })).body.items.find((c: any) => c.subjects.some((s: any) => s.type === 'stream' && s.id === 'cf-s1'));
    assert.ok(streamCase, 'a case for the stream');
    assert.equal(streamCase.source, 'live_stream');
    assert.equal(streamCase.priority, 'child_in_danger', 'a live stream ended for known content is a child in danger now');
    assert.equal(streamCase.requiredRole, 'child_safety_reviewer');
    assert.ok(streamCase.subjects.some((s: any) => s.type === 'hash' && s.id.startsWith('entry:')), 'the matched bank entry is a subject');

    // Dismiss another case as a false positive.
    assert.equal((await report('fp-1', { type: 'account', id: 'acct-fp' }, 'spam')).status, 202);
    await t.drain();
    const fp = (await t.call('GET', '/v1/cases', { token: read })).body.items.find((c: any) => c.subjects.some((s: any) => s.id === 'acct-fp'));
    await t.call('POST', `/v1/cases/${fp.id}/claim`, { token: write, headers: as('dan', 'reviewer') });
    const dismissed = await t.call('POST', `/v1/cases/${fp.id}/actions`, { token: write, headers: as('dan', 'reviewer'), json: { kind: 'dismiss', reason: 'detector_error' } });
    assert.equal(dismissed.body.case.summary.status, 'closed');

    assert.equal((await t.call('GET', '/v1/review/labels', { token: read, headers: as('dan', 'reviewer') })).status, 403);
    const labels = await t.call('GET', '/v1/review/labels', { token: read, headers: as('sue', 'supervisor') });
    assert.deepEqual(
      labels.body.items.map((l: any) => [l.caseId, l.label, l.reason]),
      [[caseId, 'true_positive', null], [fp.id, 'false_positive', 'detector_error']],
    );
    assert.ok(!JSON.stringify(labels.body).includes('test note'));

    const audit = await t.call('GET', '/v1/audit?limit=1000', { token: auditor });
    assert.equal(audit.status, 200);
    const actions = audit.body.items.map((e: any) => e.action);
    for (const a of ['case_viewed', 'case_claimed', 'media_revealed', 'case_assessed', 'case_actioned', 'case_closed', 'labels_exported']) assert.ok(actions.includes(a), `audited: ${a}`);
    const revealed = audit.body.items.find((e: any) => e.action === 'media_revealed');
    assert.equal(revealed.actor, 'cara');
    assert.equal(revealed.detail.fullView, true);
    const verify = await t.call('GET', '/v1/audit/verify', { token: auditor });
    assert.equal(verify.body.ok, true);
    assert.equal(verify.body.checked, audit.body.items.length + 1, 'the read itself was audited');
  });
});
