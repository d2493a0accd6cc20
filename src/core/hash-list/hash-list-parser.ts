/**
 * Parses a hash list line by line (the first non-blank, non-comment line is the header), turning each data
 * line into a bank entry or a per-line error with its line number. A bad line never stops the list; only a
 * missing or unusable header does (thrown). Pure: the I/O adapter feeds it RawLines.
 */
import type { NewBankEntry, SignalTypeName } from '../banks/types.ts';
import { isLifeguardError } from '../lifeguard-error.ts';
import { signalTypeFor } from '../signal-types.ts';
import { looksLikeHeader, parseHashListHeader, type HashListColumns } from './hash-list-columns.ts';
import type { RawLine } from './line-splitter.ts';
import { sniffDelimiter, splitFields, type HashListDelimiter } from './split-fields.ts';

/** Stable codes of per-line errors. */
export const hashListErrorCodes = [
  'binary_data',
  'line_too_long',
  'unterminated_quote',
  'missing_column',
  'missing_hash',
  'missing_type',
  'unknown_type',
  'bad_hex',
  'wrong_length',
  'invalid_hash',
  'invalid_value',
  'bad_quality',
  'field_too_long',
] as const;
export type HashListErrorCode = (typeof hashListErrorCodes)[number];

export interface HashListLineError {
  line: number;
  code: HashListErrorCode;
  message: string;
}

export type HashListLineResult =
  | { kind: 'skip' }
  | { kind: 'header'; columns: HashListColumns; delimiter: HashListDelimiter }
  | { kind: 'entry'; line: number; entry: NewBankEntry }
  | { kind: 'error'; error: HashListLineError };

export interface HashListParserOptions {
  /** Used for lines without a type column or with an empty type. */
  defaultType?: string;
  /** Added to every entry's sources when its line names none. */
  defaultSource?: string;
  /** Forces the delimiter; otherwise by file name, else sniffed from the header. */
  delimiter?: HashListDelimiter;
  fileName?: string;
  /** Plain lines: each non-blank, non-# line is one whole value of `defaultType` (URLs may contain commas). */
  lines?: boolean;
  /** Prepended to every value, e.g. `sha1:` for a hashed URL list that ships bare digests. */
  valuePrefix?: string;
}

/** Longest external id, category or source kept (longer → `field_too_long`). */
export const maxHashListFieldLength = 256;

// C0 controls other than tab (CR is stripped by the splitter), and DEL: a text list never has them.
const controlChars = /[\u0000-\u0008\u000a-\u001f\u007f]/;

const typeAlias = (t: string) => t.trim().toLowerCase().replace(/[\s_-]+/g, '');

export class HashListParser {
  readonly #opts: HashListParserOptions;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #columns: HashListColumns | undefined;
  #delimiter: HashListDelimiter | undefined;
  #first = true;

  constructor(opts: HashListParserOptions = {}) {
    this.#opts = opts;
    if (opts.defaultType !== undefined) signalTypeFor(typeAlias(opts.defaultType)); // throws unknown_signal_type early
  }

  /** The header's columns, once seen. */
  get columns(): HashListColumns | undefined {
    return this.#columns;
  }

