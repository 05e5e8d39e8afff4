/**
 * The bulk loader writes SQL straight into the server's schema: these tests run it against the schema
 * the server's own migrations create, and read the result back through the server's API, so that a
 * migration that changes the tables fails here (in `pnpm test`) and not halfway through a benchmark.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SessionPage } from "@sessions-api/openapi";
import { createSessionsApp } from "@sessions-api/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  asnOf,
  assertSchema,
  bulkLoadSessions,
  dataset,
  type SqlRunner,
  subuserId,
} from "../src/store/bulk-load.js";

const key = {
  key: "sk_bench_test",
  account: "acct_bench",
  products: ["residential", "mobile"] as ("residential" | "mobile")[],
  subusers: null,
  rate_limit_per_minute: 0,
};
let dataDir: string;

async function withStore<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T> {
  const db = await PGlite.create({ dataDir });
  try {
    return await fn({
      query: async (text, params) => (await db.query(text, params as unknown[])).rows as never[],
    });
  } finally {
    await db.close();
  }
}

async function list(query: string): Promise<SessionPage> {
  const sandbox = await createSessionsApp({ dataDir, keys: [key] });
  try {
    const response = await sandbox.fetch(
      new Request(`http://localhost/v1/residential/sessions?${query}`, {
        headers: { authorization: `Bearer ${key.key}` },
      }),
    );
    expect(response.status).toBe(200);
    return (await response.json()) as SessionPage;
  } finally {
    await sandbox.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "bench-bulk-load-"));
  // the server migrates its store when it opens it
  await (await createSessionsApp({ dataDir, keys: [key] })).close();
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("bulkLoadSessions", () => {
  test("accepts the schema the server's migrations create", async () => {
    await withStore((sql) => assertSchema(sql));
  });

  test("loads live sessions the server lists under every benchmarked filter", async () => {
    const { result, pages } = await withStore(async (sql) => ({
      result: await bulkLoadSessions(sql, { account: key.account, sessions: 5000 }),
      pages: await sql.query<{ relpages: number; relallvisible: number }>(
        "SELECT relpages, relallvisible FROM pg_class WHERE relname = 'gateway_sessions'",
      ),
    }));
    expect(result.sessions).toBe(5000);
    // left at rest: vacuumed (every page all-visible, which autovacuum would otherwise be doing during the
    // measured queries) and checkpointed
    expect(pages[0]?.relpages).toBeGreaterThan(0);
    expect(pages[0]?.relallvisible).toBe(pages[0]?.relpages);
    expect(result.checkpointed).toBe(true);

    const bySubuser = await list(`subuser=${subuserId(3)}&limit=100`);
    expect(bySubuser.data.length).toBeGreaterThan(0);
    expect(
      bySubuser.data.every((session) => session.subuser === subuserId(3) && session.status === "active"),
    ).toBe(true);

    const byRegionAsn = await list(`region=${dataset.regions[1]}&asn=${asnOf(1, 0)}&limit=100`);
    expect(byRegionAsn.data.length).toBeGreaterThan(0);
    expect(
      byRegionAsn.data.every(
        (session) => session.region === dataset.regions[1] && session.asn === asnOf(1, 0),
      ),
    ).toBe(true);

    const repinned = await list("repinned=true&limit=200");
    expect(repinned.data.length).toBeGreaterThan(0);
    expect(repinned.data.length).toBeLessThan(5000 / 100);

    const first = await list("limit=100");
    expect(first.next_cursor).not.toBeNull();
    const second = await list(`limit=100&cursor=${first.next_cursor}`);
    expect(second.data[0]?.started_at.localeCompare(first.data.at(-1)?.started_at ?? "")).toBeLessThan(0);
  });

  test("refuses a store whose tables differ from the ones it was written for", async () => {
    await withStore(async (sql) => {
      await sql.query("ALTER TABLE gateway_sessions ADD COLUMN surprise text");
      try {
        await expect(assertSchema(sql)).rejects.toThrow(/gateway_sessions columns changed/);
      } finally {
        await sql.query("ALTER TABLE gateway_sessions DROP COLUMN surprise");
      }
    });
  });
});
