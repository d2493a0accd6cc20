// The binary snapshot of a PdqIndex: little-endian uint32 words throughout, laid out so that loading wraps
// typed-array views over the bytes instead of rebuilding anything.
//
//   header (16 words): magic "LGPDQIDX" (2 words), version, checksum, total words (lo, hi), section count,
//                      live entries, 8 reserved zeros
//   per section:       kind (1 segment, 2 pending), n, chunk bits, chunk count, 4 reserved zeros, then
//                      ids[n], words[8n], and for a segment: dead bitmap[ceil(n/32)],
//                      offsets[count × (2^bits + 1)], postings[count × n]
//
// The checksum covers every word after itself, so a flipped bit anywhere in the data is detected.
import { invalidInput, type LifeguardError } from '../lifeguard-error.ts';
import { popcount32 } from './bits.ts';
import { MAX_CHUNK_BITS, MIN_CHUNK_BITS } from './chunk-plan.ts';
import type { EntryArrays } from './segment-build.ts';
import type { SegmentArrays } from './segment.ts';

const MAGIC0 = 0x4450474c; // "LGPD"
const MAGIC1 = 0x58444951; // "QIDX"
export const SNAPSHOT_VERSION = 1;
const HEADER_WORDS = 16;
const SECTION_WORDS = 8;
const KIND_SEGMENT = 1;
const KIND_PENDING = 2;

/** What a snapshot holds: built segments and not-yet-built entries. */
export interface SnapshotContents {
  segments: SegmentArrays[];
  pending: EntryArrays;
}

