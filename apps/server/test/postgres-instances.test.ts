// Several server instances over one PostgreSQL database, as users run it at scale.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSessionsApp, DEMO_KEYS, type SessionsSandbox } from "../src/index.js";
import { postgresUrl } from "./store-backends.js";

describe.skipIf(postgresUrl === null)("two instances over one PostgreSQL database", () => {
  let instances: SessionsSandbox[] = [];
  const schema = `test_instances_${process.pid}`;
  const startedAt = Date.now();
  beforeAll(async () => {
    const options = {
      databaseUrl: postgresUrl ?? "",
      databaseSchema: schema,
      seedDemoData: true,
      purgeIntervalMs: 0,
      // real time stands still: no budget refills while the test runs, however slow the machine
      now: () => startedAt,
    };
    // started together: migrations and demo data are applied once
    instances = await Promise.all([createSessionsApp(options), createSessionsApp(options)]);
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: postgresUrl ?? "" });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  const call = async (
    instance: SessionsSandbox | undefined,
    method: string,
    path: string,
    body?: unknown,
    key: string = DEMO_KEYS.full,
    headers: Record<string, string> = {},
  ) => {
    const response = await (instance as SessionsSandbox).fetch(
      new Request(`http://127.0.0.1${path}`, {
        method,
        headers: { ...headers, authorization: `Bearer ${key}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    return {
      status: response.status,
      headers: response.headers,
      rateLimit: response.headers.get("ratelimit"),
      body: (await response.json()) as Record<string, unknown>,
    };
  };

  test("see the same seeded sessions, each once", async () => {
    const [a, b] = instances;
    const fromA = await call(a, "GET", "/v1/residential/sessions?subuser=sub_01HX2K3PQ4M5");
    const fromB = await call(b, "GET", "/v1/residential/sessions?subuser=sub_01HX2K3PQ4M5");
    expect(fromA.body).toEqual(fromB.body);
    const ids = (fromA.body.data as { id: string }[]).map((session) => session.id);
    expect(ids).toContain("ses_01HX2K3PQ4M5");
    expect(new Set(ids).size).toBe(ids.length);
    expect((await call(a, "GET", "/healthz")).body).toEqual({ status: "ok", store: "postgres" });
  });

  test("agree on each account's clock, which moves for that account alone", async () => {
    const [a, b] = instances;
    const other = DEMO_KEYS.other;
    const demoBefore = await call(b, "GET", "/sandbox/clock");
    const otherBefore = await call(b, "GET", "/sandbox/clock", undefined, other);
    const moved = await call(a, "POST", "/sandbox/clock/advance", { seconds: 7200 }, other);
    expect(moved.body.offset_seconds).toBe(Number(otherBefore.body.offset_seconds) + 7200);
    expect((await call(b, "GET", "/sandbox/clock", undefined, other)).body.offset_seconds).toBe(
      moved.body.offset_seconds,
    );
    expect((await call(a, "GET", "/sandbox/clock")).body.offset_seconds).toBe(demoBefore.body.offset_seconds);
    expect((await call(b, "GET", "/sandbox/clock")).body.offset_seconds).toBe(demoBefore.body.offset_seconds);
  });

  test("a write retried with its Idempotency-Key on the other instance is replayed, not run again", async () => {
    const [a, b] = instances;
    const headers = { "Idempotency-Key": `retry-${process.pid}` };
    const before = await call(b, "GET", "/sandbox/clock");
    const first = await call(a, "POST", "/sandbox/clock/advance", { seconds: 120 }, DEMO_KEYS.full, headers);
    const retried = await call(
      b,
      "POST",
      "/sandbox/clock/advance",
      { seconds: 120 },
      DEMO_KEYS.full,
      headers,
    );
    expect(retried.body).toEqual(first.body);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(retried.headers.get("x-request-id")).toBe(first.headers.get("x-request-id"));
    expect((await call(a, "GET", "/sandbox/clock")).body.offset_seconds).toBe(
      Number(before.body.offset_seconds) + 120,
    );
  });

  test("share sessions and the test clock", async () => {
    const [a, b] = instances;
    const username = "user-sub_01HX2K3PQ4M5-region-nl-session-shared-sesstime-5";
    const requests = [
      {
        method: "GET",
        target_host: "a.example",
        target_port: 443,
        status_code: 200,
        bytes: 1,
        duration_ms: 1,
      },
    ];
    const started = await call(a, "POST", "/sandbox/v1/residential/traffic", { username, requests });
    const added = await call(b, "POST", "/sandbox/v1/residential/traffic", { username, requests });
    expect([started.status, added.status]).toEqual([201, 200]);
    expect(added.body.id).toBe(started.body.id);
    await call(a, "POST", "/sandbox/clock/advance", { seconds: 301 });
    expect((await call(b, "GET", `/v1/residential/sessions/${started.body.id}`)).status).toBe(404);
  });

  test("spend one budget per key: 20 requests alternating over both with a 5-a-minute key, exactly 5 pass", async () => {
    const statuses: number[] = [];
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 20; i++) {
      const answer = await call(
        instances[i % 2],
        "GET",
        "/v1/residential/sessions?limit=1",
        undefined,
        DEMO_KEYS.limited,
      );
      statuses.push(answer.status);
      remaining.push(answer.rateLimit);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    // the budget each instance tells is the shared one: it goes down across both
    expect(remaining.slice(0, 5).map((field) => /r=(\d+)/.exec(field ?? "")?.[1])).toEqual([
      "4",
      "3",
      "2",
      "1",
      "0",
    ]);
  });
});
