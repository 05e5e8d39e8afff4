/**
 * The knobs of `pnpm bench`, read from the environment, and whether a run is a full one: every knob at
 * its default, every leg, no profiler and the server the repository builds. Only a full run is written
 * to `results/latest.*`, the figures the READMEs quote; any other run goes to `results/partial.*`.
 *
 * @example
 * const { config, full } = readBenchSettings({ BENCH_SESSIONS: "20000" }); // full === false
 */
import type { BenchConfig } from "./report.js";

const allLegs = ["client", "http", "pglite", "postgres", "mixed"] as const;

const defaults = {
  sessions: 1_000_000,
  rounds: 3,
  http_seconds: 5,
  connections: 10,
  store_queries: 1000,
  ingest_seconds: 10,
  ingest_connections: 64,
  querySeconds: 20,
  clientMs: 2000,
  mixed_sessions: 20_000,
  mixed_seconds: 3,
  mixed_rounds: 1,
};

export interface BenchSettings {
  /** What the report records of the run. */
  config: BenchConfig;
  /** The longest a store query kind may take, in seconds. */
  querySeconds: number;
  /** Milliseconds per side and round of the client leg. */
  clientMs: number;
  /** Where the reference server writes V8 CPU profiles, if anywhere. */
  cpuProfileDir: string | undefined;
  /** Every knob at its default: the run may be quoted. */
  full: boolean;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}; got ${JSON.stringify(raw)}.`);
  }
  return value;
}

function legsFrom(env: NodeJS.ProcessEnv): string[] {
  const raw = env.BENCH_LEGS;
  if (raw === undefined || raw === "") return [...allLegs];
  const legs = raw.split(",").map((leg) => leg.trim());
  for (const leg of legs) {
    if (!(allLegs as readonly string[]).includes(leg)) {
      throw new Error(`BENCH_LEGS: unknown leg ${JSON.stringify(leg)}; choose from ${allLegs.join(", ")}.`);
    }
  }
  return legs;
}

/**
 * Reads every knob; throws naming the knob when one is out of range.
 *
 * @example
 * const settings = readBenchSettings(process.env);
 */
export function readBenchSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const config: BenchConfig = {
    sessions: intFrom(env, "BENCH_SESSIONS", defaults.sessions, 1_000, 10_000_000),
    rounds: intFrom(env, "BENCH_ROUNDS", defaults.rounds, 1, 20),
    http_seconds: intFrom(env, "BENCH_HTTP_SECONDS", defaults.http_seconds, 1, 60),
    connections: intFrom(env, "BENCH_CONNECTIONS", defaults.connections, 1, 256),
    store_queries: intFrom(env, "BENCH_STORE_QUERIES", defaults.store_queries, 10, 100_000),
    ingest_seconds: intFrom(env, "BENCH_INGEST_SECONDS", defaults.ingest_seconds, 1, 120),
    ingest_connections: intFrom(env, "BENCH_INGEST_CONNECTIONS", defaults.ingest_connections, 1, 1024),
    legs: legsFrom(env),
    mixed_sessions: intFrom(env, "BENCH_MIXED_SESSIONS", defaults.mixed_sessions, 100, 1_000_000),
    mixed_seconds: intFrom(env, "BENCH_MIXED_SECONDS", defaults.mixed_seconds, 1, 120),
    mixed_rounds: intFrom(env, "BENCH_MIXED_ROUNDS", defaults.mixed_rounds, 1, 20),
  };
  const querySeconds = intFrom(env, "BENCH_QUERY_SECONDS", defaults.querySeconds, 1, 600);
  const clientMs = intFrom(env, "BENCH_CLIENT_MS", defaults.clientMs, 100, 60_000);
  const cpuProfileDir = env.BENCH_CPU_PROF || undefined;
  const chosen = { ...config, querySeconds, clientMs };
  const full =
    (Object.keys(defaults) as (keyof typeof defaults)[]).every((knob) => chosen[knob] === defaults[knob]) &&
    allLegs.every((leg) => config.legs.includes(leg)) &&
    cpuProfileDir === undefined &&
    !env.BENCH_SERVER_MAIN;
  return { config, querySeconds, clientMs, cpuProfileDir, full };
}
