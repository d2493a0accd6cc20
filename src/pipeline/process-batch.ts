/**
 * One pipeline step, in one write transaction: claim a batch of queued events (locking their partitions),
 * bring each stream key's detector state up to date, run the detectors in seq order, then commit the key
 * states, the dequeue and the new effects (with their outbox rows) together. A crash before the commit leaves
 * the events queued and nothing written; a crash after it leaves nothing to redo. Either way each event is
 * applied exactly once in effect, and effects are unique by (scope, dedupeKey).
 */
import { effectKinds, type Effect } from '../core/effects.ts';
import { eventTime } from '../core/events.ts';
import { claimEventBatch, hasQueuedEvents, type ClaimOptions } from '../queue/event-queue.ts';
import { streamKeyOf } from '../queue/partition.ts';
import { withWriteTransaction, type Trx } from '../queue/write-transaction.ts';
import type { Database } from '../store/database.ts';
import { insertDerivedAgeEntries, type DerivedAgeRow } from '../store/derived-age-store.ts';
import { insertEffects, type NewEffect, type StoredEffect } from '../store/effect-store.ts';
import { loadKeyHistory, type StoredEvent } from '../store/event-store.ts';
import { loadKeyProgress, loadKeySnapshot, saveKeyStates, stateId, type KeyProgress, type KeyState } from '../store/state-store.ts';
import { mergeSummaries, type DerivedAge, type EventProcessor, type RiskSummary } from './event-processor.ts';
import type { KeyEntry, StateCache } from './state-cache.ts';
import type { CaseIntakeHook } from '../review/pipeline-case-intake.ts';

export interface BatchContext {
  database: Database;
  /** Write an outbox row per new effect (false when the deployment has no webhook receiver). Default true. */
  queueDeliveries?: boolean;
  processors: EventProcessor[];
  cache: StateCache;
  claim: ClaimOptions;
  now: () => number;
  /**
   * A key's snapshot is rewritten once this many events have been applied since the last one (1 = every
   * batch). In between only its progress and summary are written; a worker that must rebuild the key restores
   * the snapshot and replays the few events logged after it.
   */
  snapshotEvery?: number;
  /** A processor threw or returned a malformed effect: the event goes on without it (never blocks the key). */
  onProcessorError: (processor: string, event: StoredEvent, error: unknown) => void;
  /** Opens or merges review cases for the batch's review effects, in the batch's transaction (src/review). */
  caseIntake?: CaseIntakeHook;
}

export interface BatchOutcome {
  events: StoredEvent[];
  effects: StoredEffect[];
  /** Keys whose state was rebuilt from a snapshot or the log before processing. */
  rebuilt: number;
  /** When the transaction had committed (epoch ms of the pipeline clock). */
  committedAt: number;
  /** Wall time of the whole step, claim to commit (ms, for metrics). */
  durationMs: number;
}

const kinds = new Set<string>(effectKinds);

/** Processes one batch; null when nothing was claimable. */
export async function processBatch(ctx: BatchContext): Promise<BatchOutcome | null> {
  // A plain read first: an idle worker must not take the write lock (and pay a commit) just to find nothing.
  if (!(await hasQueuedEvents(ctx.database, ctx.claim.partitions))) return null;
  const touched = new Set<string>();
  const started = performance.now();
  try {
    const done = await withWriteTransaction(ctx.database, (trx) => runBatch(trx, ctx, touched), 'derived');
    if (done === null) return null;
    for (const [id, entry] of done.entries) ctx.cache.set(id, entry);
    return { ...done.outcome, committedAt: ctx.now(), durationMs: performance.now() - started };
  } catch (e) {
    // States may have advanced in memory without a commit: drop them, they are rebuilt on next use.
    for (const id of touched) ctx.cache.delete(id);
    throw e;
  }
}

