/**
 * A signal type as a small plugin: how its values are written, checked, normalised and compared, which index
 * serves it, and examples its tests (and the registry's contract test) run. One module per type in this folder;
 * the registry (index.ts) lists them and everything else — banks, list import, API schemas, CLI help, docs —
 * is generated from that list.
 */

/** How two values of a type are compared: Hamming distance within a threshold, or equality. */
export type MatchKind = 'distance' | 'exact';

/**
 * The index that serves a type: `pdq` the in-memory multi-index Hamming index, `exact` a store lookup by value,
 * `url` the URL list index (exact URLs, prefixes, hashed URLs), `keyword` the Aho–Corasick phrase automaton.
 */
export type IndexKind = 'pdq' | 'exact' | 'url' | 'keyword';

/** What a type's values are taken from: media bytes (images, video frames, files) or text (messages, links). */
export type ContentKind = 'media' | 'text';

/** Examples every type carries, checked by the registry's contract test. */
export interface SignalTypeExamples {
  /** Values as a list might write them, with their normalised form. */
  valid: readonly (readonly [written: string, normalised: string])[];
  /** Values normalise() must reject. */
  invalid: readonly string[];
  /** Pairs of normalised values that match each other, and pairs that must not. */
  matching: readonly (readonly [string, string])[];
  notMatching: readonly (readonly [string, string])[];
}

export interface SignalType<N extends string = string> {
  readonly name: N;
  /** One line for help texts and API docs. */
  readonly description: string;
  /** How a value is written, for help texts and error messages. */
  readonly valueFormat: string;
  readonly contentKind: ContentKind;
  readonly indexKind: IndexKind;
  readonly matchKind: MatchKind;
  /** Default match threshold (Hamming distance for 'distance' types, 0 for 'exact'). */
  readonly defaultThreshold: number;
  /** Number of hex digits, for fixed-length hex hashes. */
  readonly hexLength?: number;
  /** Longest written value accepted. */
  readonly maxLength: number;
  /** Canonical form of a value; throws invalidInput('invalid_hash' | 'invalid_value') when it is not one. */
  normalize(value: string): string;
  /** Distance between two normalised values (0 = equal); only for 'distance' types. */
  distance?(a: string, b: string): number;
  /** True when normalised `listed` (a bank entry) matches normalised `query` within `threshold`. */
  matches(listed: string, query: string, threshold?: number): boolean;
  readonly examples: SignalTypeExamples;
}

/** Shortens a value for an error message. */
export function preview(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

/** Declares a signal type module (frozen). */
export function defineSignalType<N extends string>(t: SignalType<N>): SignalType<N> {
  return Object.freeze(t);
}
