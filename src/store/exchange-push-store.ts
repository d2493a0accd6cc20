/**
 * The exchange push journal: which hashes of confirmed cases are queued for, being sent to, or were shared
 * with each exchange. One row per (exchange, type, value), so a hash is queued once whatever number of cases
 * confirm it; a row moves pending → sending (committed before the request) → sent | failed. A row left in
 * `sending` means an answer was lost: the pusher then asks the exchange before sending again.
 */
import { sql } from 'kysely';
import { isLowQuality } from '../core/banks/merge-entry.ts';
import type { SignalTypeName } from '../core/banks/types.ts';
import type { CaseState } from '../core/cases/reduce-case.ts';
import { parseSources } from './bank-store-kysely.ts';
import type { Database } from './database.ts';

export type PushStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface PushItem {
  id: number;
  exchange: string;
  signalType: SignalTypeName;
  value: string;
  category: string | null;
  caseId: string;
  status: PushStatus;
  attempts: number;
  remoteId: string | null;
  lastError: string | null;
}

export type PushCounts = Partial<Record<PushStatus, number>>;

/** A hash a confirmed case holds. */
export interface ConfirmedHash {
  signalType: SignalTypeName;
  value: string;
  category: string | null;
}

export interface ExchangePushStore {
  /**
   * Queues the hashes of cases confirmed (labelled true positive) since the exchange last looked, skipping
   * hashes of the exchange's own entries (`skipSource`) and types it cannot take; cancels what is still
   * pending for cases no longer confirmed. Returns how many rows were queued.
   */
  queueConfirmed(exchange: string, opts: { skipSource: string; types: readonly SignalTypeName[]; now: Date }): Promise<number>;
  /** Rows to send now (pending or sending), oldest first. */
  due(exchange: string, limit?: number): Promise<PushItem[]>;
  markSending(id: number): Promise<void>;
  markSent(id: number, remoteId: string | null, now: Date): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /** Records an error on a row left in `sending` (tried again next round). */
  noteError(id: number, error: string): Promise<void>;
  counts(exchange: string): Promise<PushCounts>;
  list(exchange: string, limit?: number): Promise<PushItem[]>;
}

const toItem = (r: { id: number; exchange: string; signal_type: string; value: string; category: string | null; case_id: string; status: string; attempts: number; remote_id: string | null; last_error: string | null }): PushItem => ({
  id: Number(r.id),
  exchange: r.exchange,
  signalType: r.signal_type as SignalTypeName,
  value: r.value,
  category: r.category,
  caseId: r.case_id,
  status: r.status as PushStatus,
  attempts: Number(r.attempts),
  remoteId: r.remote_id,
  lastError: r.last_error,
});

/** The category to share: the latest case-wide UK category a reviewer gave, when illegal. */
const categoryOf = (s: CaseState): string | null => {
  for (let i = s.assessments.length - 1; i >= 0; i--) {
    const a = s.assessments[i]!.assessment;
    if (a.evidenceKey === undefined && a.ukCategory !== undefined) return a.ukCategory === 'not_illegal' ? null : a.ukCategory;
  }
  return null;
};

/** Cases read per round. */
const casePage = 200;

