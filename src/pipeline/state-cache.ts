/** A worker's in-memory detector states, by stream key, least recently used evicted first. */
import type { StreamKey } from '../queue/partition.ts';

/** Detector states of one stream key and how far they have been fed. */
export interface KeyEntry {
  scope: string;
  key: StreamKey;
  /** Highest seq applied; compared with the committed `pipeline_state.last_seq` to detect a stale entry. */
  lastSeq: number;
  eventCount: number;
  /** `eventCount` when the key's stored snapshot was taken (undefined: none known to this worker). */
  snapshotCount?: number;
  /** Processor name → its state for this key. */
  states: Map<string, unknown>;
}

export class StateCache {
  readonly #max: number;
  readonly #entries = new Map<string, KeyEntry>();

  constructor(max: number) {
    this.#max = max;
  }

  get(id: string): KeyEntry | undefined {
    const e = this.#entries.get(id);
    if (e) {
      this.#entries.delete(id);
      this.#entries.set(id, e);
    }
    return e;
  }

  set(id: string, entry: KeyEntry): void {
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    while (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value!);
  }

  delete(id: string): void {
    this.#entries.delete(id);
  }

  get size(): number {
    return this.#entries.size;
  }
}
