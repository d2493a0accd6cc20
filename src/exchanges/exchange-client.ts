/**
 * An exchange: an outside list of known content (hash sharing programmes, hotline URL lists) that Lifeguard
 * fetches on a schedule into a bank. A client speaks one format; the sync (exchange-sync.ts) applies what it
 * returns to the store, so every format gets the same guarantees (a failed fetch changes nothing it has not
 * checkpointed; the local copy ends equal to the server's).
 */
import type { SignalTypeName } from '../core/banks/types.ts';

/** One entry as the exchange lists it. */
export interface FetchedEntry {
  signalType: SignalTypeName;
  /** Normalised value (the client normalises with the signal type). */
  value: string;
  /** The exchange's own id of the entry (stable across fetches); the value when the list has none. */
  externalId: string;
  category?: string | null;
}

/** One page of a fetch. */
export interface FetchPage {
  upserts: FetchedEntry[];
  /** External ids the exchange deleted (incremental exchanges). */
  deletes: string[];
  /** Records of the page that could not be read (kept out, counted). */
  invalid: number;
  /** Checkpoint to store once this page is applied (incremental exchanges); undefined: keep the old one. */
  checkpoint?: string;
}

/**
 * `snapshot`: every fetch returns the whole list and the local copy is replaced by it (only after the last page
 * arrived). `incremental`: pages carry changes since the stored checkpoint and are applied page by page.
 */
export type ExchangeMode = 'snapshot' | 'incremental';

export type ExchangeOpinion = 'false_positive' | 'true_positive';

export interface ExchangeClient {
  readonly kind: string;
  readonly mode: ExchangeMode;
  /** Pages of the list (or of its changes since `checkpoint`); throws on any failure. */
  fetch(checkpoint: string | null, signal: AbortSignal): AsyncIterable<FetchPage>;
  /** Sends a reviewer's opinion on an entry back to the exchange, when it supports that. */
  reportOpinion?(entry: { externalId: string; signalType: SignalTypeName; value: string }, opinion: ExchangeOpinion, signal: AbortSignal): Promise<void>;
  /** The signal types `share` takes (set when the exchange supports sharing and it is configured). */
  readonly shareTypes?: readonly SignalTypeName[];
  /**
   * Shares one hash the platform's reviewers confirmed; resolves with the exchange's id of the share. Sent once
   * (no automatic retry): `idempotencyKey` is the same for every attempt at the same journal row.
   */
  share?(item: SharedHash, idempotencyKey: string, signal: AbortSignal): Promise<{ remoteId: string | null }>;
  /**
   * After an attempt whose answer was lost: the id of our share of this hash if the exchange already holds it,
   * null if it does not. Exchanges without it rely on the idempotency key.
   */
  findShared?(item: SharedHash, signal: AbortSignal): Promise<string | null>;
}

/** A hash to share. */
export interface SharedHash {
  signalType: SignalTypeName;
  value: string;
  /** The reviewer's category (UK A/B/C), when known. */
  category: string | null;
}
