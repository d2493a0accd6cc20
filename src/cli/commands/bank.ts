/** `lifeguard bank`: create, import, export, list, inspect and remove hash banks. */
import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatHashListEntry, hashListExportHeader } from '../../core/hash-list/format-hash-list.ts';
import { hashListColumnAliases } from '../../core/hash-list/hash-list-columns.ts';
import type { HashListLineError } from '../../core/hash-list/hash-list-parser.ts';
import { signalTypeNames, signalTypesTable } from '../../core/signal-types.ts';
import { urlHashAlgorithms } from '../../core/url-lists/url-pattern.ts';
import { bankLocation, openBankContext, type BankContext } from '../../matching/bank-context.ts';
import { BankPdqIndex } from '../../matching/bank-pdq-index.ts';
import { importHashList, openHashListFile, type ImportSummary } from '../../store/bank-import.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { createProgressBar } from '../progress-bar.ts';
import { requireExistingDatabase } from '../require-database.ts';
import { usageError } from '../usage-error.ts';
import { addVideoCommand, addVideoUsage } from './bank-add-video.ts';

const usage = `usage: lifeguard bank <subcommand> [options]

  bank create NAME [--description D]
  bank import NAME FILE|- [--type ${signalTypeNames.join('|')}] [--lines] [--hashed ${urlHashAlgorithms.join('|')}]
                    [--source S] [--create] [--strict] [--json]
  bank export NAME [--format csv|tsv] [FILE|-]
  bank list [--json]
  bank stats [NAME] [--json]
  bank remove NAME                  remove the bank and all its entries
  bank remove NAME --entry ID ...   remove only these entries (ids from export or match output)
${addVideoUsage}

Hash lists (import): CSV or TSV (by extension, else sniffed), a header row naming the columns
  type      (${hashListColumnAliases.type.join(', ')}) — optional with --type
  hash      (${hashListColumnAliases.hash.join(', ')}, or a column named after a type: ${signalTypeNames.join(', ')})
  id        (${hashListColumnAliases.id.join(', ')})
  category  (${hashListColumnAliases.category.join(', ')})
  source    (${hashListColumnAliases.source.join(', ')}; several separated by '|')
  quality   (${hashListColumnAliases.quality.join(', ')}; PDQ quality < 50 is stored flagged, never matched)
  language  (${hashListColumnAliases.language.join(', ')}; of a keyword term)
A file with one hash per line and no header is read with --type. --lines reads every line as one whole value
of --type (URL and keyword lists: commas allowed); --hashed ALG reads a hashed URL list of bare hex digests
(implies --type url --lines). Bad lines are reported with their line
numbers and skipped; duplicates merge into the stored entry (first id/category/quality kept, sources
united). --strict exits 3 when any line was bad; --create creates the bank if missing.

Signal types:
${signalTypesTable()}

Options for all: --data-dir DIR (default $LIFEGUARD_DATA_DIR or ./data; LIFEGUARD_DATABASE_URL=postgres://…
selects PostgreSQL).
`;

const common = { 'data-dir': { type: 'string' }, json: { type: 'boolean' } } as const;

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...common, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError((e as Error).message);
  }
}

/** Opens the banks; unless `creates`, a missing SQLite database is refused (a --data-dir typo), not created. */
async function withBanks<T>(dataDir: string | undefined, io: CliIo, fn: (ctx: BankContext) => Promise<T>, opts: { creates?: boolean } = {}): Promise<T> {
  const location = bankLocation({ dataDir }, io.env);
  if (opts.creates !== true) requireExistingDatabase(location.databaseUrl);
  const ctx = await openBankContext(location);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');

async function create(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { description: { type: 'string' } });
  if (positionals.length !== 1) throw usageError('bank create takes one NAME');
  return withBanks(values['data-dir'], io, async ({ store }) => {
    const bank = await store.createBank(positionals[0]!, values.description ?? null);
    io.stdout.write(values.json ? JSON.stringify(bank) + '\n' : `created bank '${bank.name}'\n`);
    return exitCodes.ok;
  }, { creates: true });
}

const shownErrors = 20;

