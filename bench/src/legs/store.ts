/**
 * Legs 2 and 3: the store at scale, then the sandbox ingest path, once on the embedded store (PGlite in a
 * data directory, as `pnpm start` runs it) and once on PostgreSQL. Sessions are bulk-loaded in SQL, then
 * every query goes through the server's HTTP API, the path users hit, one request at a time so that each
 * latency is the query's alone.
 *
 * @example
 * const result = await runStoreLeg({ store: "pglite", sessions: 20_000, queries: 100, ingestSeconds: 5 });
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SessionPage } from "@sessions-api/openapi";
import pg from "pg";
import type { ChildServer } from "../lib/child.js";
import { assertClean, runLoad } from "../lib/load.js";
import { SequentialClient } from "../lib/sequential-client.js";
import { authHeaders, benchAccount, startReferenceServer } from "../lib/servers.js";
import { percentile } from "../lib/stats.js";
import { asnOf, bulkLoadSessions, dataset, type SqlRunner, subuserId } from "../store/bulk-load.js";
import { explainListQueries, type PlanRow } from "../store/explain.js";
import { distinctCount, listPositions, listQuestions } from "../store/questions.js";

export type StoreKind = "pglite" | "postgres";

export interface StoreLegOptions {
  store: StoreKind;
  sessions: number;
  /** Requests per query kind (bounded further by `querySeconds`). */
  queries: number;
  querySeconds: number;
  ingestSeconds: number;
  /**
   * The ingest runs once per entry, each with its own usernames: reports written together share one
   * statement, so the rate depends on how many arrive at once (a few reporters leave the server waiting
   * for their next reports; many keep it busy).
   */
  ingestConnections: number[];
  /** PostgreSQL URL of a database the benchmark may drop and recreate (required for `postgres`). */
  databaseUrl?: string;
  cpuProfileDir?: string;
}

export interface QueryRow {
  query: string;
  example: string;
  requests: number;
  /** How many of the requests asked something no earlier request of the leg had (the rest may be cached). */
  distinct_requests: number;
  p50_ms: number;
  p99_ms: number;
  /** Server CPU time (user + system) per request. */
  server_cpu_ms_per_request: number;
}

export interface StoreLegResult {
  store: StoreKind;
  sessions: number;
  load_seconds: number;
  insert_seconds: number;
  index_seconds: number;
  /** VACUUM (ANALYZE) and CHECKPOINT after the load, before anything is measured. */
  settle_seconds: number;
  /** Whether the CHECKPOINT ran (a role without pg_checkpoint cannot). */
  checkpointed: boolean;
  start_seconds: number;
  rss_mib_after_start: number;
  rss_mib_after_queries: number;
  /** Peak RSS from start to the end of the queries: the 1 GiB target. */
  peak_rss_mib_queries: number;
  /** Peak RSS including the ingest. */
  peak_rss_mib: number;
  queries: QueryRow[];
  /** The same filters under EXPLAIN ANALYZE on the store itself: the database's share of the latency. */
  plans: PlanRow[];
  /** One run per `ingestConnections` entry, in that order. */
  ingest: IngestRun[];
  rss_mib_after_ingest: number;
}

/** Usage reports over a pool of 5,000 usernames of its own: the first report of each starts a session. */
export interface IngestRun {
  connections: number;
  reports_per_s: number;
  p50_us: number;
  p99_us: number;
  reports: number;
  server_cpu_us_per_report: number;
}

interface OpenedStore {
  sql: SqlRunner;
  close(): Promise<void>;
}

async function openStore(options: StoreLegOptions, dataDir: string): Promise<OpenedStore> {
  if (options.store === "pglite") {
    const db = await PGlite.create({ dataDir });
    return {
      sql: { query: async (text, params) => (await db.query(text, params as unknown[])).rows as never[] },
      close: () => db.close(),
    };
  }
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  return {
    sql: { query: async (text, params) => (await client.query(text, params as unknown[])).rows as never[] },
    close: () => client.end(),
  };
}

