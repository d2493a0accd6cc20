/**
 * Applies one fetch of an exchange to its bank. Entries from the exchange carry the source `exchange:<name>`
 * and the exchange's own id as external id, so the local copy can be compared with the server's:
 * - snapshot exchanges: every page is read first; only a complete fetch changes the bank (adds what is new or
 *   changed, removes what the server no longer lists), so a failure part-way leaves the last good copy;
 * - incremental exchanges: each page is applied and its checkpoint saved before the next page is read, so a
 *   failure part-way keeps what arrived and the next run resumes after it.
 * Entries a reviewer disabled (false positive) stay disabled: an unchanged entry is not re-added.
 */
import type { BankEntry, NewBankEntry } from '../core/banks/types.ts';
import type { BankStore } from '../store/bank-store.ts';
import type { ExchangeCounts, ExchangeStore } from '../store/exchange-store.ts';
import type { ExchangeClient, FetchedEntry } from './exchange-client.ts';

/** The source name entries of exchange `name` carry. */
export const exchangeSource = (name: string): string => `exchange:${name}`;

type Local = Map<string, { id: number; key: string }>;

const keyOf = (e: { signalType: string; value: string }) => `${e.signalType}\u0000${e.value}`;

async function localCopy(store: BankStore, bankId: number, source: string): Promise<Local> {
  const local: Local = new Map();
  for await (const e of store.exportEntries(bankId)) {
    if (!e.sources.includes(source)) continue;
    local.set(e.externalId ?? keyOf(e), { id: e.id, key: keyOf(e) });
  }
  return local;
}

const toNew = (e: FetchedEntry, source: string): NewBankEntry => ({ signalType: e.signalType, value: e.value, externalId: e.externalId, category: e.category ?? null, sources: [source] });

export interface SyncOptions {
  store: BankStore;
  exchanges: ExchangeStore;
  name: string;
  bankId: number;
  client: ExchangeClient;
  checkpoint: string | null;
  signal: AbortSignal;
}

/** Runs one fetch and applies it; returns the counts (throws when the fetch fails). */
export async function syncExchange(o: SyncOptions): Promise<{ counts: ExchangeCounts; checkpoint: string | null }> {
  const source = exchangeSource(o.name);
  const local = await localCopy(o.store, o.bankId, source);
  const counts = { fetched: 0, added: 0, removed: 0, invalid: 0, total: 0 };
  let checkpoint = o.checkpoint;

  const apply = async (upserts: FetchedEntry[], deletes: string[]) => {
    const removeIds: number[] = [];
    const add: NewBankEntry[] = [];
    for (const id of deletes) {
      const l = local.get(id);
      if (l) {
        removeIds.push(l.id);
        local.delete(id);
      }
    }
    for (const e of upserts) {
      const l = local.get(e.externalId);
      if (l && l.key === keyOf(e)) continue;
      if (l) removeIds.push(l.id);
      add.push(toNew(e, source));
    }
    if (removeIds.length > 0) counts.removed += await o.store.removeEntries(o.bankId, removeIds);
    if (add.length > 0) {
      const r = await o.store.addEntries(o.bankId, add);
      counts.added += r.added;
      // Ids of what was written, so later pages compare against them.
      const written = await lookupAdded(o.store, o.bankId, add);
      for (const e of add) {
        const w = written.get(keyOf(e));
        if (w) local.set(e.externalId!, { id: w.id, key: keyOf(e) });
      }
    }
  };

  if (o.client.mode === 'incremental') {
    for await (const page of o.client.fetch(checkpoint, o.signal)) {
      counts.fetched += page.upserts.length + page.deletes.length;
      counts.invalid += page.invalid;
      await apply(page.upserts, page.deletes);
      if (page.checkpoint !== undefined) {
        checkpoint = page.checkpoint;
        await o.exchanges.saveCheckpoint(o.name, checkpoint);
      }
    }
  } else {
    const remote = new Map<string, FetchedEntry>();
    for await (const page of o.client.fetch(checkpoint, o.signal)) {
      counts.fetched += page.upserts.length;
      counts.invalid += page.invalid;
      for (const e of page.upserts) remote.set(e.externalId, e);
    }
    const gone = [...local.keys()].filter((id) => !remote.has(id));
    await apply([...remote.values()], gone);
  }
  counts.total = local.size;
  return { counts, checkpoint };
}

async function lookupAdded(store: BankStore, bankId: number, added: readonly NewBankEntry[]): Promise<Map<string, BankEntry>> {
  const out = new Map<string, BankEntry>();
  const byType = new Map<string, string[]>();
  for (const e of added) {
    let list = byType.get(e.signalType);
    if (!list) byType.set(e.signalType, (list = []));
    list.push(e.value);
  }
  for (const [type, values] of byType) {
    for (const e of await store.lookup(type as NewBankEntry['signalType'], values, { bankIds: [bankId], includeDisabled: true })) out.set(keyOf(e), e);
  }
  return out;
}