/** Options of reading a snapshot. */
export interface ReadSnapshotOptions {
  /**
   * Check the checksum and every structural invariant (default true; O(size), well under a second per
   * million entries). With false only the header and section sizes are checked: use it for snapshots this
   * process wrote itself.
   */
  verify?: boolean;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The snapshot as a list of byte views (mostly over the index's own arrays: nothing is copied). */
export function snapshotParts(contents: SnapshotContents): Uint8Array[] {
  const arrays: Uint32Array[] = [];
  let live = 0;
  for (const s of contents.segments) {
    const n = s.ids.length;
    arrays.push(Uint32Array.of(KIND_SEGMENT, n, s.layout.bits, s.layout.count, 0, 0, 0, 0), s.ids, s.words, s.dead);
    arrays.push(...s.offsets, ...s.postings);
    let dead = 0;
    for (let i = 0; i < s.dead.length; i++) dead += popcount32(s.dead[i]! | 0);
    live += n - dead;
  }
  const pendingCount = contents.pending.ids.length;
  if (pendingCount > 0) {
    arrays.push(Uint32Array.of(KIND_PENDING, pendingCount, 0, 0, 0, 0, 0, 0), contents.pending.ids, contents.pending.words);
    live += pendingCount;
  }
  let total = HEADER_WORDS;
  for (const a of arrays) total += a.length;
  const sections = contents.segments.length + (pendingCount > 0 ? 1 : 0);
  const header = Uint32Array.of(MAGIC0, MAGIC1, SNAPSHOT_VERSION, 0, total % 2 ** 32, Math.floor(total / 2 ** 32), sections, live, 0, 0, 0, 0, 0, 0, 0, 0);
  const sum = new Checksum();
  sum.update(header.subarray(4));
  for (const a of arrays) sum.update(a);
  header[3] = sum.digest();
  return [header, ...arrays].map(toLittleEndianBytes);
}

/** Parses snapshot bytes into views over them; throws index_corrupt when anything does not add up. */
export function readSnapshot(bytes: Uint8Array, options: ReadSnapshotOptions = {}): SnapshotContents {
  const verify = options.verify ?? true;
  if (!(bytes instanceof Uint8Array)) throw corrupt('the snapshot must be a Uint8Array');
  if (bytes.length < HEADER_WORDS * 4 || bytes.length % 4 !== 0) {
    throw corrupt(`a snapshot is a whole number of 4-byte words, at least ${HEADER_WORDS}; got ${bytes.length} bytes`);
  }
  // Views need 4-byte alignment; a Buffer sliced from Node's pool may not have it, so copy in that case.
  let aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (!littleEndian) aligned = swapWords(aligned.slice());
  const all = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
  if (all[0] !== MAGIC0 || all[1] !== MAGIC1) throw corrupt('not a Lifeguard PDQ index snapshot (bad magic)');
  if (all[2] !== SNAPSHOT_VERSION) throw corrupt(`unsupported snapshot version ${all[2]}; this build reads ${SNAPSHOT_VERSION}`);
  if (all[4]! + all[5]! * 2 ** 32 !== all.length) throw corrupt(`the snapshot says ${all[4]! + all[5]! * 2 ** 32} words but has ${all.length} (truncated or padded)`);
  if (verify) {
    const sum = new Checksum();
    sum.update(all.subarray(4));
    if (sum.digest() !== all[3]) throw corrupt('checksum mismatch: the snapshot bytes were altered or damaged');
  }

  let pos = HEADER_WORDS;
  const take = (words: number, what: string): Uint32Array => {
    if (pos + words > all.length) throw corrupt(`section data runs past the end (${what})`);
    const view = all.subarray(pos, pos + words);
    pos += words;
    return view;
  };
  const contents: SnapshotContents = { segments: [], pending: { ids: new Uint32Array(0), words: new Uint32Array(0) } };
  const sections = all[6]!;
  for (let s = 0; s < sections; s++) {
    const head = take(SECTION_WORDS, 'section header');
    const [kind, n, bits, count] = [head[0]!, head[1]!, head[2]!, head[3]!];
    if (kind === KIND_SEGMENT) {
      if (n === 0 || bits < MIN_CHUNK_BITS || bits > MAX_CHUNK_BITS || count < 1 || count * bits > 256) {
        throw corrupt(`segment ${s} has an impossible shape (n ${n}, ${count} chunks of ${bits} bits)`);
      }
      const ids = take(n, 'ids');
      const words = take(n * 8, 'hashes');
      // The bitmap changes on removal, so it is copied rather than shared with the caller's bytes.
      const dead = take(Math.ceil(n / 32), 'tombstones').slice();
      const offsets: Uint32Array[] = [];
      const postings: Uint32Array[] = [];
      for (let c = 0; c < count; c++) offsets.push(take(2 ** bits + 1, 'offsets'));
      for (let c = 0; c < count; c++) postings.push(take(n, 'postings'));
      contents.segments.push({ ids, words, dead, layout: { bits, count }, offsets, postings });
    } else if (kind === KIND_PENDING && contents.pending.ids.length === 0 && n > 0) {
      contents.pending = { ids: take(n, 'ids'), words: take(n * 8, 'hashes') };
    } else {
      throw corrupt(`section ${s} has an unknown or repeated kind ${kind}`);
    }
  }
  if (pos !== all.length) throw corrupt('trailing data after the last section');
  if (verify) checkStructure(contents, all[7]!);
  return contents;
}

/** Invariants the query code relies on: sorted distinct ids, well-formed CSR tables, one place per id. */
function checkStructure(contents: SnapshotContents, expectedLive: number): void {
  let live = contents.pending.ids.length;
  contents.segments.forEach((seg, s) => {
    const n = seg.ids.length;
    for (let i = 1; i < n; i++) if (seg.ids[i - 1]! >= seg.ids[i]!) throw corrupt(`segment ${s}: ids are not strictly ascending`);
    if (n % 32 !== 0 && seg.dead[seg.dead.length - 1]! >>> n % 32 !== 0) throw corrupt(`segment ${s}: tombstones past the end`);
    let dead = 0;
    for (let i = 0; i < seg.dead.length; i++) dead += popcount32(seg.dead[i]! | 0);
    live += n - dead;
    for (let c = 0; c < seg.layout.count; c++) {
      const offsets = seg.offsets[c]!;
      if (offsets[0] !== 0 || offsets[offsets.length - 1] !== n) throw corrupt(`segment ${s}: posting offsets do not span the entries`);
      for (let k = 1; k < offsets.length; k++) if (offsets[k - 1]! > offsets[k]!) throw corrupt(`segment ${s}: posting offsets decrease`);
      const postings = seg.postings[c]!;
      for (let k = 0; k < n; k++) if (postings[k]! >= n) throw corrupt(`segment ${s}: a posting points past the entries`);
    }
  });
  if (live !== expectedLive) throw corrupt(`the header says ${expectedLive} live entries, the sections hold ${live}`);
  const segs = contents.segments;
  for (let a = 0; a < segs.length; a++) {
    for (let b = a + 1; b < segs.length; b++) {
      const [small, large] = segs[a]!.ids.length <= segs[b]!.ids.length ? [segs[a]!, segs[b]!] : [segs[b]!, segs[a]!];
      for (let i = 0; i < small.ids.length; i++) {
        if (!isDead(small.dead, i) && isLiveIn(large, small.ids[i]!)) throw corrupt(`id ${small.ids[i]} is live in two segments`);
      }
    }
  }
  for (const id of contents.pending.ids) {
    if (segs.some((seg) => isLiveIn(seg, id))) throw corrupt(`id ${id} is both pending and live in a segment`);
  }
  const pendingIds = [...contents.pending.ids].sort((x, y) => x - y);
  for (let i = 1; i < pendingIds.length; i++) if (pendingIds[i - 1] === pendingIds[i]) throw corrupt(`id ${pendingIds[i]} is pending twice`);
}

const isDead = (dead: Uint32Array, slot: number): boolean => ((dead[slot >>> 5]! >>> (slot & 31)) & 1) === 1;

function isLiveIn(seg: SegmentArrays, id: number): boolean {
  const ids = seg.ids;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else if (ids[mid]! > id) hi = mid - 1;
    else return !isDead(seg.dead, mid);
  }
  return false;
}

const corrupt = (message: string): LifeguardError => invalidInput('index_corrupt', `PDQ index snapshot: ${message}`);

/** Order-dependent 32-bit checksum: each step is a bijection of the state, so one changed word always shows. */
class Checksum {
  #h = 0x2545f491;

  update(words: Uint32Array): void {
    let h = this.#h;
    for (let i = 0; i < words.length; i++) {
      h = Math.imul(h ^ words[i]!, 0x9e3779b1);
      h = (h << 15) | (h >>> 17);
    }
    this.#h = h;
  }

  digest(): number {
    let h = this.#h;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }
}

function toLittleEndianBytes(words: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  return littleEndian ? bytes : swapWords(bytes.slice());
}

/** Reverses the bytes of every 4-byte word in place (big-endian hosts only). */
function swapWords(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i < bytes.length; i += 4) {
    const [a, b, c, d] = [bytes[i]!, bytes[i + 1]!, bytes[i + 2]!, bytes[i + 3]!];
    bytes[i] = d;
    bytes[i + 1] = c;
    bytes[i + 2] = b;
    bytes[i + 3] = a;
  }
  return bytes;
}