async function getPage(client: SequentialClient, path: string): Promise<{ ms: number; page: SessionPage }> {
  const { ms, status, body } = await client.get(path);
  if (status !== 200) throw new Error(`GET ${path}: HTTP ${status} ${body}`);
  return { ms, page: JSON.parse(body) as SessionPage };
}

// a few unmeasured requests first: the first query of a kind pays for planning and cold pages
const WARM_UP_REQUESTS = 5;
// lists asked before any kind is measured
const SERVER_WARM_UP_REQUESTS = 1000;
// the repinned list and the deep page are asked from this many consecutive positions each
const POSITIONS = 100;

async function measureQuery(
  server: ChildServer,
  client: SequentialClient,
  name: string,
  bases: readonly string[],
  options: StoreLegOptions,
): Promise<QueryRow> {
  const paths = listQuestions(bases, WARM_UP_REQUESTS + options.queries);
  for (const path of paths.slice(0, WARM_UP_REQUESTS)) await getPage(client, path);
  const latencies: number[] = [];
  const cpuBefore = server.cpuSeconds();
  const deadline = performance.now() + options.querySeconds * 1000;
  for (const path of paths.slice(WARM_UP_REQUESTS)) {
    if (performance.now() >= deadline) break;
    const { ms, page } = await getPage(client, path);
    if (page.data.length === 0) throw new Error(`${name}: ${path} listed no sessions; the data set is wrong`);
    latencies.push(ms);
  }
  return {
    query: name,
    example: paths[WARM_UP_REQUESTS] ?? "",
    requests: latencies.length,
    distinct_requests: distinctCount(paths.slice(0, WARM_UP_REQUESTS + latencies.length)) - WARM_UP_REQUESTS,
    server_cpu_ms_per_request: ((server.cpuSeconds() - cpuBefore) / latencies.length) * 1000,
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
  };
}

async function runIngest(
  server: ChildServer,
  options: StoreLegOptions,
  connections: number,
): Promise<IngestRun> {
  let next = 0;
  // a pool of usernames: the first report of each starts a session, later ones update it
  const poolSize = 5000;
  const body = () => {
    const i = next++ % poolSize;
    const region = dataset.regions[i % dataset.regions.length];
    return JSON.stringify({
      username: `user-sub_ingest${String(i % 50).padStart(4, "0")}-region-${region}-session-c${connections}i${i}-sesstime-1440`,
      requests: [
        {
          method: "GET",
          target_host: "www.example.com",
          target_port: 443,
          status_code: 200,
          bytes: 4096,
          duration_ms: 87,
        },
      ],
    });
  };
  const cpuBefore = server.cpuSeconds();
  const result = await runLoad({
    url: new URL("/sandbox/v1/residential/traffic", server.url).href,
    method: "POST",
    headers: authHeaders,
    body,
    connections,
    seconds: options.ingestSeconds,
    maxRequests: options.ingestSeconds * 50_000,
  });
  assertClean(`${options.store} ingest`, result);
  return {
    connections,
    reports_per_s: result.rps,
    p50_us: result.p50us,
    p99_us: result.p99us,
    reports: result.requests,
    server_cpu_us_per_report: ((server.cpuSeconds() - cpuBefore) / result.requests) * 1e6,
  };
}

/**
 * Runs legs 2 and 3 on one store and returns load time, memory, query latencies and ingest rate.
 *
 * @example
 * const embedded = await runStoreLeg({ store: "pglite", sessions: 1_000_000, queries: 1000, querySeconds: 20,
 *   ingestSeconds: 10, ingestConnections: [10, 64] });
 */
