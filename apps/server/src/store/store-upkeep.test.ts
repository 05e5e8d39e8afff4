import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { at, freshAccount, report, user } from "../../test/store-reports.js";
import { openDatabase } from "./database.js";
import { SessionStore } from "./session-store.js";

describe("SessionStore on PGlite, which has no autovacuum of its own", () => {
  // a data directory made once (initdb and the migrations: the slow part of opening a new one) and
  // copied for each test
  let template: string;
  beforeAll(async () => {
    template = mkdtempSync(join(tmpdir(), "sessions-template-"));
    await (await SessionStore.open({ dataDir: template })).close();
  });
  afterAll(() => rmSync(template, { recursive: true, force: true }));
  const copyOfTemplate = (prefix: string) => {
    const dataDir = mkdtempSync(join(tmpdir(), prefix));
    cpSync(template, dataDir, { recursive: true });
    return dataDir;
  };

  test("analyzes its tables as they grow, so that its plans are made for their size", async () => {
    const dataDir = copyOfTemplate("sessions-analyze-");
    try {
      const store = await SessionStore.open({ dataDir });
      const account = freshAccount();
      // more than 50 rows changed in each table: each is due for an analysis
      await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          report(store, account, user(`sub_grow${i % 60}`, `g${i}`), at(i)),
        ),
      );
      await store.idle();
      await store.close();
      const db = await openDatabase({ dataDir });
      try {
        const rows = await db.query<{ relname: string; reltuples: number }>(
          `SELECT relname, reltuples::float8 AS reltuples FROM pg_class
           WHERE relname IN ('subusers', 'gateway_sessions') ORDER BY relname`,
        );
        // -1 until a table is first analyzed; then the count at its last analysis, which is at most
        // autovacuum's threshold (50 rows and 10%) behind
        const written = { gateway_sessions: 120, subusers: 60 };
        expect(rows.map((row) => row.relname)).toEqual(Object.keys(written));
        for (const row of rows) {
          const actual = written[row.relname as keyof typeof written];
          expect(Number(row.reltuples)).toBeGreaterThan(0);
          expect(Number(row.reltuples)).toBeGreaterThanOrEqual(actual - (50 + 0.1 * actual));
        }
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // rounds of `size` one-minute sessions, two days apart, in the store at dataDir; a purge a day and a few
  // minutes after a round started takes all of it; the size of the sessions' table in pages
  function churn(dataDir: string, subuser: string, size: number) {
    const account = freshAccount();
    const day = 24 * 3600;
    return {
      async start(store: SessionStore, round: number) {
        // together, as many clients report at once: the store writes them in a few statements
        await Promise.all(
          Array.from({ length: size }, (_, i) =>
            report(store, account, user(subuser, `r${round}n${i}`, 1), at(round * 2 * day + i)),
          ),
        );
      },
      async purge(store: SessionStore, round: number) {
        expect(await store.purge(at(round * 2 * day + day + 600))).toMatchObject({ sessions: size });
        await store.idle();
      },
      async heapPages() {
        const db = await openDatabase({ dataDir });
        try {
          const [row] = await db.query<{ pages: number }>(
            "SELECT (pg_relation_size('gateway_sessions') / current_setting('block_size')::int)::int AS pages",
          );
          return Number(row?.pages);
        } finally {
          await db.close();
        }
      },
    };
  }

  test("vacuums a table its purges emptied, so that later sessions take the room of purged ones", async () => {
    const dataDir = copyOfTemplate("sessions-vacuum-");
    const { start, purge, heapPages } = churn(dataDir, "sub_churn", 300);
    try {
      let store = await SessionStore.open({ dataDir });
      await start(store, 0);
      await store.close();
      const oneRound = await heapPages();
      store = await SessionStore.open({ dataDir });
      await purge(store, 0);
      for (let round = 1; round < 4; round++) {
        await start(store, round);
        if (round < 3) await purge(store, round);
      }
      await store.close();
      // without a vacuum the table would hold the rows of all four rounds, dead or alive: four times the pages
      expect(oneRound).toBeGreaterThan(0);
      expect(await heapPages()).toBeLessThanOrEqual(oneRound + 2);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("keeps its upkeep counts across restarts: purges too small to vacuum alone add up to one", async () => {
    const dataDir = copyOfTemplate("sessions-upkeep-");
    // a purge of one round (30 rows) is under the vacuum's 50
    const { start, purge, heapPages } = churn(dataDir, "sub_restart", 30);
    try {
      let store = await SessionStore.open({ dataDir });
      await start(store, 0);
      await store.close();
      const oneRound = await heapPages();
      // each round in a process of its own, as a sandbox restarted every day runs
      for (let round = 1; round < 4; round++) {
        store = await SessionStore.open({ dataDir });
        await purge(store, round - 1);
        await start(store, round);
        await store.close();
      }
      // the second process's purge made 60 deleted rows and a vacuum; counted from zero in each process,
      // there would be none, and the table would hold the rows of all four rounds
      expect(oneRound).toBeGreaterThan(0);
      expect(await heapPages()).toBeLessThanOrEqual(2 * oneRound + 1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
