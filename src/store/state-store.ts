/**
 * Pipeline state per stream key: how far the key was processed (`last_seq`, `event_count`), the risk summary
 * the read models return, and optional processor snapshots. Written in the transaction that commits the
 * key's effects, so it always matches the effects and the queue.
 */
import type { Trx } from '../queue/write-transaction.ts';
import type { Database } from './database.ts';

export interface KeyState {
  scope: string;
  streamKey: string;
  subjectType: string;
  subjectId: string;
  lastSeq: number;
  eventCount: number;
  /** JSON-ready risk summary (see RiskSummary in src/pipeline/event-processor.ts), or null. */
  summary: unknown;
  /**
   * Saving only: a new JSON processor snapshot (it records the seq it was taken at); null removes the stored
   * one (the key's state cannot be snapshotted); undefined keeps it as it is.
   */
  snapshot?: string | null | undefined;
  updatedAt: number;
}

/** Map key for a (scope, streamKey) pair. */
export const stateId = (scope: string, streamKey: string): string => `${scope}\u0000${streamKey}`;

type Row = {
  scope: string;
  stream_key: string;
  subject_type: string;
  subject_id: string;
  last_seq: number | string;
  event_count: number | string;
  summary: string | null;
  updated_at: number | string;
};

function toKeyState(r: Row): KeyState {
  return {
    scope: r.scope,
    streamKey: r.stream_key,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    lastSeq: Number(r.last_seq),
    eventCount: Number(r.event_count),
    summary: r.summary === null ? null : (JSON.parse(r.summary) as unknown),
    updatedAt: Number(r.updated_at),
  };
}

/** How far a key was processed (what a worker checks its memory against). */
export interface KeyProgress {
  scope: string;
  streamKey: string;
  lastSeq: number;
  eventCount: number;
}

/** Progress of the given keys that exist, by stateId (no summaries or snapshots: a narrow, cheap read). */
export async function loadKeyProgress(trx: Trx, keys: { scope: string; streamKey: string }[]): Promise<Map<string, KeyProgress>> {
  const out = new Map<string, KeyProgress>();
  if (keys.length === 0) return out;
  const scopes = [...new Set(keys.map((k) => k.scope))];
  const wanted = new Set(keys.map((k) => stateId(k.scope, k.streamKey)));
  const names = [...new Set(keys.map((k) => k.streamKey))];
  for (let i = 0; i < names.length; i += 500) {
    const rows = await trx
      .selectFrom('pipeline_state')
      .select(['scope', 'stream_key', 'last_seq', 'event_count'])
      .where('stream_key', 'in', names.slice(i, i + 500))
      .where('scope', 'in', scopes)
      .execute();
    for (const r of rows) {
      const id = stateId(r.scope, r.stream_key);
      if (wanted.has(id)) out.set(id, { scope: r.scope, streamKey: r.stream_key, lastSeq: Number(r.last_seq), eventCount: Number(r.event_count) });
    }
  }
  return out;
}

/** The processor snapshot stored for a key, or null. */
export async function loadKeySnapshot(trx: Trx, scope: string, streamKey: string): Promise<string | null> {
  const r = await trx.selectFrom('pipeline_snapshots').select('snapshot').where('stream_key', '=', streamKey).where('scope', '=', scope).executeTakeFirst();
  return r?.snapshot ?? null;
}

/** Inserts or replaces key states. */
export async function saveKeyStates(trx: Trx, states: KeyState[]): Promise<void> {
  for (let i = 0; i < states.length; i += 300) {
    await trx
      .insertInto('pipeline_state')
      .values(
        states.slice(i, i + 300).map((s) => ({
          scope: s.scope,
          stream_key: s.streamKey,
          subject_type: s.subjectType,
          subject_id: s.subjectId,
          last_seq: s.lastSeq,
          event_count: s.eventCount,
          summary: s.summary === null || s.summary === undefined ? null : JSON.stringify(s.summary),
          updated_at: s.updatedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['scope', 'stream_key']).doUpdateSet((eb) => ({
          last_seq: eb.ref('excluded.last_seq'),
          event_count: eb.ref('excluded.event_count'),
          summary: eb.ref('excluded.summary'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  const snapshots = states.filter((s): s is KeyState & { snapshot: string } => typeof s.snapshot === 'string');
  for (let i = 0; i < snapshots.length; i += 300) {
    await trx
      .insertInto('pipeline_snapshots')
      .values(snapshots.slice(i, i + 300).map((s) => ({ scope: s.scope, stream_key: s.streamKey, snapshot: s.snapshot, updated_at: s.updatedAt })))
      .onConflict((oc) => oc.columns(['scope', 'stream_key']).doUpdateSet((eb) => ({ snapshot: eb.ref('excluded.snapshot'), updated_at: eb.ref('excluded.updated_at') })))
      .execute();
  }
  for (const s of states) {
    if (s.snapshot === null) await trx.deleteFrom('pipeline_snapshots').where('stream_key', '=', s.streamKey).where('scope', '=', s.scope).execute();
  }
}

/**
 * The state of a stream key (e.g. `c:<conversationId>`): in `scope` when given (null means ''), otherwise the
 * most recently updated one across scopes. Null when unknown.
 */
export async function getKeyState(database: Database, streamKey: string, scope?: string | null): Promise<KeyState | null> {
  let q = database.db.selectFrom('pipeline_state').selectAll().where('stream_key', '=', streamKey).orderBy('updated_at', 'desc').limit(1);
  if (scope !== undefined) q = q.where('scope', '=', scope ?? '');
  const row = await q.executeTakeFirst();
  return row ? toKeyState(row) : null;
}

/** Sum of event_count over every key: each processed event counts once (the exactly-once check of the tests). */
export async function countProcessedEvents(database: Database): Promise<number> {
  const r = await database.db.selectFrom('pipeline_state').select((eb) => eb.fn.sum<number | string | null>('event_count').as('n')).executeTakeFirstOrThrow();
  return Number(r.n ?? 0);
}