function summaryLine(bank: string, file: string, s: ImportSummary): string {
  const codes = Object.entries(s.errorsByCode).map(([c, n]) => `${c} ${fmt(n)}`).join(', ');
  return (
    `imported ${file} into bank '${bank}': ${fmt(s.lines)} lines, ${fmt(s.added)} added, ${fmt(s.merged)} merged duplicates, ` +
    `${fmt(s.errors)} errors${codes ? ` (${codes})` : ''}, ${fmt(s.flaggedLowQuality)} flagged low-quality\n`
  );
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    type: { type: 'string' },
    source: { type: 'string' },
    create: { type: 'boolean' },
    strict: { type: 'boolean' },
    lines: { type: 'boolean' },
    hashed: { type: 'string' },
  });
  if (positionals.length !== 2) throw usageError('bank import takes NAME and FILE');
  const [name, file] = positionals as [string, string];
  const hashed = values.hashed?.toLowerCase();
  if (hashed !== undefined && !(urlHashAlgorithms as readonly string[]).includes(hashed)) throw usageError(`--hashed must be one of ${urlHashAlgorithms.join(', ')}`);
  const type = hashed !== undefined ? 'url' : values.type?.toLowerCase();
  if ((values.lines || hashed) && type === undefined) throw usageError('--lines needs --type');
  if (type !== undefined && !(signalTypeNames as readonly string[]).includes(type)) {
    throw usageError(`--type must be one of ${signalTypeNames.join(', ')}`);
  }
  return withBanks(values['data-dir'], io, async ({ store, location }) => {
    const bank = (await store.getBank(name)) ?? (values.create ? await store.createBank(name) : await store.requireBank(name));
    const { stream, size } = file === '-' ? { stream: io.stdin as AsyncIterable<Uint8Array>, size: 0 } : await openHashListFile(file);
    const bar = createProgressBar(io.stderr, { label: `importing ${basename(file)}`, total: size, enabled: io.isTTY });
    let printed = 0;
    const onError = (e: HashListLineError) => {
      if (printed++ < shownErrors) io.stderr.write(`${file}:${e.line}: ${e.code}: ${e.message}\n`);
    };
    let summary: ImportSummary;
    try {
      summary = await importHashList(store, bank.id, stream, {
        ...(type !== undefined ? { defaultType: type } : {}),
        ...(values.source !== undefined ? { defaultSource: values.source } : {}),
        ...(values.lines || hashed !== undefined ? { lines: true } : {}),
        ...(hashed !== undefined ? { valuePrefix: `${hashed}:` } : {}),
        fileName: file,
        onError,
        onProgress: (n) => bar.update(n),
        keepErrors: shownErrors,
      });
    } finally {
      bar.finish();
    }
    if (summary.errors > shownErrors) io.stderr.write(`… and ${fmt(summary.errors - shownErrors)} more errors\n`);
    // Keep the PDQ index snapshot in step, so the next match loads it with no delta to apply.
    const index = await BankPdqIndex.updateSnapshot({ store, snapshotPath: location.snapshotPath });
    if (index.snapshotError) io.stderr.write(`warning: could not write the PDQ index snapshot: ${index.snapshotError}\n`);
    if (values.json) {
      const { firstErrors, ...counts } = summary;
      io.stdout.write(JSON.stringify({ bank: bank.name, file, ...counts, firstErrors }) + '\n');
    } else {
      io.stdout.write(summaryLine(bank.name, file, summary));
    }
    return values.strict && summary.errors > 0 ? exitCodes.failure : exitCodes.ok;
  }, { creates: values.create === true });
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' } });
  if (positionals.length < 1 || positionals.length > 2) throw usageError('bank export takes NAME and an optional FILE');
  const [name, target = '-'] = positionals as [string, string?];
  const format = values.format ?? (target.toLowerCase().endsWith('.tsv') ? 'tsv' : 'csv');
  if (format !== 'csv' && format !== 'tsv') throw usageError('--format must be csv or tsv');
  const delimiter = format === 'tsv' ? '\t' : ',';
  return withBanks(values['data-dir'], io, async ({ store }) => {
    const bank = await store.requireBank(name);
    const out: Writable = target === '-' ? io.stdout : createWriteStream(target);
    const write = async (line: string) => {
      if (!out.write(line + '\n')) await new Promise<void>((resolve) => out.once('drain', resolve));
    };
    let n = 0;
    await write(hashListExportHeader(delimiter));
    for await (const e of store.exportEntries(bank.id)) {
      await write(formatHashListEntry(e, delimiter));
      n++;
    }
    if (target !== '-') {
      out.end();
      await finished(out);
      io.stderr.write(`exported ${fmt(n)} entries of bank '${bank.name}' to ${target}\n`);
    }
    return exitCodes.ok;
  });
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (positionals.length > 0) throw usageError('bank list takes no arguments');
  return withBanks(values['data-dir'], io, async ({ store }) => {
    const banks = await store.listBanks();
    if (values.json) {
      for (const b of banks) io.stdout.write(JSON.stringify(b) + '\n');
    } else if (banks.length === 0) {
      io.stdout.write('no banks yet: lifeguard bank create NAME\n');
    } else {
      const w = Math.max(4, ...banks.map((b) => b.name.length));
      io.stdout.write(`${'NAME'.padEnd(w)}  ${'ENTRIES'.padStart(12)}  CREATED                   DESCRIPTION\n`);
      for (const b of banks) io.stdout.write(`${b.name.padEnd(w)}  ${fmt(b.entries).padStart(12)}  ${b.createdAt.padEnd(24)}  ${b.description ?? ''}\n`);
    }
    return exitCodes.ok;
  });
}

