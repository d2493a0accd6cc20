/**
 * Re-walks an audit chain and reports the first broken link. Pure: entries are fed in seq order (a stream,
 * so a long log needs no memory), and `finish` compares the last seq with the head the store recorded.
 */
import { genesisHash, type AuditEntry } from './audit-entry.ts';
import { chainHash, type Sha256Hex } from './chain-hash.ts';

export const chainBreaks = ['hash_mismatch', 'prev_hash_mismatch', 'seq_gap', 'head_mismatch'] as const;
export type ChainBreak = (typeof chainBreaks)[number];

/** The outcome of a verification. */
export interface ChainVerification {
  ok: boolean;
  /** Entries checked. */
  checked: number;
  /** The first broken link, when any. */
  broken?: { seq: number; reason: ChainBreak; message: string };
}

/** A streaming verifier: `add` each entry in ascending seq, then `finish(headSeq)`. */
export function createChainVerifier(sha256: Sha256Hex): { add(e: AuditEntry): boolean; finish(headSeq: number): ChainVerification } {
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let checked = 0;
  let broken: ChainVerification['broken'];
  return {
    add(e) {
      if (broken) return false;
      checked++;
      if (e.seq !== expectedSeq) {
        broken = { seq: expectedSeq, reason: 'seq_gap', message: `entry ${expectedSeq} is missing (next entry found is ${e.seq})` };
      } else if (e.prevHash !== prevHash) {
        broken = { seq: e.seq, reason: 'prev_hash_mismatch', message: `entry ${e.seq} does not point at entry ${e.seq - 1}'s hash (deleted, reordered or edited entry)` };
      } else if (chainHash(e, sha256) !== e.hash) {
        broken = { seq: e.seq, reason: 'hash_mismatch', message: `entry ${e.seq} was changed after it was written (its hash does not match its content)` };
      }
      prevHash = e.hash;
      expectedSeq = e.seq + 1;
      return broken === undefined;
    },
    finish(headSeq) {
      if (!broken && expectedSeq - 1 !== headSeq) {
        broken = {
          seq: Math.min(expectedSeq, headSeq),
          reason: 'head_mismatch',
          message: `the log ends at entry ${expectedSeq - 1} but ${headSeq} entries were written (entries removed from the end)`,
        };
      }
      return broken ? { ok: false, checked, broken } : { ok: true, checked };
    },
  };
}

/** Verifies a whole chain held in memory. */
export function verifyChain(entries: readonly AuditEntry[], headSeq: number, sha256: Sha256Hex): ChainVerification {
  const v = createChainVerifier(sha256);
  for (const e of entries) if (!v.add(e)) break;
  return v.finish(headSeq);
}
