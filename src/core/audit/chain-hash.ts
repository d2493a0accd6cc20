/** The hash of an audit entry: SHA-256 (injected: the core does no I/O and has no crypto) over canonical JSON. */
import { canonicalJson } from '../canonical-json.ts';
import type { AuditEntry } from './audit-entry.ts';

/** SHA-256 of a UTF-8 string, as lowercase hex (node:crypto at the edge). */
export type Sha256Hex = (text: string) => string;

/** The exact text that is hashed: every field but `hash`, keys sorted. `seq` is in it, so moving an entry breaks it. */
export function hashedText(e: Omit<AuditEntry, 'hash'>): string {
  return canonicalJson({ v: 1, seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, detail: e.detail, prevHash: e.prevHash });
}

/** The entry's hash given its fields and the previous entry's hash. */
export function chainHash(e: Omit<AuditEntry, 'hash'>, sha256: Sha256Hex): string {
  return sha256(hashedText(e));
}
