/**
 * NATS JetStream as the event bus between API and worker processes (when LIFEGUARD_NATS_URL is set).
 *
 * Intake publishes, after its database commit, one notice per partition touched to the subject
 * `<stream>.partition.<n>`; the stream keeps notices until acked (work-queue retention, file storage). Every
 * worker consumes from one shared durable pull consumer with explicit acks: a worker acks a notice only once
 * the notice's events are processed and committed (by itself, or by the worker that held the partition lock),
 * and naks it otherwise so it is redelivered. Per-key order and single ownership come from the database
 * partition locks, not from NATS; the database queue remains the truth, so a lost publish is only slower (the
 * workers' poll finds the event) and nothing depends on the broker being up.
 */
import { AckPolicy, RetentionPolicy, StorageType, connect, nanos, type ConsumerMessages, type JetStreamManager, type NatsConnection } from 'nats';
import { unavailable } from '../core/lifeguard-error.ts';
import type { EventBus, NoticeHandler, PartitionNotice } from './event-bus.ts';

export interface NatsBusOptions {
  url: string;
  /** JetStream stream name (default LIFEGUARD_EVENTS); subjects are `<stream>.partition.<n>`. */
  stream?: string;
  /** Durable consumer shared by all workers (default `workers`). */
  consumer?: string;
  /** Redelivery after this long without an ack (default 30 s). */
  ackWaitMs?: number;
  /** Client name shown by the server. */
  name?: string;
  onError?: (error: unknown) => void;
}

export const defaultNatsStream = 'LIFEGUARD_EVENTS';

/** Connects to NATS, makes sure the stream exists, and returns the bus. Throws `nats_unreachable`. */
export async function createNatsBus(opts: NatsBusOptions): Promise<EventBus> {
  const stream = opts.stream ?? defaultNatsStream;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stream)) throw unavailable('nats_config', `invalid NATS stream name: ${stream}`);
  const consumerName = opts.consumer ?? 'workers';
  const onError = opts.onError ?? (() => undefined);
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: opts.url, name: opts.name ?? 'lifeguard', maxReconnectAttempts: -1, reconnectTimeWait: 500, timeout: 5_000 });
  } catch (e) {
    throw unavailable('nats_unreachable', `cannot reach NATS at ${opts.url}: ${(e as Error).message}`);
  }
  const jsm = await nc.jetstreamManager();
  await ensureStream(jsm, stream);
  const js = nc.jetstream();
  const inFlight = new Set<Promise<void>>();
  const subscriptions = new Set<ConsumerMessages>();

  return {
    kind: 'nats',
    publish(notices: PartitionNotice[]) {
      for (const n of notices) {
        const p = js
          .publish(`${stream}.partition.${n.partition}`, JSON.stringify({ p: n.partition, s: n.seqs }))
          .then(() => undefined, onError)
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
    },
    async subscribe(handler: NoticeHandler) {
      await ensureConsumer(jsm, stream, consumerName, opts.ackWaitMs ?? 30_000);
      const consumer = await js.consumers.get(stream, consumerName);
      const messages = await consumer.consume({ max_messages: 256 });
      subscriptions.add(messages);
      const done = (async () => {
        for await (const m of messages) {
          let notice: PartitionNotice;
          try {
            const d = JSON.parse(new TextDecoder().decode(m.data)) as { p: number; s: number[] };
            notice = { partition: d.p, seqs: d.s };
          } catch (e) {
            onError(e);
            m.term();
            continue;
          }
          handler(notice).then(
            (ok) => (ok ? m.ack() : m.nak(250)),
            (e) => {
              onError(e);
              m.nak(1_000);
            },
          );
        }
      })().catch(onError);
      return {
        async close() {
          subscriptions.delete(messages);
          await messages.close().catch(onError);
          await done;
        },
      };
    },
    async flush() {
      await Promise.all([...inFlight]);
    },
    async close() {
      await Promise.all([...inFlight]);
      for (const s of subscriptions) await s.close().catch(onError);
      await nc.drain().catch(onError);
    },
  };
}

async function ensureStream(jsm: JetStreamManager, stream: string): Promise<void> {
  try {
    await jsm.streams.info(stream);
    return;
  } catch {
    // Not there yet: create it (another process may be doing the same).
  }
  try {
    await jsm.streams.add({
      name: stream,
      subjects: [`${stream}.partition.*`],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      max_age: nanos(7 * 24 * 3600 * 1000),
    });
  } catch (e) {
    await jsm.streams.info(stream).catch(() => {
      throw e;
    });
  }
}

async function ensureConsumer(jsm: JetStreamManager, stream: string, name: string, ackWaitMs: number): Promise<void> {
  try {
    await jsm.consumers.info(stream, name);
    return;
  } catch {
    // Create below.
  }
  try {
    await jsm.consumers.add(stream, { durable_name: name, ack_policy: AckPolicy.Explicit, ack_wait: nanos(ackWaitMs), max_deliver: -1, max_ack_pending: 10_000 });
  } catch (e) {
    await jsm.consumers.info(stream, name).catch(() => {
      throw e;
    });
  }
}

/** Deletes a stream (tests use one stream per run and remove it afterwards). */
export async function dropNatsStream(url: string, stream: string): Promise<void> {
  const nc = await connect({ servers: url, timeout: 5_000 });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
}