export function createExchangePushStore(database: Database): ExchangePushStore {
  const { db } = database;

  /** The hashes a confirmed case holds: hash subjects, matched bank entries, and its uploads' hashes. */
  const hashesOf = async (s: CaseState, skipSource: string, types: readonly SignalTypeName[]): Promise<ConfirmedHash[]> => {
    const category = categoryOf(s);
    const out: ConfirmedHash[] = [];
    const add = (signalType: string, value: string | null) => {
      if (value && (types as readonly string[]).includes(signalType)) out.push({ signalType: signalType as SignalTypeName, value, category });
    };
    const entryIds: number[] = [];
    for (const sub of s.subjects) {
      if (sub.type !== 'hash') continue;
      const colon = sub.id.indexOf(':');
      const kind = sub.id.slice(0, colon);
      const rest = sub.id.slice(colon + 1);
      if (kind === 'entry' && /^\d+$/.test(rest)) entryIds.push(Number(rest));
      else add(kind, rest.toLowerCase());
    }
    if (entryIds.length > 0) {
      const rows = await db.selectFrom('bank_entries').select(['signal_type', 'value', 'sources', 'disabled_at', 'flagged_low_quality']).where('id', 'in', entryIds.slice(0, 500)).execute();
      for (const r of rows) {
        // An entry the exchange itself sent us goes back as an opinion, not as a share.
        if (parseSources(r.sources).includes(skipSource) || r.disabled_at !== null || Number(r.flagged_low_quality) === 1) continue;
        add(r.signal_type, r.value);
      }
    }
    const contentIds = s.evidence.filter((e) => e.kind === 'content').map((e) => e.id);
    if (contentIds.length > 0) {
      const rows = await db.selectFrom('content_items').select(['md5', 'sha256', 'pdq', 'pdq_quality']).where('id', 'in', contentIds.slice(0, 500)).execute();
      for (const r of rows) {
        add('md5', r.md5);
        add('sha256', r.sha256);
        if (r.pdq !== null && !isLowQuality('pdq', r.pdq_quality)) add('pdq', r.pdq);
      }
    }
    return out;
  };

  return {
    async queueConfirmed(exchange, opts) {
      const x = await db.selectFrom('exchanges').select('push_case_seq').where('name', '=', exchange).executeTakeFirst();
      if (!x) return 0;
      let after = Number(x.push_case_seq);
      let queued = 0;
      for (;;) {
        const cases = await db.selectFrom('cases').select(['id', 'label', 'state', 'last_seq']).where('last_seq', '>', after).orderBy('last_seq').limit(casePage).execute();
        if (cases.length === 0) break;
        for (const c of cases) {
          if (c.label !== 'true_positive') {
            // Relabelled since it was queued: what has not gone out yet stays home.
            await db.updateTable('exchange_pushes').set({ status: 'cancelled' }).where('exchange', '=', exchange).where('case_id', '=', c.id).where('status', '=', 'pending').execute();
            continue;
          }
          const hashes = await hashesOf(JSON.parse(c.state) as CaseState, opts.skipSource, opts.types);
          if (hashes.length === 0) continue;
          const rows = await db
            .insertInto('exchange_pushes')
            .values(hashes.map((h) => ({ exchange, signal_type: h.signalType, value: h.value, category: h.category, case_id: c.id, status: 'pending', queued_at: opts.now.toISOString() })))
            .onConflict((oc) => oc.columns(['exchange', 'signal_type', 'value']).doNothing())
            .returning('id')
            .execute();
          queued += rows.length;
          // A cancelled row whose case (or another) is confirmed again goes back in the queue.
          await db
            .updateTable('exchange_pushes')
            .set({ status: 'pending', case_id: c.id })
            .where('exchange', '=', exchange)
            .where('status', '=', 'cancelled')
            .where((eb) => eb.or(hashes.map((h) => eb.and([eb('signal_type', '=', h.signalType), eb('value', '=', h.value)]))))
            .execute();
        }
        after = Number(cases[cases.length - 1]!.last_seq);
        await db.updateTable('exchanges').set({ push_case_seq: after }).where('name', '=', exchange).execute();
        if (cases.length < casePage) break;
      }
      return queued;
    },
    async due(exchange, limit = 100) {
      const rows = await db.selectFrom('exchange_pushes').selectAll().where('exchange', '=', exchange).where('status', 'in', ['pending', 'sending']).orderBy('id').limit(limit).execute();
      return rows.map(toItem);
    },
    async markSending(id) {
      await db.updateTable('exchange_pushes').set({ status: 'sending', attempts: sql<number>`attempts + 1` }).where('id', '=', id).execute();
    },
    async markSent(id, remoteId, now) {
      await db.updateTable('exchange_pushes').set({ status: 'sent', remote_id: remoteId, sent_at: now.toISOString(), last_error: null }).where('id', '=', id).execute();
    },
    async markFailed(id, error) {
      await db.updateTable('exchange_pushes').set({ status: 'failed', last_error: error.slice(0, 500) }).where('id', '=', id).execute();
    },
    async noteError(id, error) {
      await db.updateTable('exchange_pushes').set({ last_error: error.slice(0, 500) }).where('id', '=', id).execute();
    },
    async counts(exchange) {
      const rows = await db.selectFrom('exchange_pushes').select(['status', (eb) => eb.fn.countAll<string | number>().as('n')]).where('exchange', '=', exchange).groupBy('status').execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as PushCounts;
    },
    async list(exchange, limit = 100) {
      const rows = await db.selectFrom('exchange_pushes').selectAll().where('exchange', '=', exchange).orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toItem);
    },
  };
}
