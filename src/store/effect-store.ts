/**
 * Effects as committed by the pipeline: one row per (scope, dedupeKey), so reprocessing an event, or two
 * events asking for the same action, never stores or delivers it twice. Seqs come from a counter row taken
 * under a lock just before commit, so they follow commit order and `after` is a safe polling cursor even with
 * several workers writing at once on PostgreSQL.
 */
import { sql } from 'kysely';
import type { Effect } from '../core/effects.ts';
import type { Trx } from '../queue/write-transaction.ts';
import type { Database } from './database.ts';
import { addDeliveries, deliveryIdOf, type DeliveryStatus } from './outbox-store.ts';

/** An effect to store, with the event that produced it. */
export interface NewEffect {
  scope: string;
  eventSeq: number;
  eventId: string;
  effect: Effect;
}

/** An effect as stored, with its webhook delivery state. */
export interface StoredEffect {
  seq: number;
  scope: string;
  eventSeq: number;
  eventId: string;
  createdAt: number;
  effect: Effect;
  delivery: { id: string; status: DeliveryStatus; attempts: number; deliveredAt: number | null; lastError: string | null } | null;
}

/**
 * Stores effects not stored before (by scope + dedupeKey) with their pending deliveries; returns the new ones.
 * Call last in the transaction: the counter lock it takes is held until commit.
 */
export async function insertEffects(trx: Trx, effects: NewEffect[], now: number, opts: { queueDeliveries?: boolean } = {}): Promise<StoredEffect[]> {
  // Without a webhook receiver configured there is nobody to deliver to: effects stay pollable, no outbox row.
  const queue = opts.queueDeliveries !== false;
  if (effects.length === 0) return [];
  const counter = await trx
    .updateTable('counters')
    .set({ value: sql<number>`value + ${effects.length}` })
    .where('name', '=', 'effects')
    .returning('value')
    .executeTakeFirstOrThrow();
  const first = Number(counter.value) - effects.length + 1;
  const out: StoredEffect[] = [];
  for (let i = 0; i < effects.length; i += 500) {
    const chunk = effects.slice(i, i + 500);
    const inserted = await trx
      .insertInto('effects')
      .values(
        chunk.map((e, j) => ({
          seq: first + i + j,
          scope: e.scope,
          dedupe_key: e.effect.dedupeKey,
          event_seq: e.eventSeq,
          event_id: e.eventId,
          kind: e.effect.kind,
          target_type: e.effect.target.type,
          target_id: e.effect.target.id,
          severity: e.effect.severity,
          body: JSON.stringify(e.effect),
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['scope', 'dedupe_key']).doNothing())
      .returning(['seq', 'dedupe_key'])
      .execute();
    const bySeq = new Set(inserted.map((r) => Number(r.seq)));
    chunk.forEach((e, j) => {
      const seq = first + i + j;
      if (!bySeq.has(seq)) return;
      const id = deliveryIdOf(e.scope, e.effect.dedupeKey);
      const delivery = queue ? { id, status: 'pending' as const, attempts: 0, deliveredAt: null, lastError: null } : null;
      out.push({ seq, scope: e.scope, eventSeq: e.eventSeq, eventId: e.eventId, createdAt: now, effect: e.effect, delivery });
    });
  }
  if (queue) await addDeliveries(trx, out.map((e) => ({ effectSeq: e.seq, deliveryId: e.delivery!.id })), now);
  return out;
}

export interface ListEffectsOptions {
  /** Only effects with seq greater than this (the `cursor` of the previous page). */
  after?: number;
  limit: number;
  kind?: string;
  /** Target id, or type and id. */
  target?: string | { type?: string; id: string };
  /** Only this scope (tenant/key id; null means ''). Omitted: every scope. */
  scope?: string | null;
}

/** A page of effects in commit order; poll again with `after: cursor`. */
export async function listEffects(database: Database, opts: ListEffectsOptions): Promise<{ effects: StoredEffect[]; cursor: number }> {
  const limit = Math.max(1, Math.min(1000, Math.floor(opts.limit)));
  let q = database.db
    .selectFrom('effects as e')
    .leftJoin('outbox as o', 'o.effect_seq', 'e.seq')
    .select(['e.seq', 'e.scope', 'e.event_seq', 'e.event_id', 'e.created_at', 'e.body', 'o.delivery_id', 'o.status', 'o.attempts', 'o.delivered_at', 'o.last_error'])
    .where('e.seq', '>', opts.after ?? 0)
    .orderBy('e.seq')
    .limit(limit);
  if (opts.kind !== undefined) q = q.where('e.kind', '=', opts.kind);
  if (opts.scope !== undefined) q = q.where('e.scope', '=', opts.scope ?? '');
  if (opts.target !== undefined) {
    const t = typeof opts.target === 'string' ? { id: opts.target } : opts.target;
    q = q.where('e.target_id', '=', t.id);
    if (t.type !== undefined) q = q.where('e.target_type', '=', t.type);
  }
  const rows = await q.execute();
  const effects = rows.map(toStoredEffect);
  return { effects, cursor: effects.length > 0 ? effects[effects.length - 1]!.seq : (opts.after ?? 0) };
}

/** One effect by seq, or null. */
export async function getEffect(database: Database, seq: number): Promise<StoredEffect | null> {
  const row = await database.db
    .selectFrom('effects as e')
    .leftJoin('outbox as o', 'o.effect_seq', 'e.seq')
    .select(['e.seq', 'e.scope', 'e.event_seq', 'e.event_id', 'e.created_at', 'e.body', 'o.delivery_id', 'o.status', 'o.attempts', 'o.delivered_at', 'o.last_error'])
    .where('e.seq', '=', seq)
    .executeTakeFirst();
  return row ? toStoredEffect(row) : null;
}

/** Effect counts by kind, for /metrics. */
export async function countEffectsByKind(database: Database): Promise<Record<string, number>> {
  const rows = await database.db
    .selectFrom('effects')
    .select(['kind', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

type EffectRow = {
  seq: number | string;
  scope: string;
  event_seq: number | string;
  event_id: string;
  created_at: number | string;
  body: string;
  delivery_id: string | null;
  status: string | null;
  attempts: number | null;
  delivered_at: number | string | null;
  last_error: string | null;
};

function toStoredEffect(r: EffectRow): StoredEffect {
  return {
    seq: Number(r.seq),
    scope: r.scope,
    eventSeq: Number(r.event_seq),
    eventId: r.event_id,
    createdAt: Number(r.created_at),
    effect: JSON.parse(r.body) as Effect,
    delivery:
      r.delivery_id === null
        ? null
        : {
            id: r.delivery_id,
            status: r.status as DeliveryStatus,
            attempts: r.attempts ?? 0,
            deliveredAt: r.delivered_at === null ? null : Number(r.delivered_at),
            lastError: r.last_error,
          },
  };
}
