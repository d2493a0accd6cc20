/**
 * Shares the hashes of confirmed cases with one exchange, through the push journal (exchange-push-store.ts):
 * new confirmed cases are queued, then each queued hash is marked `sending` (committed) before its request, and
 * `sent` after the answer. A row found in `sending` had its answer lost: the exchange is asked whether it holds
 * the share (`findShared`) and it is sent again only if not — so a retry never shares a hash twice. A refusal
 * (4xx) marks the row failed and the round goes on; a lost or 5xx answer stops the round (tried next round).
 */
import { isLifeguardError } from '../core/lifeguard-error.ts';
import type { ExchangePushStore } from '../store/exchange-push-store.ts';
import type { ExchangeClient } from './exchange-client.ts';
import { exchangeSource } from './exchange-sync.ts';

export interface PushRound {
  queued: number;
  sent: number;
  /** Found already shared after a lost answer (not sent again). */
  confirmedShared: number;
  failed: number;
  /** The error that stopped the round, if one did. */
  stoppedBy?: string;
}

const messageOf = (e: unknown) => (isLifeguardError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e));
const refused = (e: unknown) => isLifeguardError(e) && (e.code === 'exchange_unsupported_type' || (e.code === 'exchange_http_error' && Number(e.detail?.status) < 500));

/** One push round for exchange `name`; does nothing when its client does not share. */
export async function pushConfirmed(o: { name: string; client: ExchangeClient; pushes: ExchangePushStore; keyPrefix: string; now: () => number; signal: AbortSignal }): Promise<PushRound> {
  const round: PushRound = { queued: 0, sent: 0, confirmedShared: 0, failed: 0 };
  const { client, pushes } = o;
  if (!client.share || !client.shareTypes) return round;
  round.queued = await pushes.queueConfirmed(o.name, { skipSource: exchangeSource(o.name), types: client.shareTypes, now: new Date(o.now()) });
  for (const item of await pushes.due(o.name)) {
    if (o.signal.aborted) break;
    const hash = { signalType: item.signalType, value: item.value, category: item.category };
    try {
      if (item.status === 'sending' && client.findShared) {
        const existing = await client.findShared(hash, o.signal);
        if (existing !== null) {
          await pushes.markSent(item.id, existing, new Date(o.now()));
          round.confirmedShared++;
          continue;
        }
      }
      await pushes.markSending(item.id);
      const { remoteId } = await client.share(hash, `${o.keyPrefix}:${o.name}:${item.id}`, o.signal);
      await pushes.markSent(item.id, remoteId, new Date(o.now()));
      round.sent++;
    } catch (e) {
      if (refused(e)) {
        await pushes.markFailed(item.id, messageOf(e));
        round.failed++;
        continue;
      }
      await pushes.noteError(item.id, messageOf(e));
      round.stoppedBy = messageOf(e);
      break;
    }
  }
  return round;
}
