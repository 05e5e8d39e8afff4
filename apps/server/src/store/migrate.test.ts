import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { describeEachStore, type StoreBackend, storeBackends } from "../../test/store-backends.js";
import { at, iso, user } from "../../test/store-reports.js";
import type { Database } from "./database.js";
import { loadMigrations, migrate } from "./migrate.js";

describeEachStore("the schema of SessionStore on %s", (opened) => {
  test("over PostgreSQL a statement that runs 30 s is cancelled, so a request never waits for ever", async () => {
    const [row] = await opened.db.query<{ statement_timeout: string }>("SHOW statement_timeout");
    // PGlite runs in this process: there is no server to stop waiting for
    expect(row?.statement_timeout).toBe(opened.db.kind === "postgres" ? "30s" : "0");
  });

  test("applies each migration once, and again applies nothing", async () => {
    expect(await migrate(opened.db)).toEqual(
      opened.backend.name === "pglite"
        ? [
            "0001-initial",
            "0002-samples-in-session",
            "0003-room-for-updates",
            "0004-upkeep-counts",
            "0005-server-secrets",
            "0006-subusers-per-account",
            "0007-clock-per-account",
            "0008-idempotency-keys",
            "0009-rate-limit-buckets",
          ]
        : [],
    );
    expect(await migrate(opened.db)).toEqual([]);
    const rows = await opened.db.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(rows.map((row) => Number(row.version))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test("leaves room in each page of gateway_sessions for a report's update of a session beside it", async () => {
    await migrate(opened.db);
    // a report rewrites its session's row; with room on the row's page the new version goes beside the
    // old one and none of the nine indexes is touched (a heap-only update)
    const [row] = await opened.db.query<{ options: string[] | string | null }>(
      "SELECT reloptions AS options FROM pg_class WHERE oid = 'gateway_sessions'::regclass",
    );
    expect(String(row?.options)).toMatch(/fillfactor=70/);
  });

  test("has an index for the keyset order under every list filter", async () => {
    await migrate(opened.db);
    const rows = await opened.db.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'gateway_sessions' AND schemaname = current_schema()",
    );
    const definitions = rows.map((row) => row.indexdef.replace(/^.*USING btree /, ""));
    for (const filter of ["", "subuser, ", "session_id, ", "region, ", "asn, ", "repinned, "]) {
      expect(definitions).toContain(`(account, product, ${filter}started_at DESC, id DESC)`);
    }
  });
});

describe.each(storeBackends().map((make) => [make().name, make] as const))(
  "migration 0002 on %s",
  (_, make) => {
    let backend: StoreBackend;
    let db: Database;
    beforeAll(async () => {
      backend = make();
      db = await backend.raw();
    });
    afterAll(async () => {
      await db?.close();
      await backend?.dispose();
    });

    test("moves each session's newest ten samples into the session, newest first, as the API writes them", async () => {
      const migrations = await loadMigrations();
      expect(await migrate(db, migrations.slice(0, 1))).toEqual(["0001-initial"]);
      await db.query("INSERT INTO subusers (id, account, created_at) VALUES ('sub_old', 'acct_old', $1)", [
        iso(at(0)),
      ]);
      for (const id of ["ses_with", "ses_without"]) {
        await db.query(
          `INSERT INTO gateway_sessions (id, account, product, username, subuser, session_id, region, asn, exit_ip,
             started_at, expires_at, bytes_used, requests)
           VALUES ($1, 'acct_old', 'residential', $2, 'sub_old', $1, 'us', 7922, '192.0.2.1', $3, $4, 12, 12)`,
          [id, user("sub_old", id), iso(at(0)), iso(at(3600))],
        );
      }
      // twelve samples, the last two at one moment: the later of those is the newer
      for (let i = 0; i < 12; i++) {
        await db.query(
          `INSERT INTO session_samples (session_pk, at, method, target_host, target_port, status_code, bytes, duration_ms)
           VALUES ('ses_with', $1, 'GET', $2, 443, 200, $3, 5)`,
          [iso(at(Math.min(i, 10) + 0.25)), `host${i}.example`, 1000 + i],
        );
      }
      expect(await migrate(db, migrations.slice(0, 2))).toEqual(["0002-samples-in-session"]);
      const rows = await db.query<{ id: string; samples: unknown }>(
        "SELECT id, samples FROM gateway_sessions ORDER BY id",
      );
      const samples = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);
      const kept = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((i) => ({
        at: iso(at(Math.min(i, 10) + 0.25)),
        method: "GET",
        target_host: `host${i}.example`,
        target_port: 443,
        status_code: 200,
        bytes: 1000 + i,
        duration_ms: 5,
      }));
      expect(rows.map((row) => [row.id, samples(row.samples)])).toEqual([
        ["ses_with", kept],
        ["ses_without", []],
      ]);
      const [gone] = await db.query<{ table: string | null }>(
        "SELECT to_regclass('session_samples')::text AS table",
      );
      expect(gone?.table).toBeNull();
    });
  },
);

describe.each(storeBackends().map((make) => [make().name, make] as const))(
  "migration 0007 on %s",
  (_, make) => {
    let backend: StoreBackend;
    let db: Database;
    beforeAll(async () => {
      backend = make();
      db = await backend.raw();
    });
    afterAll(async () => {
      await db?.close();
      await backend?.dispose();
    });

    test("gives every account with something stored the time the one clock had, and no other account a clock", async () => {
      const migrations = await loadMigrations();
      await migrate(db, migrations.slice(0, 6));
      await db.query("UPDATE clock SET offset_seconds = 7200 WHERE id = 1");
      await db.query(
        "INSERT INTO subusers (id, account, created_at) VALUES ('sub_old', 'acct_gateway', $1)",
        [iso(at(0))],
      );
      await db.query(
        `INSERT INTO app_sessions (id, account, public_url, browser_session, application_user_id, endpoint_id,
           created_at, last_active, expires_at)
         VALUES ('as_old', 'acct_app', 'https://app.example.com', '{}', 'au_old', 'ep_old', $1, $1, $2)`,
        [iso(at(0)), iso(at(3600))],
      );
      expect(await migrate(db, migrations.slice(0, 7))).toEqual(["0007-clock-per-account"]);
      const rows = await db.query<{ account: string; offset_seconds: string | number }>(
        "SELECT account, offset_seconds FROM account_clocks ORDER BY account",
      );
      expect(rows.map((row) => [row.account, Number(row.offset_seconds)])).toEqual([
        ["acct_app", 7200],
        ["acct_gateway", 7200],
      ]);
    });
  },
);
