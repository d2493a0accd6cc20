// An open-addressing map from uint32 ids to non-negative int32 positions, held in two typed arrays. A JS
// Map costs tens of bytes an entry and tops out at 2^24 entries; this costs 8–23 bytes an entry at any size.

const EMPTY = -1;

/** uint32 → position map with linear probing and backward-shift deletion (no tombstones). */
export class IdTable {
  #keys: Uint32Array;
  #values: Int32Array;
  #mask: number;
  #size = 0;

  constructor(capacity = 16) {
    const slots = 2 ** Math.max(4, Math.ceil(Math.log2(capacity / 0.7)));
    this.#keys = new Uint32Array(slots);
    this.#values = new Int32Array(slots).fill(EMPTY);
    this.#mask = slots - 1;
  }

  get size(): number {
    return this.#size;
  }

  /** The position stored for `id`, or −1. */
  get(id: number): number {
    const keys = this.#keys;
    const values = this.#values;
    for (let i = home(id, this.#mask); ; i = (i + 1) & this.#mask) {
      const v = values[i]!;
      if (v === EMPTY || keys[i] === id) return v;
    }
  }

  /** Stores `position` for `id` unless present (one probe for both); returns the existing position or −1. */
  putIfAbsent(id: number, position: number): number {
    if ((this.#size + 1) / (this.#mask + 1) > 0.7) this.#grow();
    const keys = this.#keys;
    const values = this.#values;
    for (let i = home(id, this.#mask); ; i = (i + 1) & this.#mask) {
      const v = values[i]!;
      if (v === EMPTY) {
        keys[i] = id;
        values[i] = position;
        this.#size++;
        return EMPTY;
      }
      if (keys[i] === id) return v;
    }
  }

  /** Stores `position` (≥ 0) for `id`, replacing any previous one. */
  set(id: number, position: number): void {
    if ((this.#size + 1) / (this.#mask + 1) > 0.7) this.#grow();
    const keys = this.#keys;
    const values = this.#values;
    for (let i = home(id, this.#mask); ; i = (i + 1) & this.#mask) {
      if (values[i] === EMPTY) {
        keys[i] = id;
        values[i] = position;
        this.#size++;
        return;
      }
      if (keys[i] === id) {
        values[i] = position;
        return;
      }
    }
  }

  /** Removes `id`; true when it was present. */
  delete(id: number): boolean {
    const keys = this.#keys;
    const values = this.#values;
    const mask = this.#mask;
    let i = home(id, mask);
    for (; ; i = (i + 1) & mask) {
      if (values[i] === EMPTY) return false;
      if (keys[i] === id) break;
    }
    // Shift later members of the run back so lookups never stop early at the hole.
    let hole = i;
    for (let j = (i + 1) & mask; values[j] !== EMPTY; j = (j + 1) & mask) {
      const h = home(keys[j]!, mask);
      const distJ = (j - h) & mask;
      const distHole = (hole - h) & mask;
      if (distHole <= distJ) {
        keys[hole] = keys[j]!;
        values[hole] = values[j]!;
        hole = j;
      }
    }
    values[hole] = EMPTY;
    this.#size--;
    return true;
  }

  #grow(): void {
    const oldKeys = this.#keys;
    const oldValues = this.#values;
    const slots = (this.#mask + 1) * 2;
    this.#keys = new Uint32Array(slots);
    this.#values = new Int32Array(slots).fill(EMPTY);
    this.#mask = slots - 1;
    this.#size = 0;
    for (let i = 0; i < oldValues.length; i++) if (oldValues[i] !== EMPTY) this.set(oldKeys[i]!, oldValues[i]!);
  }
}

/** murmur3's finaliser: sequential row ids would otherwise form one long probe run. */
function home(id: number, mask: number): number {
  let h = id >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}
