/** GET /metrics: Prometheus text format; an admin key or the LIFEGUARD_METRICS_TOKEN bearer token. */
import { defineRoute } from '../route.ts';

export const metrics = defineRoute({
  method: 'get',
  path: '/metrics',
  access: 'metrics',
  tag: 'ops',
  summary: 'Prometheus metrics: request latency, queue depth, decisions by kind.',
  description: 'Authorise with an admin key or with `Authorization: Bearer $LIFEGUARD_METRICS_TOKEN` (for scrapers).',
  responses: { 200: { description: 'Prometheus text exposition format 0.0.4.', contentType: 'text/plain; version=0.0.4' } },
  async handle({ c, deps }) {
    return c.body(await deps.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  },
});
