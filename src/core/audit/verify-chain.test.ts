// The chain in memory: a correct chain verifies; each kind of tampering is named at the first broken link.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { genesisHash, type AuditEntry } from './audit-entry.ts';
import { chainHash } from './chain-hash.ts';
import { verifyChain } from './verify-chain.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) {
    const base = { seq: i, at: 1000 + i, actor: 'p', action: 'case_viewed' as const, subject: { type: 'case', id: `case_${i}` }, detail: { i }, prevHash: out[i - 2]?.hash ?? genesisHash };
    out.push({ ...base, hash: chainHash(base, sha) });
  }
  return out;
}

test('an intact chain verifies', () => {
  assert.deepEqual(verifyChain(chain(5), 5, sha), { ok: true, checked: 5 });
  assert.deepEqual(verifyChain([], 0, sha), { ok: true, checked: 0 });
});

test('edits, deletions, reorderings and truncation are each found at the first broken link', () => {
  const edited = chain(5);
  edited[2] = { ...edited[2]!, detail: { i: 99 } };
  assert.equal(verifyChain(edited, 5, sha).broken?.reason, 'hash_mismatch');
  assert.equal(verifyChain(edited, 5, sha).broken?.seq, 3);
  const deleted = chain(5).filter((e) => e.seq !== 2);
  assert.deepEqual([verifyChain(deleted, 5, sha).broken?.seq, verifyChain(deleted, 5, sha).broken?.reason], [2, 'seq_gap']);
  // Re-numbered to hide the gap: the link to the previous hash breaks instead.
  const renumbered = chain(5).filter((e) => e.seq !== 2).map((e, i) => ({ ...e, seq: i + 1 }));
  assert.equal(verifyChain(renumbered, 4, sha).broken?.seq, 2);
  const swapped = chain(5);
  [swapped[1], swapped[2]] = [{ ...swapped[2]!, seq: 2 }, { ...swapped[1]!, seq: 3 }];
  assert.equal(verifyChain(swapped, 5, sha).broken?.seq, 2);
  assert.deepEqual(verifyChain(chain(5).slice(0, 4), 5, sha).broken?.reason, 'head_mismatch');
  // A rehashed edit (hash recomputed) still breaks the next link.
  const rehashed = chain(5);
  const b = { ...rehashed[1]!, detail: { i: 42 } };
  rehashed[1] = { ...b, hash: chainHash(b, sha) };
  assert.deepEqual([verifyChain(rehashed, 5, sha).broken?.seq, verifyChain(rehashed, 5, sha).broken?.reason], [3, 'prev_hash_mismatch']);
});