export async function runStoreLeg(options: StoreLegOptions): Promise<StoreLegResult> {
  if (options.store === "postgres" && options.databaseUrl === undefined) {
    throw new Error("the postgres store leg needs a databaseUrl");
  }
  const dataDir = await mkdtemp(join(tmpdir(), "sessions-bench-store-"));
  const target = options.store === "pglite" ? { dataDir } : { databaseUrl: options.databaseUrl as string };
  let server: ChildServer | undefined;
  try {
    // the server migrates its store on start: start it once on the empty store, then load underneath it
    const migrating = await startReferenceServer({ name: `migrate-${options.store}`, ...target });
    await migrating.stop();

    console.error(`${options.store}: loading ${options.sessions} sessions`);
    const store = await openStore(options, dataDir);
    const depth = Math.min(10_000, Math.floor(options.sessions / 4));
    const { loaded, plans } = await (async () => {
      const loaded = await bulkLoadSessions(store.sql, { account: benchAccount, sessions: options.sessions });
      // the plans are read on the store directly, before the server opens it (PGlite has one owner)
      const plans = await explainListQueries(store.sql, { account: benchAccount, depth, runs: 10 });
      return { loaded, plans };
    })().finally(() => store.close());
    console.error(`${options.store}: loaded in ${loaded.seconds.toFixed(1)} s`);

    const startedAt = performance.now();
    server = await startReferenceServer({
      name: `server-${options.store}`,
      ...target,
      ...(options.cpuProfileDir === undefined ? {} : { cpuProfileDir: options.cpuProfileDir }),
    });
    const startSeconds = (performance.now() - startedAt) / 1000;
    const rssAfterStart = server.rss() / 2 ** 20;
    const client = new SequentialClient(server.url, authHeaders);
    const positions = (filter: string, from: number) =>
      listPositions(async (path) => (await getPage(client, path)).page, filter, from, POSITIONS);
    const regions = dataset.regions;
    // 37 is prime to the sub-user count: consecutive requests go to sub-users far apart
    const subuserBases = Array.from(
      { length: dataset.subusers },
      (_, i) => `subuser=${subuserId((i * 37) % dataset.subusers)}`,
    );
    const kinds: [string, string[]][] = [
      ["subuser", subuserBases],
      [
        "region+asn",
        Array.from({ length: regions.length * dataset.asnsPerRegion }, (_, i) => {
          const r = i % regions.length;
          return `region=${regions[r]}&asn=${asnOf(r, Math.floor(i / regions.length))}`;
        }),
      ],
      ["repinned=true", await positions("repinned=true", 0)],
      ["deep page (cursor)", await positions("", depth)],
    ];
    // the server's code is warmed up on lists no measured request reads (the mobile product's), so that the
    // kind measured first does not also measure V8 optimising the server and PostgreSQL's WASM
    for (const path of listQuestions(subuserBases, SERVER_WARM_UP_REQUESTS, "mobile"))
      await getPage(client, path);
    const queries: QueryRow[] = [];
    for (const [name, bases] of kinds) queries.push(await measureQuery(server, client, name, bases, options));
    client.close();
    const rssAfterQueries = server.rss() / 2 ** 20;
    const peakAfterQueries = server.peakRss() / 2 ** 20;
    const ingest: IngestRun[] = [];
    for (const connections of options.ingestConnections) {
      console.error(
        `${options.store}: ingest for ${options.ingestSeconds} s over ${connections} connections`,
      );
      ingest.push(await runIngest(server, options, connections));
    }
    const rssAfterIngest = server.rss() / 2 ** 20;
    const peak = server.peakRss() / 2 ** 20;
    return {
      store: options.store,
      sessions: options.sessions,
      load_seconds: loaded.seconds,
      insert_seconds: loaded.insertSeconds,
      index_seconds: loaded.indexSeconds,
      settle_seconds: loaded.settleSeconds,
      checkpointed: loaded.checkpointed,
      start_seconds: startSeconds,
      rss_mib_after_start: rssAfterStart,
      rss_mib_after_queries: rssAfterQueries,
      peak_rss_mib_queries: peakAfterQueries,
      peak_rss_mib: peak,
      queries,
      plans,
      ingest,
      rss_mib_after_ingest: rssAfterIngest,
    };
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
