// The endpoints an operator points tools at: /healthz (alive), /readyz (store reachable, migrations
// applied) and /metrics (Prometheus text format).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSessionsApp, type SessionsSandbox } from "../src/index.js";
import {
  createTestApp,
  DEMO_KEYS,
  expectGatewayError,
  newSubuser,
  proxied,
  type TestApp,
  username,
} from "./helpers.js";
import { dropSchema, postgresUrl } from "./store-backends.js";

// the value of one series in a Prometheus text exposition, 0 when it is absent
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null || match[1] !== name) continue;
    const present = (match[2] ?? "").split(",");
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return 0;
}

describe("/healthz and /readyz", () => {
  test("an embedded store that has failed: /readyz 503 saying why, then /healthz 503 too (only a restart helps)", async () => {
    const sandbox = await createSessionsApp({
      purgeIntervalMs: 0,
      logger: { info: () => {}, error: () => {} },
    });
    const get = (path: string) => sandbox.fetch(new Request(`http://127.0.0.1${path}`));
    expect((await get("/readyz")).status).toBe(200);
    const live = await get("/healthz");
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok", store: "pglite" });
    await sandbox.store.close();
    // liveness asks nothing of the store: until a request has found it failed, the process looks alive
    expect((await get("/healthz")).status).toBe(200);
    const ready = await get("/readyz");
    expect(ready.status).toBe(503);
    expect(ready.headers.get("retry-after")).toBe("2");
    const body = (await ready.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("service_unavailable");
    expect(body.error.message).toMatch(/store cannot be reached/);
    const dead = await get("/healthz");
    expect(dead.status).toBe(503);
    expect(((await dead.json()) as { error: { message: string } }).error.message).toMatch(
      /restart the server/,
    );
    await sandbox.close().catch(() => {});
  });

  describe.skipIf(postgresUrl === null)("over PostgreSQL", () => {
    const schema = `test_ready_${process.pid}`;
    let sandbox: SessionsSandbox;
    beforeAll(async () => {
      sandbox = await createSessionsApp({
        databaseUrl: postgresUrl ?? "",
        databaseSchema: schema,
        purgeIntervalMs: 0,
        logger: { info: () => {}, error: () => {} },
      });
    });
    afterAll(async () => {
      await sandbox.close();
      await dropSchema(postgresUrl ?? "", schema);
    });

    test("is ready with every migration applied, and not when the database's migrations are behind the server's", async () => {
      const get = (path: string) => sandbox.fetch(new Request(`http://127.0.0.1${path}`));
      expect(await (await get("/readyz")).json()).toEqual({ status: "ok", store: "postgres" });
      const client = new pg.Client({ connectionString: postgresUrl ?? "" });
      await client.connect();
      try {
        // as if an operator rolled the database back to before the newest migration
        const [newest] = (
          await client.query(
            `DELETE FROM ${schema}.schema_migrations WHERE version = (SELECT max(version) FROM ${schema}.schema_migrations) RETURNING version`,
          )
        ).rows as { version: number }[];
        const ready = await get("/readyz");
        expect(ready.status).toBe(503);
        const body = (await ready.json()) as { error: { message: string } };
        expect(body.error.message).toContain(`this server needs ${newest?.version}`);
        expect((await get("/healthz")).status).toBe(200);
        await client.query(
          `INSERT INTO ${schema}.schema_migrations (version, name) VALUES ($1, 'restored')`,
          [newest?.version],
        );
        expect((await get("/readyz")).status).toBe(200);
      } finally {
        await client.end();
      }
    });
  });
});

describe("/metrics", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  const scrape = async () => {
    const response = await app.sandbox.fetch(new Request("http://127.0.0.1/metrics"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  test("serves the Prometheus text format that a registry reads back", async () => {
    const text = await scrape();
    for (const name of [
      "sessions_api_requests_total",
      "sessions_api_request_duration_seconds",
      "sessions_api_ingested_proxied_requests_total",
      "sessions_api_rate_limit_refusals_total",
      "sessions_api_store_query_duration_seconds",
      "sessions_api_store_pool_connections",
      "process_cpu_seconds_total",
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    // every line is a comment or a sample: name, optional labels, value
    for (const line of text.split("\n").filter((l) => l !== "" && !l.startsWith("#"))) {
      expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/);
    }
  });

  test("counts requests by operation id and status, latency, ingest, refusals and store statements", async () => {
    const before = await scrape();
    const count = (text: string, operation: string, status: string) =>
      sample(text, "sessions_api_requests_total", { operation, status });
    await app.call("GET", "/v1/residential/sessions");
    await app.call("GET", "/v1/residential/sessions");
    await app.call("GET", "/v1/residential/sessions/ses_0000000000ZZ");
    await app.call("GET", "/nowhere");
    const report = await app.call("POST", "/sandbox/v1/mobile/traffic", {
      body: { username: username(newSubuser()), requests: [proxied(), proxied(), proxied()] },
    });
    expect(report.status).toBe(201);
    for (let i = 0; i < 6; i++) await app.call("GET", "/sandbox/clock", { key: DEMO_KEYS.limited });
    expectGatewayError(
      await app.call("GET", "/sandbox/clock", { key: DEMO_KEYS.limited }),
      429,
      "rate_limited",
    );
    const after = await scrape();
    expect(
      count(after, "listResidentialSessions", "200") - count(before, "listResidentialSessions", "200"),
    ).toBe(2);
    expect(count(after, "getSession", "404") - count(before, "getSession", "404")).toBe(1);
    // a path of no operation counts under one label, whatever the path: the series stay few
    expect(count(after, "none", "404") - count(before, "none", "404")).toBe(1);
    expect(after).not.toContain("/nowhere");
    const histogram = (text: string) =>
      sample(text, "sessions_api_request_duration_seconds_count", { operation: "listResidentialSessions" });
    expect(histogram(after) - histogram(before)).toBe(2);
    const ingested = (text: string) =>
      sample(text, "sessions_api_ingested_proxied_requests_total", { product: "mobile" });
    expect(ingested(after) - ingested(before)).toBe(3);
    const refused = (text: string) =>
      sample(text, "sessions_api_rate_limit_refusals_total", { budget: "key" });
    expect(refused(after) - refused(before)).toBe(2);
    const statements = (text: string) =>
      sample(text, "sessions_api_store_query_duration_seconds_count", { pool: "store", outcome: "ok" });
    expect(statements(after)).toBeGreaterThan(statements(before));
  });

  test("with a metrics token, asks for it", async () => {
    const guarded = await createSessionsApp({ metricsToken: "m3trics-t0ken", purgeIntervalMs: 0 });
    try {
      const scrapeWith = (authorization?: string) =>
        guarded.fetch(
          new Request(
            "http://127.0.0.1/metrics",
            authorization === undefined ? {} : { headers: { authorization } },
          ),
        );
      expect((await scrapeWith()).status).toBe(401);
      expect((await scrapeWith("Bearer wrong")).status).toBe(401);
      expect((await scrapeWith("Bearer m3trics-t0ken")).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
