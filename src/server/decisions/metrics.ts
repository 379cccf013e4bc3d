import { Counter, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus metrics, in a registry of its own (two apps in one process, as in
 * tests, must not share counters).
 */
export function createMetrics() {
  const registry = new Registry();
  const requests = new Counter({
    name: 'suitability_http_requests_total',
    help: 'HTTP requests to the decision API, by route and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'suitability_http_request_duration_seconds',
    help: 'Latency of the decision API, by route',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const decisions = new Counter({
    name: 'suitability_decisions_total',
    help: 'Decisions made (and recorded), by pack, version and channel',
    labelNames: ['pack', 'version', 'channel'] as const,
    registers: [registry],
  });
  // A decision has a verdict per product: the mix is counted per verdict, not per product.
  const verdicts = new Counter({
    name: 'suitability_verdicts_total',
    help: 'Product verdicts given, by pack, version, verdict and channel',
    labelNames: ['pack', 'version', 'verdict', 'channel'] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'suitability_errors_total',
    help: 'Refused requests and failed decisions, by error code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  return { registry, requests, latency, decisions, verdicts, errors };
}

export type Metrics = ReturnType<typeof createMetrics>;
