import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMetrics } from './metrics.ts';

test('renders counters, histograms and scrape-time gauges in Prometheus text format', async () => {
  const m = createMetrics(async () => ({ events: 7 }));
  m.requestDuration.observe({ route: '/v1/x', method: 'GET', status: '200' }, 0.003);
  m.requestDuration.observe({ route: '/v1/x', method: 'GET', status: '200' }, 0.2);
  m.decisions.inc({ source: 'content', kind: 'block' });
  m.decisions.inc({ source: 'content', kind: 'block' });
  m.decisions.inc({ source: 'content', kind: 'say "hi"\n' });
  const text = await m.render();
  assert.match(text, /# TYPE lifeguard_http_request_duration_seconds histogram/);
  assert.match(text, /lifeguard_http_request_duration_seconds_bucket\{method="GET",route="\/v1\/x",status="200",le="0.005"\} 1\n/);
  assert.match(text, /lifeguard_http_request_duration_seconds_bucket\{method="GET",route="\/v1\/x",status="200",le="\+Inf"\} 2\n/);
  assert.match(text, /lifeguard_http_request_duration_seconds_count\{method="GET",route="\/v1\/x",status="200"\} 2\n/);
  assert.match(text, /lifeguard_decisions_total\{kind="block",source="content"\} 2\n/);
  assert.match(text, /kind="say \\"hi\\"\\n"/, 'label values are escaped');
  assert.match(text, /lifeguard_queue_depth\{queue="events"\} 7\n/);
});
