import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { AuditEntry } from '../audit/audit-entry.ts';
import { chainHash } from '../audit/chain-hash.ts';
import { custodyLinks, isCustodyEntry } from './custody-chain.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
let prev = '0'.repeat(64);
const entry = (seq: number, action: AuditEntry['action'], subject: AuditEntry['subject'], detail: Record<string, unknown> = {}): AuditEntry => {
  const base = { seq, at: 1000 + seq, actor: 'kim', action, subject, detail, prevHash: prev };
  const e = { ...base, hash: chainHash(base, sha) };
  prev = e.hash;
  return e;
};

test('custody: the item itself, its case-level holds, and reveals of it only', () => {
  const log = [
    entry(1, 'evidence_kept', { type: 'content', id: 'c1' }, { sha256: 'ab' }),
    entry(2, 'evidence_kept', { type: 'content', id: 'c2' }),
    entry(3, 'case_viewed', { type: 'case', id: 'k1' }),
    entry(4, 'media_revealed', { type: 'case', id: 'k1' }, { contentId: 'c1', fullView: true }),
    entry(5, 'media_revealed', { type: 'case', id: 'k1' }, { contentId: 'c2', fullView: true }),
    entry(6, 'evidence_held', { type: 'case', id: 'k1' }, { until: 9 }),
    entry(7, 'evidence_purged', { type: 'case', id: 'k1' }, { contentIds: ['c2'] }),
    entry(8, 'evidence_held', { type: 'case', id: 'k2' }),
    entry(9, 'case_viewed', { type: 'case', id: 'k1' }, { evidenceKey: 'content:c1' }),
    entry(10, 'case_assessed', { type: 'case', id: 'k1' }),
  ];
  const links = custodyLinks(log, 'c1', ['k1'], sha);
  assert.deepEqual(links.map((l) => l.seq), [1, 4, 6, 9]);
  assert.ok(links.every((l) => l.intact));
  assert.equal(isCustodyEntry(log[6]!, 'c2', ['k1']), true, 'a purge naming the item');
});

test('custody: an entry edited after it was written is flagged', () => {
  const e = entry(11, 'evidence_exported', { type: 'content', id: 'c9' }, { destination: 'uk_nca' });
  const edited = { ...e, actor: 'someone-else' };
  assert.deepEqual(custodyLinks([edited], 'c9', [], sha).map((l) => l.intact), [false]);
});
