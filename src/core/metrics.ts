/**
 * The process's Prometheus metrics (prom-client), served at /metrics (src/core/metricsRoutes.ts).
 * Counters live here so any module can count without knowing the app; gauges that read
 * the database (pool, outbox backlog) are filled when the endpoint is scraped.
 */
import client from 'prom-client';

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'banshi_' });

export const httpDuration = new client.Histogram({
  name: 'banshi_http_request_duration_seconds', help: 'HTTP request latency by route pattern and status',
  labelNames: ['method', 'route', 'status'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
});

export const jobRuns = new client.Counter({ name: 'banshi_job_runs_total', help: 'Scheduled job runs that took their lock and finished', labelNames: ['job'] as const, registers: [registry] });
export const jobFailures = new client.Counter({ name: 'banshi_job_failures_total', help: 'Scheduled job runs that threw', labelNames: ['job'] as const, registers: [registry] });
export const jobSkips = new client.Counter({ name: 'banshi_job_skipped_total', help: 'Job runs skipped because another instance held the job lock', labelNames: ['job'] as const, registers: [registry] });
export const jobDuration = new client.Histogram({
  name: 'banshi_job_duration_seconds', help: 'Duration of scheduled job runs', labelNames: ['job'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60], registers: [registry],
});

export const outboxSent = new client.Counter({ name: 'banshi_outbox_sent_total', help: 'Notices handed to their transport', labelNames: ['channel'] as const, registers: [registry] });
export const outboxSendErrors = new client.Counter({ name: 'banshi_outbox_send_errors_total', help: 'Failed send attempts (retried with backoff)', labelNames: ['channel'] as const, registers: [registry] });
export const outboxThrottled = new client.Counter({ name: 'banshi_outbox_throttled_total', help: 'Sends put back because the channel reached its rate limit', labelNames: ['channel'] as const, registers: [registry] });
export const outboxMessages = new client.Gauge({ name: 'banshi_outbox_messages', help: 'Outbox rows by status (pending includes claimed)', labelNames: ['status'] as const, registers: [registry] });
export const outboxOldestPending = new client.Gauge({ name: 'banshi_outbox_oldest_pending_seconds', help: 'Age of the oldest pending notice (0 when none)', registers: [registry] });

export const dbPool = new client.Gauge({ name: 'banshi_db_pool_connections', help: 'PostgreSQL pool: total, idle and waiting clients (absent on PGlite)', labelNames: ['state'] as const, registers: [registry] });

export const sseStreams = new client.Gauge({ name: 'banshi_sse_streams_open', help: 'Open event streams by board', labelNames: ['board'] as const, registers: [registry] });
