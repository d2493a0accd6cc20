/**
 * Streaming hash-list import: bytes → lines (bounded length) → parsed entries → batched transactional inserts.
 * Memory stays bounded by one batch and one read chunk, whatever the file size; bad lines are counted and
 * reported with their line numbers while the import goes on.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { HashListParser, type HashListErrorCode, type HashListLineError, type HashListParserOptions } from '../core/hash-list/hash-list-parser.ts';
import { LineSplitter } from '../core/hash-list/line-splitter.ts';
import type { NewBankEntry } from '../core/banks/types.ts';
import { invalidInput, notFound } from '../core/lifeguard-error.ts';
import type { BankStore } from './bank-store.ts';

export interface ImportOptions extends HashListParserOptions {
  /** Entries per transaction (default 20,000). */
  batchSize?: number;
  /** Longest line in bytes (default 64 KiB); longer lines are reported as `line_too_long`. */
  maxLineBytes?: number;
  /** How many errors the summary keeps in full (all are counted). Default 100. */
  keepErrors?: number;
  /** Called for every bad line, in order. */
  onError?: (error: HashListLineError) => void;
  /** Called after each chunk with the bytes read so far. */
  onProgress?: (bytesRead: number) => void;
}

export interface ImportSummary {
  /** Physical lines read, header and blank lines included. */
  lines: number;
  bytes: number;
  /** Data lines that parsed into an entry. */
  valid: number;
  added: number;
  /** Duplicates merged into an existing entry (in the bank already, or earlier in the file). */
  merged: number;
  /** New entries stored flagged as low-quality PDQ (not matched). */
  flaggedLowQuality: number;
  errors: number;
  errorsByCode: Partial<Record<HashListErrorCode, number>>;
  /** The first `keepErrors` errors. */
  firstErrors: HashListLineError[];
}

/** Imports a hash list from a byte stream into bank `bankId`. Throws only when the list has no usable header. */
export async function importHashList(
  store: BankStore,
  bankId: number,
  input: AsyncIterable<Uint8Array>,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = opts.batchSize ?? 20_000;
  const keepErrors = opts.keepErrors ?? 100;
  const splitter = new LineSplitter(opts.maxLineBytes);
  const parser = new HashListParser(opts);
  const summary: ImportSummary = {
    lines: 0,
    bytes: 0,
    valid: 0,
    added: 0,
    merged: 0,
    flaggedLowQuality: 0,
    errors: 0,
    errorsByCode: {},
    firstErrors: [],
  };
  let batch: NewBankEntry[] = [];
  let sawHeader = false;

  const flush = async () => {
    if (batch.length === 0) return;
    const r = await store.addEntries(bankId, batch);
    summary.added += r.added;
    summary.merged += r.merged;
    summary.flaggedLowQuality += r.flagged;
    batch = [];
  };
  const handle = async (lines: ReturnType<LineSplitter['push']>) => {
    for (const raw of lines) {
      summary.lines++;
      const r = parser.line(raw);
      if (r.kind === 'entry') {
        sawHeader = true;
        summary.valid++;
        batch.push(r.entry);
        if (batch.length >= batchSize) await flush();
      } else if (r.kind === 'header') {
        sawHeader = true;
      } else if (r.kind === 'error') {
        summary.errors++;
        summary.errorsByCode[r.error.code] = (summary.errorsByCode[r.error.code] ?? 0) + 1;
        if (summary.firstErrors.length < keepErrors) summary.firstErrors.push(r.error);
        opts.onError?.(r.error);
      }
    }
  };

  for await (const chunk of input) {
    summary.bytes += chunk.length;
    await handle(splitter.push(chunk));
    opts.onProgress?.(summary.bytes);
  }
  await handle(splitter.end());
  await flush();
  if (!sawHeader && summary.errors === 0) throw invalidInput('empty_hash_list', 'the hash list has no header and no entries');
  return summary;
}

/** Opens a hash-list file for streaming; `size` drives the progress bar. */
export async function openHashListFile(path: string): Promise<{ stream: AsyncIterable<Uint8Array>; size: number }> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw invalidInput('not_a_file', `${path} is not a regular file`);
    size = s.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('file_not_found', `no such file: ${path}`);
    throw e;
  }
  return { stream: createReadStream(path, { highWaterMark: 1024 * 1024 }), size };
}
