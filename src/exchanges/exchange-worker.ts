/**
 * Runs the exchanges on their schedules, one at a time, in the background: a due exchange is fetched and
 * applied (exchange-sync.ts), its status recorded; a failure is recorded with a growing retry delay and never
 * touches what was already fetched, so matching goes on with the last good copy. start/stop/drain like every
 * worker; `runNow` for the API's "fetch now".
 */
import type { MediaCipher } from '../crypto/media-cipher.ts';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import type { BankStore } from '../store/bank-store.ts';
import type { ExchangeRecord, ExchangeStore } from '../store/exchange-store.ts';
import type { ExchangePushStore } from '../store/exchange-push-store.ts';
import { pushConfirmed, type PushRound } from './exchange-pusher.ts';
import type { ExchangeClient } from './exchange-client.ts';
import { exchangeKinds, type ExchangeKind } from './exchange-kinds.ts';
import { exchangeSource, syncExchange } from './exchange-sync.ts';

export interface ExchangeWorkerOptions {
  bankStore: BankStore;
  exchanges: ExchangeStore;
  cipher?: MediaCipher;
  now?: () => number;
  pollMs?: number;
  /** Called after a fetch changed a bank (the matcher refreshes). */
  onChange?: () => void;
  onError?: (name: string, err: unknown) => void;
  /** The push journal: with it, confirmed hashes are shared with the exchanges configured to take them. */
  pushes?: ExchangePushStore;
  /** Prefix of idempotency keys of shares (the database's instance id), so two installations never collide. */
  pushKeyPrefix?: string | (() => Promise<string>);
  /** Builds a client (tests may wrap it); default: from the kind registry. */
  clientFor?: (x: ExchangeRecord, credentials: Record<string, unknown>) => ExchangeClient;
}

export interface ExchangeWorker {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs every due exchange until none is due (tests). */
  drain(): Promise<void>;
  /** Fetches one exchange now, whatever its schedule; resolves with its record after. */
  runNow(name: string): Promise<ExchangeRecord>;
  /** Sends recorded opinions back to the exchanges that take them. */
  reportOpinions(): Promise<number>;
  /** Shares confirmed hashes with the exchanges configured to take them (one round each). */
  pushConfirmed(): Promise<Record<string, PushRound>>;
}

/** Seals credentials for storage (base64), bound to the exchange name. */
export function sealCredentials(cipher: MediaCipher, name: string, credentials: Record<string, unknown>): string {
  return cipher.seal(Buffer.from(JSON.stringify(credentials), 'utf8'), `exchange:${name}`).toString('base64');
}

