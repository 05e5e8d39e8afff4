/**
 * The server's metrics in the Prometheus text format (`GET /metrics`), kept with prom-client in a registry
 * of each app's own (several apps in one process, as in tests, never mix their counts). Requests are
 * labelled by the spec's operation id, never by the raw path, so the number of series stays bounded
 * whatever clients send; requests that reach no operation count under `operation="none"`.
 *
 * @example
 * const metrics = createServerMetrics();
 * metrics.observeRequest("getClock", 200, 0.002);
 * const text = await metrics.registry.metrics();
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { DatabaseObserver, PoolState } from "./store/database.js";

/** Which pool a store statement ran on: the store's own, or the small one of the shared budgets. */
export type PoolName = "store" | "shared";

/** Which budget refused a request with 429. */
export type RefusedBudget = "key" | "unknown_keys";

/**
 * The server's metrics, and the registry that serves them.
 *
 * @example
 * metrics.refused("key");
 */
export interface ServerMetrics {
  readonly registry: Registry;
  /** One answered request of an operation (or `"none"`), with its status and duration in seconds. */
  observeRequest(operation: string, status: number, seconds: number): void;
  /** Proxied requests that a traffic report stored. */
  ingested(product: string, requests: number): void;
  /** A request refused with 429 by a budget. */
  refused(budget: RefusedBudget): void;
  /** What a database pool reports to the metrics. */
  databaseObserver(pool: PoolName): DatabaseObserver;
}

// latencies of an API over a database: from a cached read (about a millisecond) to a slow query
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Creates the metrics of one app.
 *
 * @example
 * const { registry } = createServerMetrics();
 */
export function createServerMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "sessions_api_requests_total",
    help: "Requests answered, by the spec's operation id (none: no operation) and HTTP status.",
    labelNames: ["operation", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "sessions_api_request_duration_seconds",
    help: "Time from a request reaching the app to its answer, by operation id.",
    labelNames: ["operation"] as const,
    buckets: latencyBuckets,
    registers: [registry],
  });
  const ingestedRequests = new Counter({
    name: "sessions_api_ingested_proxied_requests_total",
    help: "Proxied requests stored by traffic reports (the sandbox's ingest), by product.",
    labelNames: ["product"] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: "sessions_api_rate_limit_refusals_total",
    help: "Requests refused with 429: by an API key's budget (key) or a client address's budget of unknown keys (unknown_keys).",
    labelNames: ["budget"] as const,
    registers: [registry],
  });
  const queries = new Histogram({
    name: "sessions_api_store_query_duration_seconds",
    help: "Time of each database statement, by pool (store, or shared: the keys' budgets over PostgreSQL) and outcome.",
    labelNames: ["pool", "outcome"] as const,
    buckets: latencyBuckets,
    registers: [registry],
  });
  const pools = new Map<PoolName, () => PoolState>();
  new Gauge({
    name: "sessions_api_store_pool_connections",
    help: "Connections of each PostgreSQL pool: open (total), idle, and requests waiting for one.",
    labelNames: ["pool", "state"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [pool, read] of pools) {
        const state = read();
        this.set({ pool, state: "total" }, state.total);
        this.set({ pool, state: "idle" }, state.idle);
        this.set({ pool, state: "waiting" }, state.waiting);
      }
    },
  });
  return {
    registry,
    observeRequest(operation, status, seconds) {
      requests.inc({ operation, status: String(status) });
      duration.observe({ operation }, seconds);
    },
    ingested(product, count) {
      ingestedRequests.inc({ product }, count);
    },
    refused(budget) {
      refusals.inc({ budget });
    },
    databaseObserver(pool) {
      return {
        onQuery(seconds, failed) {
          queries.observe({ pool, outcome: failed ? "error" : "ok" }, seconds);
        },
        onPool(read) {
          pools.set(pool, read);
        },
      };
    },
  };
}
