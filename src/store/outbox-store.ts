/**
 * The webhook outbox: one row per effect, written in the transaction that commits the effect, so no effect
 * can exist without its pending delivery. Delivery workers claim due rows with a lease (a crashed worker's
 * claims expire and are taken again) and record each attempt; rows are never deleted.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { withWriteTransaction, type Trx } from '../queue/write-transaction.ts';
import type { Database } from './database.ts';

export const deliveryStatuses = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Stable delivery id of an effect: the same effect always has the same id, so receivers can dedupe. */
export function deliveryIdOf(scope: string, dedupeKey: string): string {
  return `dlv_${createHash('sha256').update(`${scope}\u0000${dedupeKey}`).digest('hex').slice(0, 32)}`;
}

/** Adds pending deliveries for new effects. */
export async function addDeliveries(trx: Trx, rows: { effectSeq: number; deliveryId: string }[], now: number): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('outbox')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          effect_seq: r.effectSeq,
          delivery_id: r.deliveryId,
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          lease_until: 0,
          last_status: null,
          last_error: null,
          created_at: now,
          updated_at: now,
          delivered_at: null,
        })),
      )
      .execute();
  }
}

/** A claimed delivery: what the worker sends, and the lease that fences its result. */
export interface DeliveryTask {
  effectSeq: number;
  deliveryId: string;
  /** Attempts made before this one. */
  attempts: number;
  leaseUntil: number;
  scope: string;
  eventId: string;
  createdAt: number;
  /** The effect as stored (JSON). */
  effectJson: string;
}

/** Claims up to `limit` due deliveries for `leaseMs` (PostgreSQL: SKIP LOCKED, so workers never share one). */
export async function claimDueDeliveries(database: Database, opts: { now: number; limit: number; leaseMs: number }): Promise<DeliveryTask[]> {
  const leaseUntil = opts.now + opts.leaseMs;
  // Leases and delivery marks are bookkeeping: a power cut that rolls one back only causes a redelivery, which
  // receivers dedupe by delivery id; so they skip SQLite's fsync (see withWriteTransaction).
  return withWriteTransaction(database, (trx) => claimIn(trx, database.kind, leaseUntil, opts), 'derived');
}

async function claimIn(trx: Trx, kind: Database['kind'], leaseUntil: number, opts: { now: number; limit: number }): Promise<DeliveryTask[]> {
  const lock = kind === 'postgres' ? sql`for update skip locked` : sql``;
  const claimed = await sql<{ effect_seq: number | string }>`
    update outbox set lease_until = ${leaseUntil}, updated_at = ${opts.now}
    where effect_seq in (
      select effect_seq from outbox
      where status = 'pending' and next_attempt_at <= ${opts.now} and lease_until <= ${opts.now}
      order by next_attempt_at, effect_seq limit ${opts.limit} ${lock})
    returning effect_seq`.execute(trx);
  const seqs = claimed.rows.map((r) => Number(r.effect_seq));
  if (seqs.length === 0) return [];
  const rows = await trx
    .selectFrom('outbox as o')
    .innerJoin('effects as e', 'e.seq', 'o.effect_seq')
    .select(['o.effect_seq', 'o.delivery_id', 'o.attempts', 'o.lease_until', 'e.scope', 'e.event_id', 'e.created_at', 'e.body'])
    .where('o.effect_seq', 'in', seqs)
    .orderBy('o.effect_seq')
    .execute();
  return rows.map((r) => ({
    effectSeq: Number(r.effect_seq),
    deliveryId: r.delivery_id,
    attempts: r.attempts,
    leaseUntil: Number(r.lease_until),
    scope: r.scope,
    eventId: r.event_id,
    createdAt: Number(r.created_at),
    effectJson: r.body,
  }));
}

/** Records successful deliveries in one statement (rows another worker already finished are left alone). */
export async function markDelivered(database: Database, done: { task: DeliveryTask; httpStatus: number }[], now: number): Promise<void> {
  // Grouped by (attempts, status) so one UPDATE per group sets the right attempt count.
  const groups = new Map<string, number[]>();
  for (const d of done) {
    const k = `${d.task.attempts + 1}:${d.httpStatus}`;
    const list = groups.get(k);
    if (list) list.push(d.task.effectSeq);
    else groups.set(k, [d.task.effectSeq]);
  }
  await withWriteTransaction(
    database,
    async (trx) => {
      for (const [k, seqs] of groups) {
        const [attempts, status] = k.split(':').map(Number) as [number, number];
        await trx
          .updateTable('outbox')
          .set({ status: 'delivered', attempts, last_status: status, last_error: null, delivered_at: now, updated_at: now, lease_until: 0 })
          .where('effect_seq', 'in', seqs)
          .where('status', '=', 'pending')
          .execute();
      }
    },
    'derived',
  );
}

/** Records a failed attempt: pending again at `nextAttemptAt`, or dead when `dead` (still listed, never dropped). */
export async function markAttemptFailed(
  database: Database,
  task: DeliveryTask,
  result: { httpStatus: number | null; error: string; nextAttemptAt: number; dead: boolean; now: number },
): Promise<void> {
  await database.db
    .updateTable('outbox')
    .set({
      status: result.dead ? 'dead' : 'pending',
      attempts: task.attempts + 1,
      last_status: result.httpStatus,
      last_error: result.error.slice(0, 500),
      next_attempt_at: result.nextAttemptAt,
      updated_at: result.now,
      lease_until: 0,
    })
    .where('effect_seq', '=', task.effectSeq)
    .where('status', '=', 'pending')
    .where('lease_until', '=', task.leaseUntil)
    .execute();
}

/** Puts dead deliveries back in the queue (all, or the given effect seqs); returns how many. */
export async function requeueDeadDeliveries(database: Database, opts: { now?: number; effectSeqs?: number[] } = {}): Promise<number> {
  const now = opts.now ?? Date.now();
  let q = database.db.updateTable('outbox').set({ status: 'pending', attempts: 0, next_attempt_at: now, lease_until: 0, updated_at: now }).where('status', '=', 'dead');
  if (opts.effectSeqs !== undefined) {
    if (opts.effectSeqs.length === 0) return 0;
    q = q.where('effect_seq', 'in', opts.effectSeqs);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Deliveries by status, for /metrics. */
export async function outboxStats(database: Database): Promise<Record<DeliveryStatus, number>> {
  const rows = await database.db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const out: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, dead: 0 };
  for (const r of rows) if (r.status in out) out[r.status as DeliveryStatus] = Number(r.n);
  return out;
}

/** The earliest time a pending delivery becomes due, or null when none is pending. */
export async function nextDueAt(database: Database): Promise<number | null> {
  const r = await database.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('next_attempt_at').as('t'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return r?.t === null || r?.t === undefined ? null : Number(r.t);
}
