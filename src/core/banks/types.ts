/**
 * Hash banks as data: a bank is a named set of known content (PDQ, MD5, SHA-256 values with metadata).
 * Stores, the matcher, the CLI and the service code against these types.
 */
import type { SignalTypeName } from '../signal-types.ts';

export type { SignalTypeName };

export interface Bank {
  id: number;
  name: string;
  description: string | null;
  /** ISO-8601 UTC. */
  createdAt: string;
}

/** A bank with its entry count, as listed. */
export interface BankSummary extends Bank {
  entries: number;
}

/** An entry to add. `value` must already be normalised (see signalTypeFor(type).normalize). */
export interface NewBankEntry {
  signalType: SignalTypeName;
  value: string;
  externalId?: string | null;
  /** Where the hash came from (a list name, a hotline); merged as a set. */
  sources?: readonly string[];
  /** Category such as A/B/C, or any short label. */
  category?: string | null;
  /** PDQ quality 0..100 when the list gave one. */
  quality?: number | null;
  /** Language of a keyword term (BCP 47, e.g. `en`), when the list gave one. */
  language?: string | null;
}

/** A stored entry. */
export interface BankEntry {
  id: number;
  bankId: number;
  bankName: string;
  signalType: SignalTypeName;
  value: string;
  externalId: string | null;
  sources: string[];
  category: string | null;
  quality: number | null;
  /** PDQ quality < 50: kept for the record, never matched. */
  flaggedLowQuality: boolean;
  addedAt: string;
  /** Language of a keyword term, when known. */
  language: string | null;
  /** A reviewer marked it a false positive: kept for the record, never matched (until cleared). */
  disabled: boolean;
}

/** A reviewer's opinion on an entry: a false positive disables it for us; a true positive or `cleared` re-enables it. */
export const entryOpinions = ['false_positive', 'true_positive', 'cleared'] as const;
export type EntryOpinion = (typeof entryOpinions)[number];

/** One recorded opinion (append-only history). */
export interface EntryOpinionRecord {
  id: number;
  entryId: number;
  opinion: EntryOpinion;
  by: string | null;
  note: string | null;
  /** The exchange it was (to be) reported to, and when it was. */
  exchange: string | null;
  reportedAt: string | null;
  at: string;
}

/** A change relevant to an in-memory text index (URL or keyword list). */
export interface TextIndexChange {
  entryId: number;
  signalType: SignalTypeName;
  /** The entry's bank and value when present. */
  bankId?: number;
  value?: string;
  present: boolean;
}

/** Outcome of adding a batch of entries. */
export interface AddEntriesResult {
  /** New rows. */
  added: number;
  /** Duplicates of an existing (bank, type, value) or of an earlier row of the batch, merged into it. */
  merged: number;
  /** New rows stored flagged as low quality. */
  flagged: number;
}

/** Entry counts of one bank or of all banks. */
export interface BankStats {
  /** The bank's name; absent for the totals over all banks. */
  bank?: string;
  banks: number;
  entries: number;
  byType: Record<string, number>;
  byCategory: Record<string, number>;
  flaggedLowQuality: number;
}

/** Where an index snapshot stands in the store's history: every entry id ≤ entryId and change ≤ changeSeq seen. */
export interface StoreCursor {
  entryId: number;
  changeSeq: number;
}

/** A change relevant to a PDQ index: `present` tells whether the entry should now be in the index. */
export interface PdqIndexChange {
  entryId: number;
  /** The hash when present. */
  value?: string;
  present: boolean;
}

/** One match of a query against a bank entry. */
export interface BankMatch {
  bank: string;
  bankId: number;
  entryId: number;
  externalId: string | null;
  category: string | null;
  signalType: SignalTypeName;
  value: string;
  /** Hamming distance for PDQ; 0 for exact types. */
  distance: number;
  sources: string[];
  /** The query variant that matched (PDQ: a rotation/flip, 'trimmed', 'uncrop-…'), when not the original. */
  variant?: string;
  /** With `variant`: plain words for a reviewer, e.g. "matched after trimming a border, distance 12". */
  note?: string;
}
