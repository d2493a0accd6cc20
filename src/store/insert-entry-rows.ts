/**
 * The one hot write of a large list import: new bank entries, inserted with the fewest statements each
 * database allows and no query building per row. SQLite: one multi-row INSERT per 1,000 rows (a fixed SQL text,
 * so the connection's statement cache prepares it once). PostgreSQL: one INSERT … SELECT FROM unnest(arrays)
 * per 10,000 rows — ten array parameters, whatever the row count, so neither parse time nor round trips grow
 * with the batch. Both skip rows already present (ON CONFLICT DO NOTHING) and say which rows they inserted.
 */
import { CompiledQuery, type Transaction } from 'kysely';
import type { Schema } from './schema.ts';

export interface EntryRow {
  signalType: string;
  value: string;
  externalId: string | null;
  /** JSON array. */
  sources: string;
  category: string | null;
  quality: number | null;
  flagged: 0 | 1;
  language: string | null;
}

const columns = 'bank_id, signal_type, value, external_id, sources, category, quality, flagged_low_quality, added_at, language';
const conflict = 'on conflict (signal_type, value, bank_id) do nothing returning signal_type, value';
/** Rows per statement. SQLite: 10 parameters a row stays below its 32,766-parameter limit. */
const sqliteRows = 1000;
const postgresRows = 10_000;

const sqliteInsert = new Map<number, string>();
const sqliteSql = (n: number): string => {
  let text = sqliteInsert.get(n);
  if (text === undefined) {
    text = `insert into bank_entries (${columns}) values ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ${conflict}`;
    sqliteInsert.set(n, text);
  }
  return text;
};

/**
 * Inserts `rows` (unique by type and value) into bank `bankId` in list order; returns how many were new and
 * the rows that already existed (so the caller merges their metadata), in row order.
 */
export async function insertEntryRows(trx: Transaction<Schema>, postgres: boolean, bankId: number, rows: readonly EntryRow[], at: string): Promise<{ added: number; existing: EntryRow[] }> {
  let added = 0;
  const existing: EntryRow[] = [];
  const size = postgres ? postgresRows : sqliteRows;
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    const result = await trx.executeQuery<{ signal_type: string; value: string }>(postgres ? postgresQuery(bankId, part, at) : sqliteQuery(bankId, part, at));
    added += result.rows.length;
    if (result.rows.length === part.length) continue;
    const inserted = new Set(result.rows.map((r) => `${r.signal_type}\u0000${r.value}`));
    for (const r of part) if (!inserted.has(`${r.signalType}\u0000${r.value}`)) existing.push(r);
  }
  return { added, existing };
}

function sqliteQuery(bankId: number, part: readonly EntryRow[], at: string) {
  const params: unknown[] = new Array(part.length * 10);
  let k = 0;
  for (const r of part) {
    params[k++] = bankId;
    params[k++] = r.signalType;
    params[k++] = r.value;
    params[k++] = r.externalId;
    params[k++] = r.sources;
    params[k++] = r.category;
    params[k++] = r.quality;
    params[k++] = r.flagged;
    params[k++] = at;
    params[k++] = r.language;
  }
  return CompiledQuery.raw(sqliteSql(part.length), params);
}

function postgresQuery(bankId: number, part: readonly EntryRow[], at: string) {
  return CompiledQuery.raw(postgresSqlText, [
    bankId,
    part.map((r) => r.signalType),
    part.map((r) => r.value),
    part.map((r) => r.externalId),
    part.map((r) => r.sources),
    part.map((r) => r.category),
    part.map((r) => r.quality),
    part.map((r) => r.flagged),
    at,
    part.map((r) => r.language),
  ]);
}

// Rows come out of a multi-argument unnest in argument order (one row per array position), which keeps ids in
// list order.
const postgresSqlText =
  `insert into bank_entries (${columns}) ` +
  'select $1::integer, t.signal_type, t.value, t.external_id, t.sources, t.category, t.quality, t.flagged, $9::text, t.language ' +
  'from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::integer[], $8::integer[], $10::text[]) ' +
  'with ordinality as t(signal_type, value, external_id, sources, category, quality, flagged, language, n) ' +
  `order by t.n ${conflict}`;