export function createExchangeWorker(o: ExchangeWorkerOptions): ExchangeWorker {
  const now = o.now ?? Date.now;
  const pollMs = o.pollMs ?? 5000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const abort = new AbortController();

  const credentialsOf = async (x: ExchangeRecord): Promise<Record<string, unknown>> => {
    const sealed = await o.exchanges.sealedCredentials(x.name);
    if (sealed === null) return {};
    if (!o.cipher) throw new Error('credentials are stored but this process has no key to open them');
    return JSON.parse(o.cipher.open(Buffer.from(sealed, 'base64'), `exchange:${x.name}`).toString('utf8')) as Record<string, unknown>;
  };
  const clientOf = async (x: ExchangeRecord): Promise<ExchangeClient> => {
    const creds = await credentialsOf(x);
    if (o.clientFor) return o.clientFor(x, creds);
    const kind = exchangeKinds[x.kind as ExchangeKind];
    if (!kind) throw new Error(`unknown exchange kind '${x.kind}'`);
    return kind.create(x.settings, creds);
  };

  const runOne = async (x: ExchangeRecord): Promise<void> => {
    const started = new Date(now());
    await o.exchanges.markRunning(x.name, started);
    try {
      const client = await clientOf(x);
      const r = await syncExchange({ store: o.bankStore, exchanges: o.exchanges, name: x.name, bankId: x.bankId, client, checkpoint: x.checkpoint, signal: abort.signal });
      await o.exchanges.markSucceeded(x.name, { now: new Date(now()), counts: r.counts, checkpoint: r.checkpoint, nextRunAt: new Date(now() + x.intervalSeconds * 1000) });
      if ((r.counts.added ?? 0) + (r.counts.removed ?? 0) > 0) o.onChange?.();
    } catch (e) {
      const message = isLifeguardError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e);
      // Retry sooner than the interval, backing off: 30 s, 1 min, 2 min, ... up to the interval.
      const retryMs = Math.min(x.intervalSeconds * 1000, 30_000 * 2 ** Math.min(x.consecutiveFailures, 10));
      await o.exchanges.markFailed(x.name, { now: new Date(now()), error: message, nextRunAt: new Date(now() + retryMs) });
      o.onChange?.(); // an incremental fetch may have applied pages before failing
      o.onError?.(x.name, e);
    }
  };

  // One exchange at a time per process: fetches are I/O-bound and share the bank store's write lock.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = running.then(fn, fn);
    running = p.catch(() => undefined);
    return p;
  };

  const runDue = () =>
    serial(async () => {
      for (const x of await o.exchanges.due(new Date(now()))) {
        if (abort.signal.aborted) return;
        await runOne(x);
      }
    });

  const reportOpinions = async (): Promise<number> => {
    let sent = 0;
    for (const x of await o.exchanges.list()) {
      const client = await clientOf(x).catch(() => undefined);
      if (!client?.reportOpinion) continue;
      for (const op of await o.bankStore.unreportedOpinions(x.name)) {
        if (!op.entry || !op.entry.sources.includes(exchangeSource(x.name)) || op.opinion === 'cleared') {
          await o.bankStore.markOpinionsReported([op.id]);
          continue;
        }
        try {
          await client.reportOpinion({ externalId: op.entry.externalId ?? op.entry.value, signalType: op.entry.signalType, value: op.entry.value }, op.opinion, abort.signal);
          await o.bankStore.markOpinionsReported([op.id]);
          sent++;
        } catch (e) {
          o.onError?.(x.name, e);
          break; // try again on the next round
        }
      }
    }
    return sent;
  };

  const pushAll = async (): Promise<Record<string, PushRound>> => {
    const out: Record<string, PushRound> = {};
    if (!o.pushes) return out;
    const keyPrefix = typeof o.pushKeyPrefix === 'function' ? await o.pushKeyPrefix() : (o.pushKeyPrefix ?? 'lifeguard');
    for (const x of await o.exchanges.list()) {
      if (!x.enabled) continue;
      const client = await clientOf(x).catch(() => undefined);
      if (!client?.share) continue;
      try {
        out[x.name] = await pushConfirmed({ name: x.name, client, pushes: o.pushes, keyPrefix, now, signal: abort.signal });
        if (out[x.name]!.stoppedBy) o.onError?.(x.name, new Error(`push: ${out[x.name]!.stoppedBy}`));
      } catch (e) {
        o.onError?.(x.name, e);
      }
    }
    return out;
  };

  return {
    async start() {
      const tick = () => {
        void runDue()
          .then(() => reportOpinions())
          .then(() => serial(pushAll))
          .catch((e: unknown) => o.onError?.('*', e))
          .finally(() => {
            if (!abort.signal.aborted) timer = setTimeout(tick, pollMs).unref();
          });
      };
      tick();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      abort.abort(new Error('exchange worker stopped'));
      await running;
    },
    async drain() {
      for (let i = 0; i < 100; i++) {
        const due = await o.exchanges.due(new Date(now()));
        if (due.length === 0) break;
        await runDue();
      }
      await reportOpinions();
      await serial(pushAll);
      await running;
    },
    runNow: (name) =>
      serial(async () => {
        await runOne(await o.exchanges.require(name));
        return o.exchanges.require(name);
      }),
    reportOpinions: () => serial(reportOpinions),
    pushConfirmed: () => serial(pushAll),
  };
}
