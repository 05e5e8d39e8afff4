/**
 * The benchmark's report: markdown tables of every leg and the targets of issue 7, each with met/missed
 * and its margin. The same text is printed and written to bench/results/latest.md; the raw figures go to
 * latest.json.
 *
 * @example
 * const markdown = renderReport(results);
 */
import { type ClientRow, type ClientSize, sliceMs } from "./legs/client.js";
import type { Contender, HttpRow } from "./legs/http.js";
import type { MixedContender, MixedRow } from "./legs/mixed.js";
import type { IngestRun, StoreLegResult } from "./legs/store.js";
import type { MachineDescription, StallSummary } from "./lib/machine.js";

export interface BenchConfig {
  sessions: number;
  rounds: number;
  http_seconds: number;
  connections: number;
  store_queries: number;
  ingest_seconds: number;
  /** The ingest runs twice: at `connections` and at this many, enough reporters to keep the server busy. */
  ingest_connections: number;
  legs: string[];
  /** The mixed leg: sessions filled through the sandbox, seconds per run, interleaved rounds. */
  mixed_sessions: number;
  mixed_seconds: number;
  mixed_rounds: number;
}

export interface BenchResults {
  machine: MachineDescription;
  config: BenchConfig;
  seconds: number;
  /** 1, 5 and 15 minute load averages when the run ended (other processes slow every figure alike). */
  load_average_end?: number[];
  /** A spinning thread's stalls, measured alone before the legs and after them. */
  stalls?: { start: StallSummary; end: StallSummary };
  http?: HttpRow[];
  stores?: StoreLegResult[];
  client?: { rows: ClientRow[]; size: ClientSize };
  mixed?: MixedRow[];
  targets: TargetCheck[];
  errors: string[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
  /** How far past (positive) or short of (negative) the target, in words. */
  margin: string;
}

const fmt = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "n/a";
const pct = (ratio: number) => `${ratio >= 1 ? "+" : ""}${fmt((ratio - 1) * 100, 1)}%`;

function table(headers: string[], rows: string[][]): string {
  for (const row of rows) {
    // a cell without its header shifts every column after it under the wrong name
    if (row.length !== headers.length) {
      throw new Error(`a row of ${row.length} cells under ${headers.length} headers: ${row.join(" | ")}`);
    }
  }
  const lines = [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

function mixedRow(
  rows: readonly MixedRow[] | undefined,
  store: string,
  connections: number,
  rate: number,
  contender: MixedContender,
): MixedRow | undefined {
  return rows?.find(
    (row) =>
      row.store === store &&
      row.connections === connections &&
      row.ingest_rate === rate &&
      row.contender === contender,
  );
}

function httpRow(rows: HttpRow[], endpoint: string, contender: Contender): HttpRow | undefined {
  return rows.find((row) => row.endpoint === endpoint && row.contender === contender);
}

/**
 * Checks every target of issue 7 against the figures that were measured (a leg that did not run yields
 * no check).
 *
 * @example
 * const checks = checkTargets(results);
 */
export function checkTargets(results: Omit<BenchResults, "targets">): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const atLeast = (
    target: string,
    measured: number,
    goal: number,
    unit: string,
    digits = 2,
  ): TargetCheck => ({
    target,
    measured: `${fmt(measured, digits)}${unit}`,
    met: measured >= goal,
    margin: `${pct(measured / goal)} of target`,
  });
  const below = (target: string, measured: number, limit: number, unit: string, digits = 2): TargetCheck => ({
    target,
    measured: `${fmt(measured, digits)}${unit}`,
    met: measured < limit,
    margin:
      measured < limit
        ? `${fmt(limit - measured, digits)}${unit} to spare`
        : `${fmt(measured / limit, 2)}x the limit`,
  });
  for (const endpoint of ["get-one", "list-100"]) {
    const server = httpRow(results.http ?? [], endpoint, "server");
    const ceiling = httpRow(results.http ?? [], endpoint, "ceiling");
    const prism = httpRow(results.http ?? [], endpoint, "prism");
    if (server && ceiling) {
      checks.push(
        atLeast(`${endpoint}: server >= 50% of node:http ceiling`, server.rps / ceiling.rps, 0.5, "x"),
      );
    }
    if (server && prism)
      checks.push(atLeast(`${endpoint}: server >= 10x Prism mock`, server.rps / prism.rps, 10, "x", 1));
  }
  for (const store of results.stores ?? []) {
    const scale = store.sessions === 1_000_000 ? "1M" : `${fmt(store.sessions)} (not 1M: smoke run)`;
    const limit = store.store === "pglite" ? 20 : 10;
    const worst = store.queries.reduce((max, query) => Math.max(max, query.p99_ms), 0);
    const worstName = store.queries.find((query) => query.p99_ms === worst)?.query ?? "";
    checks.push(
      below(
        `${store.store} ${scale}: every filtered list p99 < ${limit} ms (worst: ${worstName})`,
        worst,
        limit,
        " ms",
      ),
    );
    if (store.store === "pglite") {
      checks.push(
        below(
          `pglite ${scale}: server RSS < 1 GiB (peak, start to queries)`,
          store.peak_rss_mib_queries,
          1024,
          " MiB",
          0,
        ),
      );
      // the rate the server sustains: the run with the most reporters at once
      const busiest = store.ingest.reduce<IngestRun | undefined>(
        (most, run) => (most === undefined || run.connections > most.connections ? run : most),
        undefined,
      );
      if (busiest !== undefined) {
        checks.push(
          atLeast(
            `pglite ${scale}: ingest >= 5,000 reports/s (${busiest.connections} connections)`,
            busiest.reports_per_s,
            5000,
            " /s",
            0,
          ),
        );
      }
    }
  }
  const mixedTarget = (
    store: "pglite" | "postgres",
    rate: number,
    anchor: MixedContender,
    goal: number,
    p99: boolean,
  ) => {
    const server = mixedRow(results.mixed, store, 10, rate, "server");
    const other = mixedRow(results.mixed, store, 10, rate, anchor);
    if (server === undefined || other === undefined) return;
    const name = `mixed ${store}, ${rate} reports/s, 10 conns`;
    checks.push(atLeast(`${name}: reads >= ${goal}x of ${anchor}`, server.rps / other.rps, goal, "x"));
    if (p99) checks.push(below(`${name}: reads p99 < 10 ms`, server.p99_us / 1000, 10, " ms"));
  };
  mixedTarget("pglite", 200, "ceiling", 0.5, true);
  mixedTarget("postgres", 200, "bare-sql", 1.0, true);
  mixedTarget("pglite", 1000, "ceiling", 0.3, false);
  for (const row of results.client?.rows ?? []) {
    if (row.stub !== "http") continue;
    checks.push(
      atLeast(`client ${row.operation}: within 10% of bare fetch (HTTP stub)`, row.ratio, 0.9, "x"),
    );
  }
  return checks;
}

/**
 * Renders the results as markdown.
 *
 * @example
 * console.log(renderReport(results));
 */
export function renderReport(results: BenchResults): string {
  const { machine, config } = results;
  const out: string[] = [];
  out.push("# Sessions API benchmark");
  out.push("");
  out.push(
    `${machine.date} · ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB · Node ${machine.node} · ${machine.os}` +
      ` · commit ${machine.commit ?? "unknown"} · ${fmt(results.seconds)} s` +
      ` · load average ${machine.load_average.map((value) => fmt(value, 1)).join(" ")} at start, ` +
      `${(results.load_average_end ?? []).map((value) => fmt(value, 1)).join(" ")} at end`,
  );
  if (results.stalls !== undefined) {
    const stalls = (summary: StallSummary) =>
      `${summary.over_1ms} over 1 ms (${summary.over_5ms} over 5 ms, worst ${fmt(summary.worst_ms, 1)} ms)`;
    const { start, end } = results.stalls;
    out.push("");
    out.push(
      `Machine stalls (one thread spinning alone for ${fmt(start.seconds)} s, gaps in its progress): ` +
        `${stalls(start)} before the legs, ${stalls(end)} after. Any gap that falls inside a request adds to its latency.`,
    );
  }
  out.push("");
  out.push(
    `Config: ${fmt(config.sessions)} sessions, ${config.rounds} interleaved rounds × ${config.http_seconds} s per HTTP run, ` +
      `${config.connections} connections, ${fmt(config.store_queries)} requests per store query, ${config.ingest_seconds} s ingest at each of ${config.connections} and ${config.ingest_connections} connections.`,
  );

  if (results.http && results.http.length > 0) {
    out.push("", "## 1. HTTP, side by side (medians of interleaved rounds)", "");
    const rows = results.http.map((row) => {
      const server = httpRow(results.http ?? [], row.endpoint, "server");
      const ratio = (other: Contender) => {
        const o = httpRow(results.http ?? [], row.endpoint, other);
        return server && o && row.contender === "server" ? `${fmt(server.rps / o.rps, 2)}x` : "";
      };
      return [
        row.endpoint,
        row.contender,
        fmt(row.rps),
        fmt(row.p50_us),
        fmt(row.p99_us),
        fmt(row.rss_mib),
        fmt(row.cpu_us_per_request),
        fmt(row.body_bytes),
        ratio("ceiling"),
        ratio("prism"),
        row.rounds_rps.join(" / "),
      ];
    });
    out.push(
      table(
        [
          "endpoint",
          "server",
          "req/s",
          "p50 µs",
          "p99 µs",
          "RSS MiB",
          "CPU µs/req",
          "body bytes",
          "/ceiling",
          "/Prism",
          "rounds req/s",
        ],
        rows,
      ),
    );
  }

  if (results.stores && results.stores.length > 0) {
    out.push("", "## 2. Store scale (live gateway sessions, queries over HTTP one at a time)", "");
    out.push(
      table(
        [
          "store",
          "sessions",
          "load s (insert + index + vacuum, checkpoint)",
          "server start s",
          "RSS MiB after start",
          "RSS MiB after queries",
          "peak RSS MiB (queries)",
        ],
        results.stores.map((store) => [
          store.store,
          fmt(store.sessions),
          `${fmt(store.load_seconds, 1)} (${fmt(store.insert_seconds, 1)} + ${fmt(store.index_seconds, 1)} + ${fmt(store.settle_seconds, 1)}${store.checkpointed ? "" : ", no checkpoint: not permitted"})`,
          fmt(store.start_seconds, 1),
          fmt(store.rss_mib_after_start),
          fmt(store.rss_mib_after_queries),
          fmt(store.peak_rss_mib_queries),
        ]),
      ),
    );
    out.push("");
    out.push(
      table(
        [
          "store",
          "query",
          "requests",
          "repeated",
          "HTTP p50 ms",
          "HTTP p99 ms",
          "server CPU ms/req",
          "DB exec ms p50 / max",
          "plan",
        ],
        results.stores.flatMap((store) =>
          store.queries.map((query) => {
            const plan = store.plans.find((row) => row.query === query.query);
            return [
              store.store,
              query.query,
              fmt(query.requests),
              fmt(query.requests - query.distinct_requests),
              fmt(query.p50_ms, 2),
              fmt(query.p99_ms, 2),
              fmt(query.server_cpu_ms_per_request, 2),
              plan ? `${fmt(plan.exec_ms_p50, 2)} / ${fmt(plan.exec_ms_max, 2)}` : "n/a",
              plan ? plan.plan : "n/a",
            ];
          }),
        ),
      ),
    );
    out.push(
      "",
      "## 3. Sandbox traffic ingest (POST /sandbox/v1/residential/traffic, on the loaded store)",
      "",
    );
    out.push(
      table(
        [
          "store",
          "connections",
          "reports/s",
          "p50 µs",
          "p99 µs",
          "reports",
          "server CPU µs/report",
          "RSS MiB after",
          "peak RSS MiB",
        ],
        results.stores.flatMap((store) =>
          store.ingest.map((run, i) => {
            // memory is the store's, after all its runs
            const last = i === store.ingest.length - 1;
            return [
              store.store,
              fmt(run.connections),
              fmt(run.reports_per_s),
              fmt(run.p50_us),
              fmt(run.p99_us),
              fmt(run.reports),
              fmt(run.server_cpu_us_per_report),
              last ? fmt(store.rss_mib_after_ingest) : "",
              last ? fmt(store.peak_rss_mib) : "",
            ];
          }),
        ),
      ),
    );
  }

  if (results.mixed && results.mixed.length > 0) {
    const rows = results.mixed;
    out.push(
      "",
      `## 5. Varied reads while traffic writes (${fmt(config.mixed_sessions)} sessions, ${config.mixed_rounds} round(s) × ${config.mixed_seconds} s per run)`,
      "",
    );
    out.push(
      table(
        [
          "store",
          "conns",
          "reports/s asked",
          "contender",
          "req/s",
          "p50 µs",
          "p99 µs",
          "/ceiling",
          "/bare-sql",
          "CPU µs/read",
          "reports/s done",
          "rounds req/s",
        ],
        rows.map((row) => {
          const ratio = (anchor: MixedContender) => {
            const other = mixedRow(rows, row.store, row.connections, row.ingest_rate, anchor);
            return row.contender === "server" && other ? `${fmt(row.rps / other.rps, 2)}x` : "";
          };
          return [
            row.store,
            String(row.connections),
            fmt(row.ingest_rate),
            row.contender,
            fmt(row.rps),
            fmt(row.p50_us),
            fmt(row.p99_us),
            ratio("ceiling"),
            ratio("bare-sql"),
            fmt(row.cpu_us_per_read),
            fmt(row.ingest_rps),
            row.rounds_rps.join(" / "),
          ];
        }),
      ),
    );
  }

  if (results.client) {
    out.push("", "## 4. Client overhead (tinybench, medians of per-slice ratios)", "");
    out.push(
      table(
        [
          "stub",
          "operation",
          "client ops/s",
          "openapi-fetch ops/s",
          "bare fetch ops/s",
          "client / fetch",
          "middle half of slices",
          "openapi-fetch / fetch",
          "client / openapi-fetch",
          "overhead µs/call",
        ],
        results.client.rows.map((row) => [
          row.stub,
          row.operation,
          fmt(row.client_ops),
          fmt(row.openapi_fetch_ops),
          fmt(row.fetch_ops),
          `${fmt(row.ratio, 3)}x`,
          `${fmt(row.ratio_iqr[0], 3)}-${fmt(row.ratio_iqr[1], 3)}x`,
          `${fmt(row.openapi_fetch_ratio, 3)}x`,
          `${fmt(row.client_to_openapi_fetch, 3)}x`,
          fmt(row.overhead_us, 1),
        ]),
      ),
    );
    out.push(
      "",
      `Each ratio is the median over ${results.client.rows[0]?.slices ?? 0} slices of ${sliceMs} ms per side, ` +
        "all sides in every slice; openapi-fetch is the library alone, set up as the client sets it up.",
    );
    const size = results.client.size;
    out.push(
      "",
      `Client size (\`${size.entry}\`, esbuild --minify, gzip -9): ${fmt(size.min_bytes)} B min, ` +
        `**${fmt(size.min_gzip_bytes)} B min+gzip** (openapi-fetch external); ${fmt(size.with_deps_min_gzip_bytes)} B min+gzip with openapi-fetch.`,
    );
  }

  out.push("", "## Targets", "");
  out.push(
    table(
      ["target", "measured", "result", "margin"],
      results.targets.map((check) => [
        check.target,
        check.measured,
        check.met ? "met" : "**missed**",
        check.margin,
      ]),
    ),
  );
  if (results.errors.length > 0) {
    out.push("", "## Legs that failed", "");
    for (const error of results.errors) out.push(`- ${error.split("\n")[0]}`);
  }
  return `${out.join("\n")}\n`;
}
