/** Picks the event bus from configuration: NATS JetStream when a URL is given, else in-process. */
import { createLocalBus, type EventBus } from './event-bus.ts';
import { createNatsBus } from './nats-bus.ts';

export interface BusConfig {
  natsUrl?: string;
  /** JetStream stream name (default LIFEGUARD_EVENTS); every API and worker process must use the same. */
  natsStream?: string;
  /** Client name shown by the NATS server. */
  name?: string;
  onError?: (error: unknown) => void;
}

/** The bus for `config`: NATS (connects now; throws `nats_unreachable`) or a local in-process bus. */
export async function createEventBus(config: BusConfig): Promise<EventBus> {
  if (config.natsUrl === undefined) return createLocalBus();
  return createNatsBus({
    url: config.natsUrl,
    ...(config.natsStream !== undefined ? { stream: config.natsStream } : {}),
    ...(config.name !== undefined ? { name: config.name } : {}),
    ...(config.onError ? { onError: config.onError } : {}),
  });
}
