/** Writes bank entries as a hash list that `bank import` reads back (same columns, '|' between sources). */
import type { BankEntry } from '../banks/types.ts';
import type { HashListDelimiter } from './split-fields.ts';

/** The export columns, in order. */
export const hashListExportColumns = ['type', 'hash', 'id', 'category', 'source', 'quality'] as const;

const quote = (field: string, delimiter: HashListDelimiter): string => {
  if (delimiter === '\t') return field.replace(/[\t\r\n]/g, ' ');
  return /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""').replace(/[\r\n]/g, ' ')}"` : field;
};

/** One row of fields, quoted as needed (CSV) or with tabs and newlines replaced (TSV). */
export function formatHashListRow(fields: readonly string[], delimiter: HashListDelimiter): string {
  return fields.map((f) => quote(f, delimiter)).join(delimiter);
}

/** The header line. */
export const hashListExportHeader = (delimiter: HashListDelimiter): string => formatHashListRow(hashListExportColumns, delimiter);

/** The row of one entry. */
export function formatHashListEntry(e: BankEntry, delimiter: HashListDelimiter): string {
  return formatHashListRow(
    [e.signalType, e.value, e.externalId ?? '', e.category ?? '', e.sources.join('|'), e.quality === null ? '' : String(e.quality)],
    delimiter,
  );
}
