/**
 * `lifeguard exchange list|status|fetch`: the configured exchanges (outside hash and URL lists) with their
 * status — last success, last error, counts of the last fetch, shares sent — and a fetch now, from the database
 * (works with the service stopped; a fetch runs here, in this process). Exchanges are configured over the API.
 */
import { createMediaCipher } from '../../crypto/media-cipher.ts';
import { loadOrCreateMediaKey } from '../../crypto/media-key-file.ts';
import { createExchangeWorker } from '../../exchanges/exchange-worker.ts';
import { createBankStore } from '../../store/bank-store.ts';
import { createExchangePushStore, type PushCounts } from '../../store/exchange-push-store.ts';
import { createExchangeStore, type ExchangeRecord } from '../../store/exchange-store.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { cliConfig, databaseFlags, openCliDatabase } from '../open-cli-database.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';

const usage = `usage: lifeguard exchange list [--json]
       lifeguard exchange status NAME [--json]
       lifeguard exchange fetch NAME [--json]

Exchanges are outside lists (ThreatExchange, NCMEC, StopNCII, a JSON/CSV list at a URL) fetched on a schedule
into a bank by the worker; configure them with POST /v1/exchanges. \`list\` shows each one's status, last
success, last error and the counts of its last fetch; \`status\` one exchange in full, with its shares of
confirmed hashes (pending, sent, failed); \`fetch\` fetches it now from this process (exit 3 when the fetch
fails — what was fetched before stays in its bank and keeps matching). Credentials are opened with the media
key (LIFEGUARD_MEDIA_KEY or the key file in the data directory) and never printed.
Database: --data-dir / --database-url (or LIFEGUARD_DATA_DIR / LIFEGUARD_DATABASE_URL).`;

interface ExchangeLine {
  name: string;
  kind: string;
  bank: string;
  enabled: boolean;
  status: string;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  counts: ExchangeRecord['counts'];
  nextRunAt: string | null;
  shares: PushCounts;
}

const counts = (c: ExchangeRecord['counts']) => `fetched ${c.fetched ?? 0}, +${c.added ?? 0} −${c.removed ?? 0}, invalid ${c.invalid ?? 0}, total ${c.total ?? 0}`;
const shares = (p: PushCounts) => (Object.keys(p).length === 0 ? '—' : Object.entries(p).map(([k, n]) => `${k} ${n}`).join(', '));

function table(lines: ExchangeLine[]): string {
  if (lines.length === 0) return 'No exchanges configured (POST /v1/exchanges).\n';
  const rows = [['NAME', 'KIND', 'BANK', 'STATUS', 'LAST SUCCESS', 'LAST FETCH', 'ERROR']];
  for (const l of lines) rows.push([l.name, l.kind, l.bank, l.enabled ? l.status : `${l.status} (disabled)`, l.lastSuccessAt ?? 'never', counts(l.counts), (l.lastError ?? '').slice(0, 60)]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}

function detail(l: ExchangeLine): string {
  return [
    `${l.name} (${l.kind}) → bank ${l.bank}${l.enabled ? '' : ' — disabled'}`,
    `  status:        ${l.status}${l.consecutiveFailures > 0 ? ` (${l.consecutiveFailures} failures in a row)` : ''}`,
    `  last success:  ${l.lastSuccessAt ?? 'never'}`,
    `  last attempt:  ${l.lastAttemptAt ?? 'never'}`,
    `  last error:    ${l.lastError ?? '—'}`,
    `  last fetch:    ${counts(l.counts)}`,
    `  next run:      ${l.nextRunAt ?? 'when the worker next looks'}`,
    `  shares:        ${shares(l.shares)}`,
  ].join('\n') + '\n';
}

export const command: Command = {
  summary: 'list exchanges with their status, show one, fetch one now',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values: v, positionals } = parseFlags({ args, options: { json: { type: 'boolean' }, ...databaseFlags }, allowPositionals: true, strict: true });
    const [action, name, ...extra] = positionals;
    if (action !== 'list' && action !== 'status' && action !== 'fetch') throw usageError(`expected list, status or fetch\n${usage}`);
    if (action === 'list' ? name !== undefined : name === undefined || extra.length > 0) throw usageError(action === 'list' ? 'exchange list takes no NAME' : `exchange ${action} needs exactly one NAME`);
    const config = cliConfig(io, v);
    const database = await openCliDatabase(config);
    try {
      const bankStore = createBankStore(database);
      const exchanges = createExchangeStore(database);
      const pushes = createExchangePushStore(database);
      const bankNames = new Map((await bankStore.listBanks()).map((b) => [b.id, b.name]));
      const lineOf = async (x: ExchangeRecord): Promise<ExchangeLine> => ({
        name: x.name,
        kind: x.kind,
        bank: bankNames.get(x.bankId) ?? '?',
        enabled: x.enabled,
        status: x.status,
        lastSuccessAt: x.lastSuccessAt,
        lastAttemptAt: x.lastAttemptAt,
        lastError: x.lastError,
        consecutiveFailures: x.consecutiveFailures,
        counts: x.counts,
        nextRunAt: x.nextRunAt,
        shares: await pushes.counts(x.name),
      });
      const print = (l: ExchangeLine) => io.stdout.write(v.json ? `${JSON.stringify(l)}\n` : detail(l));

      if (action === 'list') {
        const lines = await Promise.all((await exchanges.list()).map(lineOf));
        io.stdout.write(v.json ? lines.map((l) => `${JSON.stringify(l)}\n`).join('') : table(lines));
        return exitCodes.ok;
      }
      const x = await exchanges.require(name!);
      if (action === 'status') {
        print(await lineOf(x));
        return exitCodes.ok;
      }
      const cipher = x.hasCredentials ? createMediaCipher(loadOrCreateMediaKey(config.mediaKey, config.dataDir).key) : undefined;
      const worker = createExchangeWorker({ bankStore, exchanges, ...(cipher ? { cipher } : {}) });
      try {
        const after = await worker.runNow(x.name);
        print(await lineOf(after));
        if (after.status !== 'ok') io.stderr.write(`lifeguard exchange: fetch of ${x.name} failed: ${after.lastError ?? 'unknown error'}\n`);
        return after.status === 'ok' ? exitCodes.ok : exitCodes.failure;
      } finally {
        await worker.stop();
      }
    } finally {
      await database.close();
    }
  },
};
