/**
 * The PDQ index over every matchable bank entry (PDQ, not flagged low-quality), kept in step with the store:
 * loaded from its snapshot file and brought up to date with only the store's changes since the snapshot's
 * cursor; rebuilt from the store when there is no usable snapshot. The snapshot is rewritten when the
 * applied delta is large, or on request (after an import).
 */
import type { PdqIndexChange, StoreCursor } from '../core/banks/types.ts';
import { PdqIndex } from '../core/index/pdq-index.ts';
import type { BankStore } from '../store/bank-store.ts';
import { readPdqIndexSnapshot, writePdqIndexSnapshot } from './pdq-index-snapshot.ts';

export interface BankPdqIndexOptions {
  store: BankStore;
  /** Where the snapshot lives (e.g. `<data-dir>/pdq-index.bin`); without it the index is built in memory. */
  snapshotPath?: string;
  /** Rewrite the snapshot on load when at least this many changes were applied (default 10,000 or 1 % of the index, whichever is larger). */
  rewriteAfterChanges?: number;
}

/** How the index was obtained, for logs and tests. */
export interface IndexLoadReport {
  source: 'snapshot' | 'rebuilt';
  /** Why a rebuild was needed. */
  reason?: string;
  /** Changes applied on top of the snapshot. */
  applied: number;
  size: number;
  snapshotWritten: boolean;
  /** Set when writing the snapshot failed (the index still works). */
  snapshotError?: string;
  ms: number;
}

export class BankPdqIndex {
  readonly #store: BankStore;
  readonly #path: string | undefined;
  #index: PdqIndex;
  #cursor: StoreCursor;
  #instanceId: string;
  #dirty = 0;

  private constructor(store: BankStore, path: string | undefined, index: PdqIndex, cursor: StoreCursor, instanceId: string) {
    this.#store = store;
    this.#path = path;
    this.#index = index;
    this.#cursor = cursor;
    this.#instanceId = instanceId;
  }

  /** Loads the index (snapshot + delta, or a rebuild) and reports how. */
  static async load(opts: BankPdqIndexOptions): Promise<{ index: BankPdqIndex; report: IndexLoadReport }> {
    const started = performance.now();
    const instanceId = await opts.store.instanceId();
    let reason: string | undefined;
    let loaded: BankPdqIndex | undefined;
    if (opts.snapshotPath !== undefined) {
      const read = await readPdqIndexSnapshot(opts.snapshotPath);
      reason = read.reason;
      if (read.snapshot && read.snapshot.instanceId !== instanceId) reason = 'snapshot belongs to another database';
      else if (read.snapshot && read.snapshot.cursor.changeSeq > (await opts.store.cursor()).changeSeq) {
        // The change log never shrinks, so the database was restored to an older state than the snapshot.
        reason = 'snapshot is newer than the database';
      } else if (read.snapshot) loaded = new BankPdqIndex(opts.store, opts.snapshotPath, read.snapshot.index, read.snapshot.cursor, instanceId);
    } else {
      reason = 'no snapshot path';
    }

    let applied = 0;
    let source: IndexLoadReport['source'] = 'snapshot';
    if (loaded) {
      applied = await loaded.refresh();
    } else {
      source = 'rebuilt';
      // Read the cursor before the entries: anything written meanwhile is applied again next time (idempotent).
      const cursor = await opts.store.cursor();
      const index = new PdqIndex();
      for await (const e of opts.store.pdqEntries()) index.add(e.id, e.value);
      loaded = new BankPdqIndex(opts.store, opts.snapshotPath, index, cursor, instanceId);
    }

    const threshold = opts.rewriteAfterChanges ?? Math.max(10_000, Math.floor(loaded.size / 100));
    let snapshotWritten = false;
    let snapshotError: string | undefined;
    if (opts.snapshotPath !== undefined && (source === 'rebuilt' || applied >= threshold)) {
      try {
        await loaded.save();
        snapshotWritten = true;
      } catch (e) {
        snapshotError = (e as Error).message;
      }
    }
    const report: IndexLoadReport = { source, applied, size: loaded.size, snapshotWritten, ms: performance.now() - started };
    if (source === 'rebuilt' && reason !== undefined) report.reason = reason;
    if (snapshotError !== undefined) report.snapshotError = snapshotError;
    return { index: loaded, report };
  }

  /** Brings the snapshot file up to date with the store (after an import): load + delta, then write. */
  static async updateSnapshot(opts: BankPdqIndexOptions & { snapshotPath: string }): Promise<IndexLoadReport> {
    const { index, report } = await BankPdqIndex.load(opts);
    if (!report.snapshotWritten && (report.applied > 0 || report.source === 'rebuilt')) {
      try {
        await index.save();
        report.snapshotWritten = true;
      } catch (e) {
        report.snapshotError = (e as Error).message;
      }
    }
    return report;
  }

  /** Hashes in the index. */
  get size(): number {
    return this.#index.size;
  }

  /** The store position the index reflects. */
  get cursor(): StoreCursor {
    return { ...this.#cursor };
  }

  /** Changes applied since the snapshot was last written. */
  get unsavedChanges(): number {
    return this.#dirty;
  }

  /** Applies the store's changes since the index's cursor; returns how many were applied. */
  async refresh(): Promise<number> {
    const { cursor, changes } = await this.#store.pdqDelta(this.#cursor);
    let n = 0;
    for await (const c of changes) {
      this.#apply(c);
      n++;
    }
    this.#cursor = cursor;
    this.#dirty += n;
    return n;
  }

  #apply(c: PdqIndexChange): void {
    if (c.present) {
      // Entry values never change, so an id already present needs nothing.
      if (!this.#index.has(c.entryId)) this.#index.add(c.entryId, c.value!);
    } else {
      this.#index.remove(c.entryId);
    }
  }

  /** Every indexed entry id within `threshold` bits of `hash`, with its distance. */
  query(hash: string, threshold: number): { id: number; distance: number }[] {
    return this.#index.query(hash, threshold);
  }

  /** Writes the snapshot file (no-op without a snapshot path). */
  async save(): Promise<void> {
    if (this.#path === undefined) return;
    await writePdqIndexSnapshot(this.#path, { instanceId: this.#instanceId, cursor: this.#cursor, index: this.#index });
    this.#dirty = 0;
  }
}
