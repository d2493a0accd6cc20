/**
 * The event bus tells workers that new events are waiting. It carries notices (partition + seqs), never the
 * events themselves: the database queue stays the source of truth, so a lost notice only delays an event
 * until the next poll, and nothing is lost when the bus is down.
 */

/** New events in one partition. */
export interface PartitionNotice {
  partition: number;
  seqs: number[];
}

/** Receives a notice; resolves true once its events are processed (ack), false to have it redelivered later. */
export type NoticeHandler = (notice: PartitionNotice) => Promise<boolean>;

export interface EventBus {
  readonly kind: 'local' | 'nats';
  /** Publishes notices after the events were committed (never throws; failures go to the bus's onError). */
  publish(notices: PartitionNotice[]): void;
  subscribe(handler: NoticeHandler): Promise<{ close(): Promise<void> }>;
  /** Waits for publishes in flight. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** An in-process bus: intake and workers in one process (the default `serve`), no broker needed. */
export function createLocalBus(): EventBus {
  const handlers = new Set<NoticeHandler>();
  return {
    kind: 'local',
    publish(notices) {
      for (const h of handlers) for (const n of notices) void h(n).catch(() => undefined);
    },
    async subscribe(handler) {
      handlers.add(handler);
      return { close: async () => void handlers.delete(handler) };
    },
    async flush() {},
    async close() {
      handlers.clear();
    },
  };
}

/** Groups seqs by partition into notices. */
export function noticesOf(rows: { seq: number; partition: number }[]): PartitionNotice[] {
  const by = new Map<number, number[]>();
  for (const r of rows) {
    const list = by.get(r.partition);
    if (list) list.push(r.seq);
    else by.set(r.partition, [r.seq]);
  }
  return [...by].map(([partition, seqs]) => ({ partition, seqs }));
}
