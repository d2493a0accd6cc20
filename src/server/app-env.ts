/** The per-request variables the middleware sets for handlers. */
import type { ApiKey } from '../store/api-key-store.ts';
import type { Logger } from './logger.ts';

export interface AppEnv {
  Variables: {
    requestId: string;
    /** The authenticated key (unset on public routes). */
    apiKey?: ApiKey;
    /** The route pattern (e.g. /v1/banks/:id), for logs and metrics. */
    routePath: string;
    log: Logger;
  };
}