  /** Parses one physical line. Throws only when the header is missing or unusable. */
  line(raw: RawLine): HashListLineResult {
    const fail = (code: HashListErrorCode, message: string): HashListLineResult => ({ kind: 'error', error: { line: raw.number, code, message } });
    if (raw.tooLong) return fail('line_too_long', 'line is too long');
    let text: string;
    try {
      text = this.#decoder.decode(raw.bytes);
    } catch {
      return fail('binary_data', 'line is not valid UTF-8 text');
    }
    if (this.#first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (controlChars.test(text)) return fail('binary_data', 'line contains binary data (control characters)');
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return { kind: 'skip' };

    if (this.#opts.lines === true && this.#opts.defaultType !== undefined) {
      this.#first = false;
      this.#columns ??= { index: { hash: 0 }, names: ['value'] };
      this.#delimiter ??= '\t';
      return this.#entry(raw.number, trimmed.replaceAll('"', ''), fail, true);
    }
    if (this.#columns === undefined) {
      this.#first = false;
      this.#delimiter = this.#opts.delimiter ?? sniffDelimiter(text, this.#opts.fileName);
      const fields = splitFields(text, this.#delimiter);
      if (!looksLikeHeader(fields) && fields.length === 1 && this.#opts.defaultType !== undefined) {
        // A bare list of hashes, one per line, with the type given by the caller.
        this.#columns = { index: { hash: 0 }, names: ['hash'] };
        return this.#entry(raw.number, text, fail);
      }
      this.#columns = parseHashListHeader(fields, this.#opts.defaultType);
      return { kind: 'header', columns: this.#columns, delimiter: this.#delimiter };
    }
    return this.#entry(raw.number, text, fail);
  }

  #entry(line: number, text: string, fail: (code: HashListErrorCode, message: string) => HashListLineResult, whole = false): HashListLineResult {
    const columns = this.#columns!;
    let fields: string[];
    try {
      fields = whole ? [text] : splitFields(text, this.#delimiter!);
    } catch (e) {
      if (isLifeguardError(e)) return fail('unterminated_quote', e.message);
      throw e;
    }
    const field = (c: keyof HashListColumns['index']): string | undefined => {
      const i = columns.index[c];
      return i === undefined ? undefined : fields[i]?.trim();
    };
    const hashIndex = columns.index.hash!;
    if (fields.length <= hashIndex) return fail('missing_column', `expected at least ${hashIndex + 1} fields, found ${fields.length}`);

    const rawType = field('type') || columns.impliedType || this.#opts.defaultType;
    if (!rawType) return fail('missing_type', 'no signal type on this line and no default type');
    let type: ReturnType<typeof signalTypeFor>;
    try {
      type = signalTypeFor(typeAlias(rawType));
    } catch {
      return fail('unknown_type', `unknown signal type '${rawType.slice(0, 40)}'`);
    }

    // Hex hashes are case-insensitive; other types (URLs, keywords, opaque hashes) normalise themselves.
    const bare = field('hash')!;
    if (bare === '') return fail('missing_hash', 'the hash field is empty');
    const written = (this.#opts.valuePrefix ?? '') + bare;
    const hash = type.hexLength !== undefined ? written.toLowerCase() : written;
    if (type.hexLength !== undefined) {
      if (!/^[0-9a-f]+$/.test(hash)) return fail('bad_hex', `${type.name} hash is not hexadecimal`);
      if (hash.length !== type.hexLength) {
        return fail('wrong_length', `${type.name} hash has ${hash.length} hex digits, expected ${type.hexLength}`);
      }
    } else if (hash.length > type.maxLength) {
      return fail('field_too_long', `${type.name} value is longer than ${type.maxLength} characters`);
    }
    let value: string;
    try {
      value = type.normalize(hash);
    } catch (e) {
      return fail(type.hexLength !== undefined ? 'invalid_hash' : 'invalid_value', isLifeguardError(e) ? e.message : `invalid ${type.name} value`);
    }

    let quality: number | null = null;
    const q = field('quality');
    if (q !== undefined && q !== '') {
      if (!/^\d{1,3}$/.test(q) || Number(q) > 100) return fail('bad_quality', `quality '${q.slice(0, 20)}' is not an integer 0..100`);
      quality = Number(q);
    }

    const externalId = field('id') || null;
    let category = field('category') || null;
    const source = field('source') || this.#opts.defaultSource || null;
    for (const [name, v] of [['id', externalId], ['category', category], ['source', source]] as const) {
      if (v !== null && v.length > maxHashListFieldLength) return fail('field_too_long', `${name} is longer than ${maxHashListFieldLength} characters`);
    }
    // Hotline categories are letters; store them upper-case so 'a' and 'A' count together.
    if (category !== null && /^[a-z]$/.test(category)) category = category.toUpperCase();

    const entry: NewBankEntry = {
      signalType: type.name as SignalTypeName,
      value,
      externalId,
      // Several sources may share the field, separated by '|' (as `bank export` writes them).
      sources: source === null ? [] : [...new Set(source.split('|').map((x) => x.trim()).filter(Boolean))],
      category,
      quality: type.name === 'pdq' ? quality : null,
    };
    const language = field('language');
    if (language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) entry.language = language.toLowerCase();
    return { kind: 'entry', line, entry };
  }
}
