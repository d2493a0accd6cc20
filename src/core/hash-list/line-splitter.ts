/**
 * Splits a byte stream into lines with bounded memory: a line longer than `maxLineBytes` is not kept — its
 * bytes are skipped up to the next newline and it is reported once as `tooLong`. Works on Uint8Array chunks
 * (pure: no node:* imports), strips a trailing CR and counts lines from 1.
 */

/** One physical line. `bytes` is empty when `tooLong`. */
export interface RawLine {
  number: number;
  bytes: Uint8Array;
  tooLong: boolean;
}

const NL = 0x0a;
const CR = 0x0d;

export class LineSplitter {
  readonly #max: number;
  #parts: Uint8Array[] = [];
  #pendingBytes = 0;
  #skipping = false;
  /** True when #parts is one buffer this splitter allocated. */
  #owned = false;
  #number = 0;

  constructor(maxLineBytes = 64 * 1024) {
    this.#max = maxLineBytes;
  }

  /** Feeds a chunk; returns the lines it completed. */
  push(chunk: Uint8Array): RawLine[] {
    const out: RawLine[] = [];
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(NL, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!this.#skipping) {
        if (this.#pendingBytes + (end - start) > this.#max + 1) {
          // +1 leaves room for a CR that is stripped below.
          this.#parts = [];
          this.#pendingBytes = 0;
          this.#owned = false;
          this.#skipping = true;
        } else if (end > start) {
          this.#parts.push(chunk.subarray(start, end));
          this.#pendingBytes += end - start;
        }
      }
      if (nl === -1) {
        // Chunks may be reused by the caller's stream: copy what we keep past this call.
        if (!this.#skipping && this.#parts.length > 0) this.#compact();
        break;
      }
      out.push(this.#take());
      start = nl + 1;
    }
    return out;
  }

  /** Ends the stream; returns the last line when it had no final newline. */
  end(): RawLine[] {
    if (this.#pendingBytes === 0 && !this.#skipping) return [];
    return [this.#take()];
  }

  #compact(): void {
    if (this.#parts.length === 1 && this.#owned) return;
    const joined = new Uint8Array(this.#pendingBytes);
    let at = 0;
    for (const p of this.#parts) {
      joined.set(p, at);
      at += p.length;
    }
    this.#parts = [joined];
    this.#owned = true;
  }

  #take(): RawLine {
    this.#number++;
    if (this.#skipping) {
      this.#skipping = false;
      return { number: this.#number, bytes: new Uint8Array(0), tooLong: true };
    }
    let bytes: Uint8Array;
    if (this.#parts.length === 1) bytes = this.#parts[0]!.slice();
    else {
      bytes = new Uint8Array(this.#pendingBytes);
      let at = 0;
      for (const p of this.#parts) {
        bytes.set(p, at);
        at += p.length;
      }
    }
    this.#parts = [];
    this.#pendingBytes = 0;
    this.#owned = false;
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes.length > this.#max) return { number: this.#number, bytes: new Uint8Array(0), tooLong: true };
    return { number: this.#number, bytes, tooLong: false };
  }
}
