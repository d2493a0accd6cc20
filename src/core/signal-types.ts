// The one registry of signal types (hash kinds) Lifeguard knows. CSV import, the API schemas, the CLI and
// the matcher all read this list; add a type here and everything else picks it up.
import { invalidInput } from './lifeguard-error.ts';
import { PDQ_MATCH_THRESHOLD } from './pdq/thresholds.ts';

/** Signal type names, in the order they are listed to users. */
export const signalTypeNames = ['pdq', 'md5', 'sha256'] as const;
export type SignalTypeName = (typeof signalTypeNames)[number];

/** How two values of a type are compared: Hamming distance within a threshold, or equality. */
export type MatchKind = 'distance' | 'exact';

/** A signal type as a small plugin: its format and how its values match. */
export interface SignalType {
  readonly name: SignalTypeName;
  /** Number of hex digits of a value. */
  readonly hexLength: number;
  /** Human description, for help texts and API docs. */
  readonly description: string;
  readonly matchKind: MatchKind;
  /** Default match threshold (Hamming distance for 'distance' types, 0 for 'exact'). */
  readonly defaultThreshold: number;
  /** Canonical form of a value: trimmed, lower-case hex. Throws invalid_hash on bad hex or length. */
  normalize(value: string): string;
}

const hexDigits = /^[0-9a-f]+$/;

function hexType(
  name: SignalTypeName,
  hexLength: number,
  description: string,
  matchKind: MatchKind,
  defaultThreshold: number,
): SignalType {
  return Object.freeze({
    name,
    hexLength,
    description,
    matchKind,
    defaultThreshold,
    normalize(value: string): string {
      if (typeof value !== 'string') {
        throw invalidInput('invalid_hash', `a ${name} hash must be a string of ${hexLength} hex digits, got ${typeof value}`);
      }
      const v = value.trim().toLowerCase();
      if (!hexDigits.test(v)) {
        throw invalidInput('invalid_hash', `a ${name} hash is ${hexLength} hex digits (0-9, a-f); got ${preview(value)}`);
      }
      if (v.length !== hexLength) {
        throw invalidInput('invalid_hash', `a ${name} hash is ${hexLength} hex digits; got ${v.length}`);
      }
      return v;
    },
  });
}

function preview(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

/** Every signal type by name. */
export const signalTypes: Readonly<Record<SignalTypeName, SignalType>> = Object.freeze({
  pdq: hexType('pdq', 64, 'PDQ perceptual image hash (256 bits)', 'distance', PDQ_MATCH_THRESHOLD),
  md5: hexType('md5', 32, 'MD5 of the file bytes', 'exact', 0),
  sha256: hexType('sha256', 64, 'SHA-256 of the file bytes', 'exact', 0),
});

/** True when `name` is a registered signal type name. */
export const isSignalTypeName = (name: string): name is SignalTypeName =>
  (signalTypeNames as readonly string[]).includes(name);

/** The signal type called `name`; throws invalidInput('unknown_signal_type') for anything else. */
export function signalTypeFor(name: string): SignalType {
  if (typeof name === 'string' && isSignalTypeName(name)) return signalTypes[name];
  throw invalidInput(
    'unknown_signal_type',
    `unknown signal type ${JSON.stringify(String(name))}; known types: ${signalTypeNames.join(', ')}`,
  );
}
