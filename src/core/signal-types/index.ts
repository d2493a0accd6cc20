/**
 * The one registry of signal types Lifeguard knows. Banks, list import, the API schemas (zod enums), the
 * matcher, the CLI help and docs/signal-types.md are all generated from `signalTypeModules`: adding a type
 * is one module in this folder (with its examples) and one line here.
 */
import { invalidInput } from '../lifeguard-error.ts';
import { keyword } from './keyword.ts';
import { md5 } from './md5.ts';
import { opaque } from './opaque.ts';
import { pdq } from './pdq.ts';
import { sha256 } from './sha256.ts';
import type { SignalType } from './signal-type.ts';
import { url } from './url.ts';

export type { ContentKind, IndexKind, MatchKind, SignalType, SignalTypeExamples } from './signal-type.ts';

/** Every signal type module, in the order they are listed to users. */
export const signalTypeModules = [pdq, md5, sha256, url, keyword, opaque] as const;

export type SignalTypeName = (typeof signalTypeModules)[number]['name'];

/** Signal type names, in the order they are listed to users (a tuple, so `z.enum` accepts it). */
export const signalTypeNames = signalTypeModules.map((t) => t.name) as unknown as readonly [SignalTypeName, ...SignalTypeName[]];

/** Every signal type by name. */
export const signalTypes: Readonly<Record<SignalTypeName, SignalType>> = Object.freeze(
  Object.fromEntries(signalTypeModules.map((t) => [t.name, t])) as Record<SignalTypeName, SignalType>,
);

/** True when `name` is a registered signal type name. */
export const isSignalTypeName = (name: string): name is SignalTypeName => (signalTypeNames as readonly string[]).includes(name);

/** The signal type called `name`; throws invalidInput('unknown_signal_type') for anything else. */
export function signalTypeFor(name: string): SignalType {
  if (typeof name === 'string' && isSignalTypeName(name)) return signalTypes[name];
  throw invalidInput('unknown_signal_type', `unknown signal type ${JSON.stringify(String(name))}; known types: ${signalTypeNames.join(', ')}`);
}

/** Names of the types whose values come from media (hashes the platform or Lifeguard computes from bytes). */
export const mediaSignalTypeNames = signalTypeNames.filter((n) => signalTypes[n].contentKind === 'media') as unknown as readonly [SignalTypeName, ...SignalTypeName[]];

/**
 * Media types whose values Lifeguard computes from the bytes itself (every media type but third-party opaque
 * hashes): what it can share with an exchange.
 */
export const computedSignalTypeNames = mediaSignalTypeNames.filter((n) => signalTypes[n].name !== opaque.name) as unknown as readonly [SignalTypeName, ...SignalTypeName[]];

/** Names of the types matched in text (URL and keyword lists). */
export const textSignalTypeNames = signalTypeNames.filter((n) => signalTypes[n].contentKind === 'text');

/** Names of the types matched by exact store lookup (MD5, SHA-256, opaque hashes). */
export const exactSignalTypeNames = signalTypeNames.filter((n) => signalTypes[n].indexKind === 'exact');

/** A Markdown table of the registered types (for `lifeguard bank --help` and docs/signal-types.md). */
export function signalTypesTable(): string {
  const rows = signalTypeModules.map((t) => `| \`${t.name}\` | ${t.description} | ${t.valueFormat} | ${t.matchKind === 'distance' ? `distance ≤ ${t.defaultThreshold}` : 'exact'} | ${t.contentKind} |`);
  return ['| type | what | value | match | from |', '|---|---|---|---|---|', ...rows].join('\n');
}
