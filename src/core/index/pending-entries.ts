// Recently added entries not yet built into a segment. They are scanned linearly, which is cheap while
// they are few; the index builds them into a segment before they get expensive to scan.
import { popcount32 } from './bits.ts';
import { IdTable } from './id-table.ts';
import type { MatchSink } from './match-sink.ts';
import { copyHash } from './segment-build.ts';

// Fixed-size blocks: growing never copies, and a 10M bulk load holds no doubled spare capacity.
const BLOCK_SHIFT = 14;
const BLOCK = 1 << BLOCK_SHIFT;

/** Unindexed entries (id + 8 hash words each) with O(1) add, replace, remove and lookup. */
export class PendingEntries {
  #ids: Uint32Array[] = [];
  #words: Uint32Array[] = [];
  #count = 0;
  #positions = new IdTable();

  get count(): number {
    return this.#count;
  }

  has(id: number): boolean {
    return this.#positions.get(id) >= 0;
  }

  /** Adds or replaces; true when `id` was new. */
  set(id: number, hash: Uint32Array): boolean {
    const p = this.#count;
    const existing = this.#positions.putIfAbsent(id, p);
    if (existing >= 0) {
      copyHash(hash, 0, this.#words[existing >>> BLOCK_SHIFT]!, (existing & (BLOCK - 1)) * 8);
      return false;
    }
    this.#count++;
    if (p >>> BLOCK_SHIFT === this.#ids.length) {
      this.#ids.push(new Uint32Array(BLOCK));
      this.#words.push(new Uint32Array(BLOCK * 8));
    }
    this.#ids[p >>> BLOCK_SHIFT]![p & (BLOCK - 1)] = id;
    copyHash(hash, 0, this.#words[p >>> BLOCK_SHIFT]!, (p & (BLOCK - 1)) * 8);
    return true;
  }

  /** Removes `id` by moving the last entry into its place; true when it was present. */
  delete(id: number): boolean {
    const p = this.#positions.get(id);
    if (p < 0) return false;
    this.#positions.delete(id);
    const last = --this.#count;
    if (p !== last) {
      const lastId = this.#ids[last >>> BLOCK_SHIFT]![last & (BLOCK - 1)]!;
      const from = (last & (BLOCK - 1)) * 8;
      this.#ids[p >>> BLOCK_SHIFT]![p & (BLOCK - 1)] = lastId;
      copyHash(this.#words[last >>> BLOCK_SHIFT]!, from, this.#words[p >>> BLOCK_SHIFT]!, (p & (BLOCK - 1)) * 8);
      this.#positions.set(lastId, p);
    }
    if ((last & (BLOCK - 1)) === 0 && this.#ids.length > (last >>> BLOCK_SHIFT)) {
      this.#ids.length = last >>> BLOCK_SHIFT;
      this.#words.length = last >>> BLOCK_SHIFT;
    }
    return true;
  }

  /** Pushes every entry within `threshold` of `q` into `sink`. */
  scan(q: Uint32Array, threshold: number, sink: MatchSink): void {
    const q0 = q[0]!, q1 = q[1]!, q2 = q[2]!, q3 = q[3]!, q4 = q[4]!, q5 = q[5]!, q6 = q[6]!, q7 = q[7]!;
    for (let b = 0; b < this.#ids.length; b++) {
      const ids = this.#ids[b]!;
      const w = this.#words[b]!;
      const end = Math.min(BLOCK, this.#count - b * BLOCK) * 8;
      for (let o = 0; o < end; o += 8) {
        let d = popcount32(w[o]! ^ q0) + popcount32(w[o + 1]! ^ q1) + popcount32(w[o + 2]! ^ q2) + popcount32(w[o + 3]! ^ q3);
        if (d > threshold) continue;
        d += popcount32(w[o + 4]! ^ q4) + popcount32(w[o + 5]! ^ q5) + popcount32(w[o + 6]! ^ q6) + popcount32(w[o + 7]! ^ q7);
        if (d <= threshold) sink.push(d, ids[o >>> 3]!);
      }
    }
  }

  /** Every entry as flat arrays (ids[i] with words[8i..8i+8]), in insertion order. */
  toArrays(): { ids: Uint32Array; words: Uint32Array } {
    const ids = new Uint32Array(this.#count);
    const words = new Uint32Array(this.#count * 8);
    for (let b = 0; b < this.#ids.length; b++) {
      const n = Math.min(BLOCK, this.#count - b * BLOCK);
      ids.set(this.#ids[b]!.subarray(0, n), b * BLOCK);
      words.set(this.#words[b]!.subarray(0, n * 8), b * BLOCK * 8);
    }
    return { ids, words };
  }

  /** Forgets every entry. */
  clear(): void {
    this.#ids = [];
    this.#words = [];
    this.#count = 0;
    this.#positions = new IdTable();
  }
}
