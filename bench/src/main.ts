/**
 * `pnpm bench`: every leg of issue 7 in one run, a table on stdout, and the same in bench/results/
 * (latest.md, latest.json with the machine description). Progress goes to stderr. A run with any knob
 * off its default (a smoke run, some legs only) writes partial.md and partial.json instead, which git
 * ignores: the committed latest.* are always a full run, the one the READMEs quote.
 *
 * Scale knobs (environment): BENCH_SESSIONS (1000000), BENCH_ROUNDS (3), BENCH_HTTP_SECONDS (5),
 * BENCH_CONNECTIONS (10), BENCH_STORE_QUERIES (1000), BENCH_QUERY_SECONDS (20), BENCH_INGEST_SECONDS (10),
 * BENCH_CLIENT_MS (2000), BENCH_MIXED_SESSIONS (20000), BENCH_MIXED_SECONDS (3), BENCH_MIXED_ROUNDS (1),
 * BENCH_LEGS (client,http,pglite,postgres,mixed), BENCH_CPU_PROF (a directory: write
 * V8 CPU profiles of the reference server there), BENCH_SERVER_MAIN (another server entry; default
 * apps/server/dist/main.js).
 *
 * @example
 * // BENCH_SESSIONS=20000 BENCH_ROUNDS=3 pnpm bench
 */
import { mkdir, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { runClientLeg } from "./legs/client.js";
import { runHttpLeg } from "./legs/http.js";
import { runMixedLeg } from "./legs/mixed.js";
import { runStoreLeg, type StoreLegResult } from "./legs/store.js";
import { describeMachine, measureStalls } from "./lib/machine.js";
import { preparePostgres } from "./lib/postgres.js";
import { benchRoot } from "./lib/servers.js";
import { type BenchResults, checkTargets, renderReport } from "./report.js";
import { readBenchSettings } from "./settings.js";

async function main(): Promise<number> {
  const started = performance.now();
  const settings = readBenchSettings(process.env);
  const { config, querySeconds, clientMs } = settings;
  const cpuProfileDir = settings.cpuProfileDir === undefined ? undefined : resolve(settings.cpuProfileDir);
  if (cpuProfileDir !== undefined) await mkdir(cpuProfileDir, { recursive: true });
  const profile = cpuProfileDir === undefined ? {} : { cpuProfileDir };

  const results: Omit<BenchResults, "targets"> = {
    machine: describeMachine(),
    config,
    seconds: 0,
    errors: [],
  };
  const stallSeconds = 3;
  const stallsAtStart = await measureStalls(stallSeconds);
  const leg = async (name: string, fn: () => Promise<void>) => {
    if (!config.legs.includes(name)) return;
    console.error(`--- ${name} ---`);
    try {
      await fn();
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`leg ${name} failed: ${message}`);
      results.errors.push(`${name}: ${message}`);
    }
  };

  await leg("client", async () => {
    results.client = await runClientLeg({ rounds: config.rounds, timeMs: clientMs });
  });
  await leg("http", async () => {
    results.http = await runHttpLeg({
      rounds: config.rounds,
      seconds: config.http_seconds,
      warmupSeconds: 1,
      connections: config.connections,
      ...profile,
    });
  });
  const stores: StoreLegResult[] = [];
  const storeOptions = {
    sessions: config.sessions,
    queries: config.store_queries,
    querySeconds,
    ingestSeconds: config.ingest_seconds,
    ingestConnections: [...new Set([config.connections, config.ingest_connections])],
    ...profile,
  };
  await leg("pglite", async () => {
    stores.push(await runStoreLeg({ store: "pglite", ...storeOptions }));
  });
  await leg("postgres", async () => {
    const postgres = await preparePostgres();
    try {
      stores.push(
        await runStoreLeg({ store: "postgres", databaseUrl: postgres.databaseUrl, ...storeOptions }),
      );
    } finally {
      await postgres.release();
    }
  });
  if (stores.length > 0) results.stores = stores;
  await leg("mixed", async () => {
    const mixed = {
      sessions: config.mixed_sessions,
      seconds: config.mixed_seconds,
      rounds: config.mixed_rounds,
      ...profile,
    };
    results.mixed = await runMixedLeg({ store: "pglite", ...mixed });
    const postgres = await preparePostgres();
    try {
      results.mixed.push(
        ...(await runMixedLeg({ store: "postgres", databaseUrl: postgres.databaseUrl, ...mixed })),
      );
    } finally {
      await postgres.release();
    }
  });

  results.load_average_end = loadavg().map((value) => Math.round(value * 100) / 100);
  results.stalls = { start: stallsAtStart, end: await measureStalls(stallSeconds) };
  results.seconds = (performance.now() - started) / 1000;
  const full: BenchResults = { ...results, targets: checkTargets(results) };
  const markdown = renderReport(full);
  const dir = join(benchRoot, "results");
  const name = settings.full ? "latest" : "partial";
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}.md`), markdown);
  await writeFile(join(dir, `${name}.json`), `${JSON.stringify(full, null, 2)}\n`);
  process.stdout.write(markdown);
  console.error(`written to ${join(dir, `${name}.md`)} and ${name}.json`);
  return results.errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