async function runBatch(trx: Trx, ctx: BatchContext, touched: Set<string>): Promise<{ outcome: BatchOutcome; entries: Map<string, KeyEntry> } | null> {
  const rows = await claimEventBatch(trx, ctx.database.kind, ctx.claim);
  if (rows.length === 0) return null;
  const batchSeqs = new Set(rows.map((r) => r.seq));
  const keyOf = new Map<number, string>();
  const wanted = new Map<string, StoredEvent>();
  for (const r of rows) {
    const id = stateId(r.scope, r.streamKey);
    keyOf.set(r.seq, id);
    if (!wanted.has(id)) wanted.set(id, r);
  }
  const stored = await loadKeyProgress(trx, [...wanted.values()].map((r) => ({ scope: r.scope, streamKey: r.streamKey })));

  const entries = new Map<string, KeyEntry>();
  let rebuilt = 0;
  for (const [id, first] of wanted) {
    touched.add(id);
    const committed = stored.get(id);
    const cached = ctx.cache.get(id);
    if (cached && cached.lastSeq === (committed?.lastSeq ?? 0)) {
      entries.set(id, cached);
      continue;
    }
    entries.set(id, await rebuild(trx, ctx, first.scope, first, committed, batchSeqs));
    if (committed) rebuilt++;
  }

  const effects: NewEffect[] = [];
  const seen = new Set<string>();
  const ages = ageSink();
  for (const row of rows) {
    const entry = entries.get(keyOf.get(row.seq)!)!;
    ages.row = row;
    for (const effect of apply(ctx, entry, row, false, ages.record)) {
      const dedupe = stateId(row.scope, effect.dedupeKey);
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      effects.push({ scope: row.scope, eventSeq: row.seq, eventId: row.id, effect });
    }
  }

  const now = ctx.now();
  const states: KeyState[] = [];
  const snapshotEvery = ctx.snapshotEvery ?? defaultSnapshotEvery;
  for (const entry of entries.values()) {
    const due = entry.snapshotCount === undefined || entry.eventCount - entry.snapshotCount >= snapshotEvery;
    const snap = due ? snapshot(ctx.processors, entry) : undefined;
    // Remembered for the next batch; an aborted transaction drops the whole entry (see processBatch).
    if (due) entry.snapshotCount = entry.eventCount;
    states.push({
      scope: entry.scope,
      streamKey: entry.key.key,
      subjectType: entry.key.subjectType,
      subjectId: entry.key.subjectId,
      lastSeq: entry.lastSeq,
      eventCount: entry.eventCount,
      summary: summarize(ctx.processors, entry),
      snapshot: snap,
      updatedAt: now,
    });
  }
  await saveKeyStates(trx, states);
  // Ages stated in chat: committed with the effects, read by the age read model (src/server/age-read-model.ts).
  if (ages.rows.length > 0) await insertDerivedAgeEntries(trx, ages.rows, now);
  // Cases before effects: the lock order everywhere is cases → audit → effects.
  if (ctx.caseIntake && effects.length > 0) {
    const bySeq = new Map(rows.map((r) => [r.seq, r.event]));
    await ctx.caseIntake(trx, effects, (seq) => bySeq.get(seq), now);
  }
  // Last: takes the effect counter lock, held only until the commit that follows.
  const inserted = await insertEffects(trx, effects, now, { queueDeliveries: ctx.queueDeliveries !== false });
  return { outcome: { events: rows, effects: inserted, rebuilt, committedAt: now, durationMs: 0 }, entries };
}

/** Restores a key's states from its snapshot, or replays its processed events from the log. */
async function rebuild(trx: Trx, ctx: BatchContext, scope: string, sample: StoredEvent, committed: KeyProgress | undefined, batchSeqs: Set<number>): Promise<KeyEntry> {
  const entry: KeyEntry = { scope, key: streamKeyOf(sample.event), lastSeq: 0, eventCount: 0, states: new Map() };
  if (!committed) return entry;
  const stored = ctx.processors.some((p) => p.restore) ? await loadKeySnapshot(trx, scope, committed.streamKey) : null;
  const snap = stored === null ? null : parseSnapshot(stored, committed);
  let from = 0;
  if (snap !== null && Object.keys(snap.states).every((name) => ctx.processors.some((p) => p.name === name && p.restore))) {
    for (const [name, value] of Object.entries(snap.states)) {
      const p = ctx.processors.find((x) => x.name === name)!;
      entry.states.set(name, p.restore!(value, entry.key));
    }
    entry.snapshotCount = snap.count;
    from = snap.seq;
  }
  // The log after the snapshot (all of it without one).
  const history = await loadKeyHistory(trx, scope, committed.streamKey, from, committed.lastSeq);
  // Events of this batch were dequeued already; they are applied live below, not replayed.
  for (const ev of history) if (!batchSeqs.has(ev.seq)) apply(ctx, entry, ev, true);
  entry.lastSeq = committed.lastSeq;
  entry.eventCount = committed.eventCount;
  return entry;
}

