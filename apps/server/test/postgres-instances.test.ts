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
  ) => {
    const response = await (instance as SessionsSandbox).fetch(
      new Request(`http://127.0.0.1${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    return {
      status: response.status,
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
