/** One stored hash within the query radius. */
export interface PdqMatch {
  id: number;
  distance: number;
}

const ID_SPAN = 2 ** 32;

/**
 * Collects matches as one float64 each (distance·2^32 + id, exact below 2^53) so a numeric typed-array sort
 * orders them by distance then id without allocating an object per candidate.
 */
export class MatchSink {
  #keys = new Float64Array(256);
  #length = 0;

  reset(): void {
    this.#length = 0;
  }

  push(distance: number, id: number): void {
    if (this.#length === this.#keys.length) {
      const bigger = new Float64Array(this.#keys.length * 2);
      bigger.set(this.#keys);
      this.#keys = bigger;
    }
    this.#keys[this.#length++] = distance * ID_SPAN + id;
  }

  /** The matches sorted by distance, then id. */
  finish(): PdqMatch[] {
    const keys = this.#keys.subarray(0, this.#length).sort();
    const out = new Array<PdqMatch>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const distance = Math.floor(k / ID_SPAN);
      out[i] = { id: k - distance * ID_SPAN, distance };
    }
    return out;
  }
}