/** Collects the age entries processors derive in a batch, tagged with the event being processed (`row`). */
function ageSink(): { row: StoredEvent | undefined; rows: DerivedAgeRow[]; record: (a: DerivedAge) => void } {
  const sink = {
    row: undefined as StoredEvent | undefined,
    rows: [] as DerivedAgeRow[],
    // One function per batch, not per event: the hot path allocates nothing for it.
    record(a: DerivedAge) {
      const r = sink.row!;
      sink.rows.push({ scope: r.scope, id: a.id, accountId: a.accountId, method: a.method, age: a.age, at: a.at, eventSeq: r.seq, eventId: r.id });
    },
  };
  return sink;
}

/** Feeds one event to every processor that accepts it; returns the valid effects (none on replay). */
function apply(ctx: BatchContext, entry: KeyEntry, row: StoredEvent, replay: boolean, recordAge?: (a: DerivedAge) => void): Effect[] {
  const out: Effect[] = [];
  const pctx = { scope: row.scope, seq: row.seq, key: entry.key, now: eventTime(row.event.ts, row.receivedAt), receivedAt: row.receivedAt, replay, recordAge };
  for (const p of ctx.processors) {
    if (!p.accepts(row.event)) continue;
    if (!entry.states.has(p.name)) entry.states.set(p.name, p.init(entry.key));
    let effects: Effect[];
    try {
      effects = p.handle(entry.states.get(p.name), row.event, pctx);
    } catch (e) {
      if (!replay) ctx.onProcessorError(p.name, row, e);
      continue;
    }
    if (replay) continue;
    for (const effect of effects) {
      if (isWellFormed(effect)) out.push(effect);
      else ctx.onProcessorError(p.name, row, new Error(`malformed effect: ${JSON.stringify(effect).slice(0, 200)}`));
    }
  }
  entry.lastSeq = Math.max(entry.lastSeq, row.seq);
  entry.eventCount++;
  return out;
}

function isWellFormed(e: Effect): boolean {
  return (
    typeof e === 'object' && e !== null && kinds.has(e.kind) && typeof e.dedupeKey === 'string' && e.dedupeKey.length > 0 && e.dedupeKey.length <= 500 &&
    typeof e.target?.id === 'string' && typeof e.target?.type === 'string'
  );
}

function summarize(processors: EventProcessor[], entry: KeyEntry): RiskSummary | null {
  const parts: { name: string; summary: RiskSummary }[] = [];
  for (const p of processors) {
    if (!p.summarize || !entry.states.has(p.name)) continue;
    const s = p.summarize(entry.states.get(p.name), entry.key);
    if (s) parts.push({ name: p.name, summary: s });
  }
  return mergeSummaries(parts);
}

/** Default `snapshotEvery`. */
export const defaultSnapshotEvery = 64;

/** Stored snapshot: the processors' states after the key's event `seq`, its `count`-th event. */
interface KeySnapshot {
  v: 2;
  seq: number;
  count: number;
  states: Record<string, unknown>;
}

function snapshot(processors: EventProcessor[], entry: KeyEntry): string | null {
  const states: Record<string, unknown> = {};
  for (const [name, state] of entry.states) {
    const p = processors.find((x) => x.name === name);
    if (!p?.snapshot || !p.restore) return null;
    states[name] = p.snapshot(state);
  }
  const out: KeySnapshot = { v: 2, seq: entry.lastSeq, count: entry.eventCount, states };
  return JSON.stringify(out);
}

/** A stored snapshot; the first format (states only, always written at the key's progress) is still read. */
function parseSnapshot(text: string, committed: KeyProgress): KeySnapshot | null {
  const data = JSON.parse(text) as unknown;
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Partial<KeySnapshot>;
  if (d.v === 2 && typeof d.seq === 'number' && typeof d.count === 'number' && typeof d.states === 'object' && d.states !== null) {
    return d.seq <= committed.lastSeq ? (d as KeySnapshot) : null;
  }
  return { v: 2, seq: committed.lastSeq, count: committed.eventCount, states: data as Record<string, unknown> };
}
