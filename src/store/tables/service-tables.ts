/** Row types of the service tables (see migrations/0002-service.ts). */
import type { ColumnType, Generated } from 'kysely';

/** A 64-bit integer: PostgreSQL returns bigint columns as strings, SQLite as numbers; stores convert with Number(). */
export type Int8 = ColumnType<number | string, number, number>;

export interface EventsTable {
  seq: Generated<number | string>;
  /** Namespace of client ids (tenant or API key id; '' when none). */
  scope: string;
  id: string;
  type: string;
  /** Ordering key: `c:<conversationId>`, `s:<streamId>`, `a:<accountId>` or `r:<subjectType>:<subjectId>`. */
  stream_key: string;
  partition: number;
  /** The validated event as JSON. */
  body: string;
  /** SHA-256 of the canonical JSON, to tell a replay from a different event reusing an id. */
  digest: string;
  received_at: Int8;
}

export interface EventQueueTable {
  seq: Int8;
  partition: number;
  enqueued_at: Int8;
}

export interface EventPartitionsTable {
  partition: number;
}

export interface PipelineStateTable {
  scope: string;
  stream_key: string;
  subject_type: string;
  subject_id: string;
  last_seq: Int8;
  event_count: Int8;
  /** JSON RiskSummary, or null when no processor summarised this key. */
  summary: string | null;
  updated_at: Int8;
}

/** A key's latest detector snapshot (none when a processor cannot snapshot: its state is replayed instead). */
export interface PipelineSnapshotsTable {
  scope: string;
  stream_key: string;
  /** JSON {v: 2, seq, count, states}: the processors' states after the key's event `seq`. */
  snapshot: string;
  updated_at: Int8;
}

export interface CountersTable {
  name: string;
  value: Int8;
}

export interface EffectsTable {
  seq: Int8;
  scope: string;
  dedupe_key: string;
  event_seq: Int8;
  event_id: string;
  kind: string;
  target_type: string;
  target_id: string;
  severity: string;
  /** The Effect as JSON. */
  body: string;
  created_at: Int8;
}

export interface OutboxTable {
  effect_seq: Int8;
  delivery_id: string;
  status: string;
  attempts: number;
  next_attempt_at: Int8;
  lease_until: Int8;
  last_status: number | null;
  last_error: string | null;
  created_at: Int8;
  updated_at: Int8;
  delivered_at: Int8 | null;
}

export interface JobsTable {
  id: string;
  scope: string;
  kind: string;
  status: string;
  done: Int8;
  total: Int8 | null;
  input: string | null;
  result: string | null;
  error: string | null;
  created_at: Int8;
  updated_at: Int8;
  finished_at: Int8 | null;
}

export interface ServiceTables {
  events: EventsTable;
  event_queue: EventQueueTable;
  event_partitions: EventPartitionsTable;
  pipeline_state: PipelineStateTable;
  pipeline_snapshots: PipelineSnapshotsTable;
  counters: CountersTable;
  effects: EffectsTable;
  outbox: OutboxTable;
  jobs: JobsTable;
}
