/**
 * Hash-list columns by header name. One registry of accepted names (case-insensitive; spaces, '-' and '_'
 * ignored), so the parser, the CLI help and the export header agree.
 */
import { invalidInput } from '../lifeguard-error.ts';
import { signalTypeNames } from '../signal-types.ts';

export const hashListColumnAliases = {
  type: ['type', 'signaltype', 'signal', 'hashtype', 'kind', 'algorithm', 'algo'],
  hash: ['hash', 'value', 'signalvalue', 'hashvalue', 'digest', 'hex'],
  id: ['id', 'externalid', 'ref', 'reference', 'itemid', 'uid'],
  category: ['category', 'cat', 'class', 'classification', 'label'],
  source: ['source', 'src', 'origin', 'provider', 'sources'],
  quality: ['quality', 'pdqquality', 'q'],
  language: ['language', 'lang', 'locale'],
} as const;

export type HashListColumn = keyof typeof hashListColumnAliases;

/** Where each known column sits in a row; `impliedType` when the hash column is named after a signal type. */
export interface HashListColumns {
  index: Partial<Record<HashListColumn, number>>;
  impliedType?: string;
  /** Header names, for messages. */
  names: string[];
}

const canonical = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, '');

/** The column a header name stands for, if any. */
export function columnForHeader(name: string): HashListColumn | undefined {
  const c = canonical(name);
  for (const [column, aliases] of Object.entries(hashListColumnAliases) as [HashListColumn, readonly string[]][]) {
    if (aliases.includes(c)) return column;
  }
  return undefined;
}

/** True when the fields look like a header (some field names a hash column). */
export function looksLikeHeader(fields: readonly string[]): boolean {
  return fields.some((f) => columnForHeader(f) === 'hash' || (signalTypeNames as readonly string[]).includes(canonical(f)));
}

/**
 * Maps a header row to columns. A column named after a signal type (`pdq`, `md5`, `sha256`) is the hash
 * column with that type implied. Unknown columns are ignored. Throws `missing_column` without a hash column,
 * or without a type column when no default type is given.
 */
export function parseHashListHeader(fields: readonly string[], defaultType?: string): HashListColumns {
  const columns: HashListColumns = { index: {}, names: fields.map((f) => f.trim()) };
  fields.forEach((f, i) => {
    const column = columnForHeader(f);
    if (column !== undefined) {
      if (columns.index[column] === undefined) columns.index[column] = i;
      return;
    }
    const c = canonical(f);
    if ((signalTypeNames as readonly string[]).includes(c) && columns.index.hash === undefined) {
      columns.index.hash = i;
      columns.impliedType = c;
    }
  });
  if (columns.index.hash === undefined) {
    throw invalidInput('missing_column', `the header has no hash column (one of: ${hashListColumnAliases.hash.join(', ')}, or a signal type name)`);
  }
  if (columns.index.type === undefined && columns.impliedType === undefined && defaultType === undefined) {
    throw invalidInput('missing_column', 'the header has no type column: add one or give a default type (--type)');
  }
  return columns;
}
