/** Everything `createApp` needs, injected so tests build an app over any database without a socket. */
import type { Config } from '../config/read-env.ts';
import type { MediaCipher } from '../crypto/media-cipher.ts';
import type { ApiKeyStore } from '../store/api-key-store.ts';
import type { ContentStore } from '../store/content-store.ts';
import type { Database } from '../store/database.ts';
import type { Authenticator } from './authenticate.ts';
import type { BackgroundTasks } from './background-tasks.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { RouteDef } from './route.ts';
import type { Services } from './services.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  keys: ApiKeyStore;
  content: ContentStore;
  cipher: MediaCipher;
  logger: Logger;
  metrics: Metrics;
  services: Services;
  now?: () => number;
  /** Tracker for work that outlives a request; created by createApp when absent. */
  tasks?: BackgroundTasks;
}

/** The deps as handlers see them: with the app's authenticator (so a revocation can drop its cache). */
export interface AppRuntime extends AppDeps {
  tasks: BackgroundTasks;
  authenticator: Authenticator;
  now: () => number;
  /** The routes this app serves (for /openapi.json). */
  routes: readonly RouteDef[];
}
