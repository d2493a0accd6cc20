// The referral journal on every database: ordered records, all fields kept, two writers of one seq collide.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { createReferralJournal } from './referral-journal-store.ts';

for (const tdb of testDatabases()) {
  test(`${tdb.name}: referral journal appends in order and refuses a second writer`, async () => {
    const { database, cleanup } = await tdb.open();
    try {
      const j = createReferralJournal(database);
      const base = { referralId: 'r1', caseId: 'case_1', destination: 'ncmec_cybertipline' };
      await j.append({ ...base, seq: 1, at: 10, step: 'submit', phase: 'sent', request: '<report/>' });
      await j.append({ ...base, seq: 2, at: 11, step: 'submit', phase: 'ok', reportId: '1001', request: '', response: '<reportResponse/>' });
      await j.append({ ...base, seq: 3, at: 12, step: 'upload', phase: 'sent', reportId: '1001', contentId: 'c1', request: '{}' });
      await assert.rejects(j.append({ ...base, seq: 3, at: 13, step: 'upload', phase: 'sent', reportId: '1001', contentId: 'c1', request: '{}' }), { code: 'referral_busy', status: 409 });
      await j.append({ ...base, referralId: 'r2', seq: 1, at: 14, step: 'submit', phase: 'sent', request: '<report/>' });
      const recs = await j.records('r1');
      assert.deepEqual(recs.map((r) => [r.seq, r.step, r.phase]), [[1, 'submit', 'sent'], [2, 'submit', 'ok'], [3, 'upload', 'sent']]);
      assert.equal(recs[1]!.reportId, '1001');
      assert.equal(recs[1]!.response, '<reportResponse/>');
      assert.equal(recs[2]!.contentId, 'c1');
      assert.equal(recs[0]!.at, 10);
      assert.deepEqual(await j.ofCase('case_1'), [
        { referralId: 'r1', destination: 'ncmec_cybertipline', reportIds: ['1001'] },
        { referralId: 'r2', destination: 'ncmec_cybertipline', reportIds: [] },
      ]);
    } finally {
      await cleanup();
    }
  });
}
