/**
 * The HTTP edge of the one error type: a LifeguardError becomes `{error:{code,message,detail?}}` with its
 * status; anything else becomes a generic 500 that leaks nothing (the details go to the log only).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import type { AppEnv } from './app-env.ts';
import type { Logger } from './logger.ts';

const genericMessages: Record<number, string> = {
  500: 'internal error; the request id in the x-request-id header identifies it in the service log',
  503: 'a dependency of this service is unavailable; try again later',
};

/** 5xx codes that mean "busy, come back later" (their message and Retry-After are for the client). */
const sheddingCodes = new Set(['decoder_busy']);

/** The JSON error response for `err`, logging it when it is ours (5xx). */
export function errorResponse(err: unknown, c: Context<AppEnv>, logger: Logger): Response {
  const requestId = c.get('requestId');
  if (isLifeguardError(err)) {
    const retryAfter = err.detail?.retryAfterSeconds;
    if ((err.status === 429 || err.status === 503) && retryAfter !== undefined) c.header('retry-after', String(retryAfter));
    if (err.status < 500) return c.json({ error: err.toJSON() }, err.status as 400);
    if (sheddingCodes.has(err.code)) {
      // Load shedding is expected under a flood: the client is told when to come back; the log notes it once.
      logger.warn('request shed', { requestId, code: err.code });
      return c.json({ error: err.toJSON() }, err.status as 503);
    }
    logger.error('request failed', { requestId, code: err.code, err });
    // A feature that is simply absent may say so; other server-side errors keep their code, not their message.
    const message = err.code === 'feature_unavailable' ? err.message : (genericMessages[err.status] ?? genericMessages[500]!);
    return c.json({ error: { code: err.code, message } }, err.status as 500);
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json({ error: { code: 'bad_request', message: err.message || 'bad request' } }, err.status);
  }
  logger.error('unexpected error', { requestId, err });
  return c.json({ error: { code: 'internal_error', message: genericMessages[500]! } }, 500);
}
