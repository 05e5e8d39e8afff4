import { describe, expect, test } from "vitest";
import type { HttpRow } from "./legs/http.js";
import type { StoreLegResult } from "./legs/store.js";
import { checkTargets, renderReport } from "./report.js";

const machine = {
  cpu: "test",
  cores: 2,
  memory_gib: 4,
  node: "v20",
  os: "linux",
  date: "2026-01-01T00:00:00Z",
  commit: null,
  load_average: [0, 0, 0],
};
const config = {
  sessions: 1_000_000,
  rounds: 3,
  http_seconds: 5,
  connections: 10,
  store_queries: 300,
  ingest_seconds: 10,
  ingest_connections: 64,
  mixed_sessions: 20_000,
  mixed_seconds: 3,
  mixed_rounds: 1,
  legs: [],
};

// a report of the given legs' results, on the test machine and config
const render = (legs: Partial<Parameters<typeof renderReport>[0]>) =>
  renderReport({ machine, config, seconds: 1, errors: [], targets: [], ...legs });

function row(endpoint: string, contender: HttpRow["contender"], rps: number): HttpRow {
  return {
    endpoint,
    path: "/",
    contender,
    body_bytes: 1,
    rps,
    p50_us: 1,
    p99_us: 1,
    rss_mib: 1,
    cpu_us_per_request: 1,
    rounds_rps: [rps],
  };
}

function store(
  kind: StoreLegResult["store"],
  p99s: number[],
  peakMib: number,
  // reports per second, by the connections that sent them
  ingest: Record<number, number>,
): StoreLegResult {
  return {
    store: kind,
    sessions: 1_000_000,
    load_seconds: 1,
    insert_seconds: 1,
    index_seconds: 0,
    settle_seconds: 0,
    checkpointed: true,
    start_seconds: 1,
    rss_mib_after_start: peakMib,
    rss_mib_after_queries: peakMib,
    peak_rss_mib_queries: peakMib,
    peak_rss_mib: peakMib,
    queries: p99s.map((p99, i) => ({
      query: `q${i}`,
      example: "/",
      requests: 10,
      distinct_requests: 10,
      p50_ms: 1,
      p99_ms: p99,
      server_cpu_ms_per_request: 1,
    })),
    plans: [],
    ingest: Object.entries(ingest).map(([connections, rate]) => ({
      connections: Number(connections),
      reports_per_s: rate,
      p50_us: 1,
      p99_us: 1,
      reports: 10,
      server_cpu_us_per_report: 1,
    })),
    rss_mib_after_ingest: peakMib,
  };
}

describe("checkTargets", () => {
  test("judges the server against half the ceiling and ten times Prism on get-one and list-100", () => {
    const http = [
      row("get-one", "server", 6000),
      row("get-one", "ceiling", 10_000),
      row("get-one", "prism", 500),
      row("list-100", "server", 1000),
      row("list-100", "ceiling", 4000),
      row("list-100", "prism", 200),
    ];
    const checks = checkTargets({ machine, config, seconds: 1, http, errors: [] });
    expect(checks.map((check) => [check.target, check.met])).toEqual([
      ["get-one: server >= 50% of node:http ceiling", true],
      ["get-one: server >= 10x Prism mock", true],
      ["list-100: server >= 50% of node:http ceiling", false],
      ["list-100: server >= 10x Prism mock", false],
    ]);
    expect(checks[2]?.measured).toBe("0.25x");
    expect(checks[2]?.margin).toBe("-50.0% of target");
  });

  test("holds the embedded store to 20 ms, 1 GiB and 5,000 reports/s, and PostgreSQL to 10 ms", () => {
    const stores = [
      store("pglite", [5, 19.9], 900, { 64: 6000 }),
      store("postgres", [5, 12], 200, { 64: 100 }),
    ];
    const checks = checkTargets({ machine, config, seconds: 1, stores, errors: [] });
    expect(checks.map((check) => check.met)).toEqual([true, true, true, false]);
    expect(checks[3]?.target).toContain("p99 < 10 ms (worst: q1)");
    expect(checks[3]?.margin).toBe("1.20x the limit");
  });

  test("labels a run below a million sessions as a smoke run", () => {
    const small = { ...store("pglite", [1], 100, { 64: 9000 }), sessions: 20_000 };
    const [first] = checkTargets({ machine, config, seconds: 1, stores: [small], errors: [] });
    expect(first?.target).toContain("not 1M: smoke run");
  });

  test("judges ingest by the run with the most reporters at once, the rate the server sustains", () => {
    const embedded = store("pglite", [1], 100, { 10: 4000, 64: 5500 });
    const ingest = checkTargets({ machine, config, seconds: 1, stores: [embedded], errors: [] }).at(-1);
    expect(ingest?.target).toBe("pglite 1M: ingest >= 5,000 reports/s (64 connections)");
    expect(ingest?.met).toBe(true);
    expect(ingest?.measured).toBe("5,500 /s");
  });
});

describe("the report", () => {
  test("lists every ingest run of a store, its memory on the last", () => {
    const embedded = store("pglite", [1], 321, { 10: 4000, 64: 5500 });
    const markdown = render({ stores: [embedded] });
    expect(markdown).toContain("| pglite | 10 | 4,000 | 1 | 1 | 10 | 1 |  |  |");
    expect(markdown).toContain("| pglite | 64 | 5,500 | 1 | 1 | 10 | 1 | 321 | 321 |");
  });

  test("says how often the machine stalled a spinning thread, before the legs and after", () => {
    const stall = { seconds: 3, over_1ms: 4, over_5ms: 1, worst_ms: 8.7, lost_percent: 0.4 };
    const markdown = render({
      stalls: { start: stall, end: { ...stall, over_1ms: 0, over_5ms: 0, worst_ms: 0 } },
    });
    expect(markdown).toContain(
      "Machine stalls (one thread spinning alone for 3 s, gaps in its progress): 4 over 1 ms (1 over 5 ms, worst 8.7 ms) before the legs, 0 over 1 ms (0 over 5 ms, worst 0.0 ms) after.",
    );
  });

  test("prints the mixed leg with each cell under its header, the server's ratios to both anchors", () => {
    const mixedRow = (contender: "server" | "ceiling" | "bare-sql", rps: number, cpu: number) => ({
      store: "pglite" as const,
      connections: 10,
      ingest_rate: 200,
      contender,
      rps,
      p50_us: 500,
      p99_us: 5000,
      ingest_rps: 199,
      cpu_us_per_read: cpu,
      rounds_rps: [rps],
    });
    const markdown = render({
      mixed: [mixedRow("server", 6000, 110), mixedRow("ceiling", 10000, 60), mixedRow("bare-sql", 3000, 330)],
    });
    expect(markdown).toContain(
      "| store | conns | reports/s asked | contender | req/s | p50 µs | p99 µs | /ceiling | /bare-sql | CPU µs/read | reports/s done | rounds req/s |",
    );
    expect(markdown).toContain(
      "| pglite | 10 | 200 | server | 6,000 | 500 | 5,000 | 0.60x | 2.00x | 110 | 199 | 6000 |",
    );
  });
});