async function stats(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (positionals.length > 1) throw usageError('bank stats takes at most one NAME');
  return withBanks(values['data-dir'], io, async ({ store }) => {
    const s = await store.stats(positionals[0]);
    if (values.json) io.stdout.write(JSON.stringify(s) + '\n');
    else {
      const by = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${fmt(v)}`).join(', ') || '-';
      io.stdout.write(
        `${s.bank !== undefined ? `bank '${s.bank}'` : `${fmt(s.banks)} banks`}: ${fmt(s.entries)} entries\n` +
          `  by type:     ${by(s.byType)}\n  by category: ${by(s.byCategory)}\n  flagged low-quality (not matched): ${fmt(s.flaggedLowQuality)}\n`,
      );
    }
    return exitCodes.ok;
  });
}

async function remove(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { entry: { type: 'string', multiple: true } });
  if (positionals.length !== 1) throw usageError('bank remove takes one NAME');
  const name = positionals[0]!;
  const ids = (values.entry ?? []).map((v) => {
    if (!/^\d{1,10}$/.test(v)) throw usageError(`--entry takes an entry id (a whole number), got '${v}'`);
    return Number(v);
  });
  return withBanks(values['data-dir'], io, async ({ store }) => {
    if (ids.length > 0) {
      const bank = await store.requireBank(name);
      const removed = await store.removeEntries(bank.id, ids);
      if (values.json) io.stdout.write(JSON.stringify({ bank: bank.name, removedEntries: removed }) + '\n');
      else io.stdout.write(`removed ${fmt(removed)} of ${fmt(ids.length)} entries from bank '${bank.name}'\n`);
      return removed === new Set(ids).size ? exitCodes.ok : exitCodes.failure;
    }
    const r = await store.removeBank(name);
    if (values.json) io.stdout.write(JSON.stringify({ bank: name, ...r }) + '\n');
    else io.stdout.write(`removed bank '${name}' and its ${fmt(r.removedEntries)} entries\n`);
    return exitCodes.ok;
  });
}

const subcommands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  create,
  import: importCommand,
  export: exportCommand,
  list,
  stats,
  remove,
  'add-video': addVideoCommand,
};

export const command: Command = {
  summary: 'create, import, export, list and remove hash banks',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    const fn = sub === undefined ? undefined : subcommands[sub];
    if (!fn) throw usageError(sub === undefined ? `a subcommand is needed: ${Object.keys(subcommands).join(', ')}` : `unknown subcommand '${sub}'`);
    return fn(rest, io);
  },
};
