import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseUsername } from "@sessions-api/username";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { postgresBackend, postgresUrl, type StoreBackend, storeBackends } from "../../test/store-backends.js";
import { newAppSessionRecord } from "../app-session-routes.js";
import { type Database, openDatabase } from "./database.js";
import { GroupCommit } from "./group-commit.js";
import { loadMigrations, migrate } from "./migrate.js";
import {
  listSessionsStatement,
  reportToSessionsSql,
  type SessionListQuery,
  SessionStore,
} from "./session-store.js";

const t0 = Date.parse("2026-05-28T07:00:00.000Z");
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const iso = (date: Date) => date.toISOString();
let counter = 0;

// one proxied request (10 bytes to `host`) for a username, as the sandbox's traffic route hands it over
function trafficInput(
  account: string,
  name: string,
  now: Date,
  { host = "www.example.com", reassign = false } = {},
) {
  return {
    account,
    product: "residential" as const,
    username: name,
    parsed: parseUsername(name),
    requests: [
      { method: "GET", target_host: host, target_port: 443, status_code: 200, bytes: 10, duration_ms: 5 },
    ],
    reassignExitIp: reassign,
    now,
  };
}

async function report(store: SessionStore, account: string, name: string, now: Date, reassign = false) {
  await store.ensureSubuser(account, parseUsername(name).subuser, now);
  return store.reportTraffic(trafficInput(account, name, now, { reassign }));
}

const freshAccount = () => `acct_store_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
const user = (subuser: string, id: string, sesstime = 30) =>
  `user-${subuser}-region-us-session-${id}-sesstime-${sesstime}`;

describe("the PostgreSQL half of the store suite", () => {
  test("runs under CI", () => {
    if (process.env.CI === "true") expect(postgresUrl).toMatch(/^postgres/);
  });
});

describe.each(storeBackends().map((make) => [make().name, make] as const))(
  "SessionStore on %s",
  (_, make) => {
    let backend: StoreBackend;
    let store: SessionStore;
    // a second connection to the store's database (on PGlite: a database of its own) for schema checks
    let db: Database;
    beforeAll(async () => {
      backend = make();
      [store, db] = await Promise.all([backend.open(), backend.raw()]);
    });
    afterAll(async () => {
      await store?.close();
      await db?.close();
      await backend?.dispose();
    });

    test("over PostgreSQL a statement that runs 30 s is cancelled, so a request never waits for ever", async () => {
      const [row] = await db.query<{ statement_timeout: string }>("SHOW statement_timeout");
      // PGlite runs in this process: there is no server to stop waiting for
      expect(row?.statement_timeout).toBe(db.kind === "postgres" ? "30s" : "0");
    });

    test("applies each migration once, and again applies nothing", async () => {
      expect(await migrate(db)).toEqual(
        backend.name === "pglite"
          ? [
              "0001-initial",
              "0002-samples-in-session",
              "0003-room-for-updates",
              "0004-upkeep-counts",
              "0005-server-secrets",
              "0006-subusers-per-account",
              "0009-rate-limit-buckets",
            ]
          : [],
      );
      expect(await migrate(db)).toEqual([]);
      const rows = await db.query<{ version: number }>(
        "SELECT version FROM schema_migrations ORDER BY version",
      );
      expect(rows.map((row) => Number(row.version))).toEqual([1, 2, 3, 4, 5, 6, 9]);
    });

    test("leaves room in each page of gateway_sessions for a report's update of a session beside it", async () => {
      await migrate(db);
      // a report rewrites its session's row; with room on the row's page the new version goes beside the
      // old one and none of the nine indexes is touched (a heap-only update)
      const [row] = await db.query<{ options: string[] | string | null }>(
        "SELECT reloptions AS options FROM pg_class WHERE oid = 'gateway_sessions'::regclass",
      );
      expect(String(row?.options)).toMatch(/fillfactor=70/);
    });

    test("has an index for the keyset order under every list filter", async () => {
      await migrate(db);
      const rows = await db.query<{ indexdef: string }>(
        "SELECT indexdef FROM pg_indexes WHERE tablename = 'gateway_sessions' AND schemaname = current_schema()",
      );
      const definitions = rows.map((row) => row.indexdef.replace(/^.*USING btree /, ""));
      for (const filter of ["", "subuser, ", "session_id, ", "region, ", "asn, ", "repinned, "]) {
        expect(definitions).toContain(`(account, product, ${filter}started_at DESC, id DESC)`);
      }
    });

    test("the store's own list statement is answered from an index, with no sort step, for every filter and a cursor, also by a generic plan", async () => {
      await migrate(db);
      const after = { startedAt: "2026-05-28T07:00:00.000Z", id: "ses_01HX2K3PQ4M5" };
      const queries: Omit<SessionListQuery, "account" | "product" | "status" | "limit">[] = [
        {},
        { subuser: "sub_acme" },
        { session_id: "job1" },
        { region: "us" },
        { asn: 7922 },
        { repinned: true },
        { region: "us", after },
        { after },
      ];
      const plans = await db.transaction(async (tx) => {
        // with a handful of rows the planner would rightly prefer a scan; forbid it to see the index serve
        await tx.query("SET LOCAL enable_seqscan = off");
        const plans: string[] = [];
        for (const query of queries) {
          const statement = listSessionsStatement(
            { account: "a", product: "residential", status: "active", limit: 50, ...query },
            at(0),
          );
          const rows = await tx.query<{ "QUERY PLAN": string }>(`EXPLAIN ${statement.sql}`, statement.params);
          plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
          // the store prepares each statement once and runs its generic plan, made without the parameters'
          // values: it must be as good, the cursor's bound included
          await tx.query("SET LOCAL plan_cache_mode = force_generic_plan");
          await tx.exec(`PREPARE list_statement AS ${statement.sql}`);
          const literals = statement.params.map((value) => `'${String(value).replace(/'/g, "''")}'`);
          const generic = await tx.query<{ "QUERY PLAN": string }>(
            `EXPLAIN EXECUTE list_statement(${literals.join(", ")})`,
          );
          await tx.exec("DEALLOCATE list_statement");
          plans.push(generic.map((row) => row["QUERY PLAN"]).join("\n"));
        }
        return plans;
      });
      expect(plans).toHaveLength(2 * queries.length);
      for (const plan of plans) expect(plan).toMatch(/Index Scan|Index Only Scan/);
      for (const plan of plans) expect(plan).not.toMatch(/Sort/);
    });

    test("reports to known sessions find each by its primary key, on a generic plan made for a table of some size", async () => {
      await migrate(db);
      const rolledBack = new Error("rolled back: the rows were only for the planner");
      let plan = "";
      await db
        .transaction(async (tx) => {
          await tx.query(
            "INSERT INTO subusers (id, account, created_at) VALUES ('sub_plan', 'acct_plan', now())",
          );
          await tx.query(
            `INSERT INTO gateway_sessions (id, account, product, username, subuser, session_id, region, asn, exit_ip,
               started_at, expires_at, bytes_used, requests, samples)
             SELECT 'ses_plan' || lpad(g::text, 6, '0'), 'acct_plan', 'residential',
               'user-sub_plan-region-us-session-p' || g || '-sesstime-60', 'sub_plan', 'p' || g, 'us', 7922,
               '192.0.2.1', now(), now() + interval '1 hour', 0, 0, '[]'
             FROM generate_series(1, 5000) AS g`,
          );
          await tx.query("ANALYZE gateway_sessions");
          await tx.query("SET LOCAL plan_cache_mode = force_generic_plan");
          await tx.exec(
            `PREPARE continued_reports(text[], timestamptz[], bigint[], bigint[], boolean[], text[], text[], jsonb) AS ${reportToSessionsSql}`,
          );
          const rows = await tx.query<{ "QUERY PLAN": string }>(
            `EXPLAIN EXECUTE continued_reports('{ses_plan000001}', '{2026-05-28T07:00:00Z}', '{1}', '{1}', '{f}', '{192.0.2.1}', '{192.0.2.2}', '[[]]')`,
          );
          await tx.exec("DEALLOCATE continued_reports");
          plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
          throw rolledBack;
        })
        .catch((error: unknown) => {
          if (error !== rolledBack) throw error;
        });
      expect(plan).toMatch(/Index Scan using gateway_sessions_pkey/);
    });

    test("pages by (started_at, id) without repeats or gaps, also among sessions started at the same instant", async () => {
      const account = freshAccount();
      const ids: string[] = [];
      for (let i = 0; i < 9; i++)
        ids.push((await report(store, account, user("sub_page", `s${i}`), at(i < 5 ? 0 : 1))).session.id);
      const expected = [...ids.slice(5).sort().reverse(), ...ids.slice(0, 5).sort().reverse()];
      const seen: string[] = [];
      let after: { startedAt: string; id: string } | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await store.listSessions(
          {
            account,
            product: "residential",
            status: "active",
            limit: 2,
            ...(after === undefined ? {} : { after }),
          },
          at(2),
        );
        seen.push(...result.sessions.map((s) => s.id));
        if (result.next === null) break;
        after = result.next;
      }
      expect(seen).toEqual(expected);
    });

    test("paging stays stable while sessions start and are terminated between pages", async () => {
      const account = freshAccount();
      const ids: string[] = [];
      for (let i = 0; i < 6; i++)
        ids.push((await report(store, account, user("sub_stable", `s${i}`), at(i))).session.id);
      const newestFirst = [...ids].reverse();
      const query = { account, product: "residential" as const, status: "all" as const, limit: 3 };
      const first = await store.listSessions(query, at(10));
      await report(store, account, user("sub_stable", "late"), at(11));
      await store.terminateSession(account, "residential", newestFirst[4] as string, at(11));
      const second = await store.listSessions({ ...query, after: first.next ?? undefined }, at(12));
      expect([...first.sessions, ...second.sessions].map((s) => s.id)).toEqual(newestFirst);
      expect(second.next).toBeNull();
    });

    test("filters by every list filter and by the key's sub-user scope", async () => {
      const account = freshAccount();
      const a = (
        await report(store, account, "user-sub_scope1-region-us-asn-7922-session-a-sesstime-30", at(0))
      ).session;
      const b = (await report(store, account, "user-sub_scope2-region-de-session-b-sesstime-30", at(1)))
        .session;
      await report(store, account, "user-sub_scope2-region-de-session-b-sesstime-30", at(2), true);
      const ids = async (filters: Partial<Parameters<SessionStore["listSessions"]>[0]>) =>
        (
          await store.listSessions(
            { account, product: "residential", status: "active", limit: 10, ...filters },
            at(3),
          )
        ).sessions.map((s) => s.id);
      expect(await ids({})).toEqual([b.id, a.id]);
      expect(await ids({ subuserScope: ["sub_scope1"] })).toEqual([a.id]);
      expect(await ids({ subuserScope: [] })).toEqual([]);
      expect(await ids({ subuser: "sub_scope2" })).toEqual([b.id]);
      expect(await ids({ session_id: "a" })).toEqual([a.id]);
      expect(await ids({ region: "de" })).toEqual([b.id]);
      expect(await ids({ asn: 7922 })).toEqual([a.id]);
      expect(await ids({ repinned: true })).toEqual([b.id]);
      expect(await ids({ repinned: false })).toEqual([a.id]);
    });

    test("terminating is idempotent and keeps the first terminated_at", async () => {
      const account = freshAccount();
      const { session } = await report(store, account, user("sub_term", "a"), at(0));
      const first = await store.terminateSession(account, "residential", session.id, at(5));
      const again = await store.terminateSession(account, "residential", session.id, at(9));
      expect(first?.terminated_at).toBe(at(5).toISOString());
      expect(again).toEqual(first);
      expect(await store.terminateSession("acct_nobody", "residential", session.id, at(9))).toBeNull();
    });

    test("a session keeps the newest samples across reports of any size, newest first", async () => {
      const account = freshAccount();
      const name = user("sub_samples", "a");
      const parsed = parseUsername(name);
      await store.ensureSubuser(account, parsed.subuser, at(0));
      const send = (seconds: number, hosts: string[]) =>
        store.reportTraffic({
          account,
          product: "residential",
          username: name,
          parsed,
          requests: hosts.map((target_host, i) => ({
            method: "GET",
            target_host,
            target_port: 443,
            status_code: 200,
            bytes: i + 1,
            duration_ms: 5,
          })),
          reassignExitIp: false,
          now: at(seconds),
        });
      const hosts = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
      const samplesOf = (result: Awaited<ReturnType<typeof send>>) =>
        result.session.samples.map((sample) => sample.target_host);
      const first = await send(0, hosts("a", 12));
      expect(first.created).toBe(true);
      expect(samplesOf(first)).toEqual(hosts("a", 12).slice(2).reverse());
      expect(first.session).toMatchObject({ requests: 12, bytes_used: 78 });
      const second = await send(1, ["b0"]);
      expect(second.created).toBe(false);
      expect(samplesOf(second)).toEqual(["b0", ...hosts("a", 12).slice(3).reverse()]);
      const third = await send(2, hosts("c", 10));
      expect(samplesOf(third)).toEqual(hosts("c", 10).reverse());
      expect(third.session.samples[0]?.at).toBe(at(2).toISOString());
      expect(await store.findSession(account, "residential", first.session.id, at(2))).toEqual(third.session);
    });

    test("reports that arrive together are written together, each to its own username's session", async () => {
      const account = freshAccount();
      const names = ["a", "b", "c"].map((id) => user("sub_together", id));
      await store.ensureSubuser(account, "sub_together", at(0));
      const send = (name: string, hosts: string[], seconds = 0) =>
        store.reportTraffic({
          account,
          product: "residential",
          username: name,
          parsed: parseUsername(name),
          requests: hosts.map((target_host) => ({
            method: "GET",
            target_host,
            target_port: 443,
            status_code: 200,
            bytes: 100,
            duration_ms: 5,
          })),
          reassignExitIp: false,
          now: at(seconds),
        });
      const [a, b, c] = names as [string, string, string];
      await send(c, ["c-old"]);
      // a and b start sessions, c's live session gets one more request, and the second report of a
      // (same username: the next batch) lands on the session the first started
      const [a1, b1, c1, a2] = await Promise.all([
        send(a, ["a0", "a1"], 1),
        send(b, ["b0"], 1),
        send(c, ["c0", "c1", "c2"], 1),
        send(a, ["a2"], 2),
      ]);
      expect([a1, b1, c1, a2].map((result) => result.created)).toEqual([true, true, false, false]);
      expect(new Set([a1, b1, c1].map((result) => result.session.id)).size).toBe(3);
      expect(a2.session.id).toBe(a1.session.id);
      expect(
        [a2, b1, c1].map(({ session }) => [session.username, session.requests, session.bytes_used]),
      ).toEqual([
        [a, 3, 300],
        [b, 1, 100],
        [c, 4, 400],
      ]);
      expect(
        [a1, a2, b1, c1].map(({ session }) => session.samples.map((sample) => sample.target_host)),
      ).toEqual([["a1", "a0"], ["a2", "a1", "a0"], ["b0"], ["c2", "c1", "c0", "c-old"]]);
      expect(a2.session.samples.map((sample) => sample.at)).toEqual([at(2), at(1), at(1)].map(iso));
      for (const { session } of [a2, b1, c1]) {
        expect(await store.findSession(account, "residential", session.id, at(3))).toEqual(session);
      }
    });

    test("bytes_used stops at the int64 maximum instead of failing the report", async () => {
      const account = freshAccount();
      const name = user("sub_bytes", "big");
      await store.ensureSubuser(account, "sub_bytes", at(0));
      const send = (seconds: number) =>
        store.reportTraffic({
          account,
          product: "residential",
          username: name,
          parsed: parseUsername(name),
          requests: [
            {
              method: "GET",
              target_host: "a.example",
              target_port: 443,
              status_code: 200,
              bytes: 2 ** 62,
              duration_ms: 1,
            },
          ],
          reassignExitIp: false,
          now: at(seconds),
        });
      await send(0);
      await send(1);
      const { session } = await send(2);
      // 3 * 2^62 is past 2^63 - 1, which is where it stays (a JSON number rounds it to 2^63)
      expect(session.bytes_used).toBe(Number("9223372036854775807"));
      expect(session.requests).toBe(3);
    });

    test("a report that cannot be written fails alone, not the reports written with it", async () => {
      const account = freshAccount();
      const good = user("sub_alone", "ok");
      await store.ensureSubuser(account, "sub_alone", at(0));
      // nobody claimed this sub-user: the store refuses a session for it
      const orphan = user("sub_unclaimed", "x");
      const results = await Promise.allSettled(
        [good, orphan].map((name) =>
          store.reportTraffic({
            account,
            product: "residential",
            username: name,
            parsed: parseUsername(name),
            requests: [],
            reassignExitIp: false,
            now: at(0),
          }),
        ),
      );
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected"]);
      const written = results[0]?.status === "fulfilled" ? results[0].value.session : undefined;
      expect(await store.findSession(account, "residential", written?.id ?? "", at(1))).toEqual(written);
    });

    test("a username's next report goes to its live session, and starts a new one once that is terminated or expired", async () => {
      const account = freshAccount();
      const name = user("sub_next", "n", 1);
      const first = await report(store, account, name, at(0));
      const second = await report(store, account, name, at(10));
      expect([first.created, second.created]).toEqual([true, false]);
      expect(second.session).toMatchObject({ id: first.session.id, requests: 2, bytes_used: 20 });
      await store.terminateSession(account, "residential", first.session.id, at(20));
      const afterTermination = await report(store, account, name, at(30));
      expect(afterTermination.created).toBe(true);
      expect(afterTermination.session).toMatchObject({ requests: 1, status: "active" });
      expect(afterTermination.session.id).not.toBe(first.session.id);
      expect(afterTermination.session.exit_ip).not.toBe(first.session.exit_ip);
      expect((await report(store, account, name, at(40))).session.id).toBe(afterTermination.session.id);
      // sesstime 1: the session of 30 s is over at 90 s
      const afterExpiry = await report(store, account, name, at(90));
      expect(afterExpiry.created).toBe(true);
      expect(afterExpiry.session.id).not.toBe(afterTermination.session.id);
      expect(await store.findSession(account, "residential", first.session.id, at(90))).toMatchObject({
        status: "terminated",
        requests: 2,
      });
      expect(
        await store.findSession(account, "residential", afterTermination.session.id, at(89)),
      ).toMatchObject({ status: "active", requests: 2 });
    });

    test("a username's reports land in the order they came, also while its first one starts the session", async () => {
      const account = freshAccount();
      const name = user("sub_order", "o");
      await store.ensureSubuser(account, "sub_order", at(0));
      const send = (host: string) => store.reportTraffic(trafficInput(account, name, at(0), { host }));
      // which group commit each report is handed to: the one that finds or starts sessions, or the one
      // that sends reports to known sessions by id
      const submit = vi.spyOn(GroupCommit.prototype, "submit");
      const queueOf = (host: string) =>
        submit.mock.contexts[
          submit.mock.calls.findIndex(([write]) => JSON.stringify(write).includes(`"target_host":"${host}"`))
        ];
      let queues: unknown[];
      let results: Awaited<ReturnType<typeof send>>[];
      try {
        // the third is sent as soon as the first is answered, while the second still waits its turn
        const first = send("h1");
        const second = send("h2");
        const third = first.then(() => send("h3"));
        results = await Promise.all([first, second, third]);
        queues = ["h1", "h2", "h3"].map(queueOf);
      } finally {
        submit.mockRestore();
      }
      // the first's session is known when the third comes, but the third follows the second the same way
      expect(queues[0]).toBeInstanceOf(GroupCommit);
      expect(new Set(queues).size).toBe(1);
      expect(results.map(({ created }) => created)).toEqual([true, false, false]);
      expect(new Set(results.map(({ session }) => session.id)).size).toBe(1);
      expect(results[2]?.session.samples.map((sample) => sample.target_host)).toEqual(["h3", "h2", "h1"]);
    });

    test("reports written together to live, over and new sessions each land where they belong", async () => {
      const account = freshAccount();
      const [live, over, fresh] = ["live", "over", "fresh"].map((id) => user("sub_mixed", id));
      const liveSession = (await report(store, account, live as string, at(0))).session;
      const overSession = (await report(store, account, over as string, at(0))).session;
      await store.terminateSession(account, "residential", overSession.id, at(1));
      const results = await Promise.all(
        [live, over, fresh].map((name) => report(store, account, name as string, at(2))),
      );
      expect(results.map(({ created }) => created)).toEqual([false, true, true]);
      expect(results[0]?.session).toMatchObject({ id: liveSession.id, requests: 2 });
      expect(new Set(results.map(({ session }) => session.id)).size).toBe(3);
      expect(results[1]?.session.id).not.toBe(overSession.id);
      expect(results.map(({ session }) => session.username)).toEqual([live, over, fresh]);
    });

    test("a report written together with one that fails is written once, not again when tried alone", async () => {
      const account = freshAccount();
      const good = user("sub_once", "ok");
      const before = (await report(store, account, good, at(0))).session;
      const orphan = user("sub_unclaimedonce", "x");
      const results = await Promise.allSettled([
        report(store, account, good, at(1)),
        // nobody claims this sub-user: starting its session fails, and with it the statement of the batch
        store.reportTraffic(trafficInput(account, orphan, at(1))),
      ]);
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected"]);
      const after = await store.findSession(account, "residential", before.id, at(2));
      expect(after).toMatchObject({ requests: 2, bytes_used: 20 });
      expect(after?.samples).toHaveLength(2);
    });

    // on PGlite reads are cached: these pin what a cache must never change, read twice at each step
    test("a read repeated after a write shows the write", async () => {
      const account = freshAccount();
      const query = { account, product: "residential" as const, status: "all" as const, limit: 10 };
      const twice = async <T>(read: () => Promise<T>) => {
        const first = await read();
        expect(await read()).toEqual(first);
        return first;
      };
      const { session } = await report(store, account, user("sub_reread", "a"), at(0));
      const get = () => store.findSession(account, "residential", session.id, at(2));
      expect((await twice(get))?.requests).toBe(1);
      expect((await twice(() => store.listSessions(query, at(2)))).sessions.map((s) => s.requests)).toEqual([
        1,
      ]);
      await report(store, account, user("sub_reread", "a"), at(1));
      expect((await twice(get))?.requests).toBe(2);
      expect((await twice(() => store.listSessions(query, at(2)))).sessions.map((s) => s.requests)).toEqual([
        2,
      ]);
      await store.terminateSession(account, "residential", session.id, at(2));
      expect((await twice(get))?.status).toBe("terminated");
      expect((await twice(() => store.listSessions(query, at(2)))).sessions.map((s) => s.status)).toEqual([
        "terminated",
      ]);
      const other = await report(store, account, user("sub_reread", "b"), at(2));
      expect((await twice(() => store.listSessions(query, at(2)))).sessions.map((s) => s.id)).toEqual([
        other.session.id,
        session.id,
      ]);
    });

    test("a session leaves reads at the moment it expires, and a page takes the next one in", async () => {
      const account = freshAccount();
      // started at second 1 with sesstime 1 (minute): live until second 61, excluded
      const short = (await report(store, account, user("sub_expire", "s", 1), at(1))).session;
      const long = (await report(store, account, user("sub_expire", "l", 30), at(0))).session;
      const query = { account, product: "residential" as const, status: "active" as const, limit: 1 };
      const page = (seconds: number) => store.listSessions(query, at(seconds));
      const get = (seconds: number) => store.findSession(account, "residential", short.id, at(seconds));
      for (const seconds of [2, 2, 60]) {
        expect((await page(seconds)).sessions.map((s) => s.id)).toEqual([short.id]);
        expect((await page(seconds)).next).not.toBeNull();
        expect((await get(seconds))?.id).toBe(short.id);
      }
      for (const seconds of [61, 61]) {
        expect((await page(seconds)).sessions.map((s) => s.id)).toEqual([long.id]);
        expect((await page(seconds)).next).toBeNull();
        expect(await get(seconds)).toBeNull();
      }
      // a read for an earlier moment still sees what was live then
      expect((await page(2)).sessions.map((s) => s.id)).toEqual([short.id]);
    });

    test("application sessions read again after a create, a touch and a delete show each", async () => {
      const account = freshAccount();
      const record = (seconds: number) => newAppSessionRecord(account, {}, at(seconds));
      const listIds = async () =>
        (await store.listAppSessions(account, { limit: 10 }, at(10))).sessions.map((s) => s.id);
      const first = await store.createAppSession(record(0));
      expect(await listIds()).toEqual([first.id]);
      const second = await store.createAppSession(record(1));
      expect(await listIds()).toEqual([second.id, first.id]);
      expect((await store.findAppSession(account, first.id, at(10)))?.last_active).toEqual(at(0));
      expect((await store.findAppSession(account, first.id, at(10)))?.last_active).toEqual(at(0));
      await store.touchAppSession(account, first.id, at(5));
      expect((await store.findAppSession(account, first.id, at(10)))?.last_active).toEqual(at(5));
      expect(await store.deleteAppSession(account, first.id, at(10))).toBe(true);
      expect(await store.findAppSession(account, first.id, at(10))).toBeNull();
      expect(await listIds()).toEqual([second.id]);
    });

    test("purges sessions expired or terminated over 24 hours ago and nothing younger", async () => {
      const account = freshAccount();
      const day = 24 * 3600;
      // ten days after the other tests' sessions, so the first purge clears those and counts only these
      const base = 10 * day;
      const expiring = (await report(store, account, user("sub_purge", "e", 1), at(base))).session;
      const terminated = (await report(store, account, user("sub_purge", "t", 60), at(base))).session;
      await store.terminateSession(account, "residential", terminated.id, at(base + 30));
      await store.purge(at(base + 30 + day - 1));
      expect(
        await store.findSession(account, "residential", terminated.id, at(base + 30 + day - 1)),
      ).not.toBeNull();
      expect(await store.purge(at(base + 30 + day))).toEqual({ sessions: 1, appSessions: 0 });
      expect(await store.purge(at(base + 60 + day - 1))).toEqual({ sessions: 0, appSessions: 0 });
      expect(await store.purge(at(base + 60 + day))).toEqual({ sessions: 1, appSessions: 0 });
      expect(await store.findSession(account, "residential", expiring.id, at(base))).toBeNull();
    });

    test("the clock offset lives in the database", async () => {
      const before = await store.clockOffsetSeconds();
      expect(await store.advanceClock(60)).toBe(before + 60);
      expect(await store.clockOffsetSeconds()).toBe(before + 60);
    });
  },
);

describe.skipIf(postgresUrl === null)("several SessionStores over one PostgreSQL database", () => {
  let backend: StoreBackend;
  let stores: SessionStore[] = [];
  beforeAll(async () => {
    backend = postgresBackend();
    // several instances starting together: the advisory lock makes them apply the migrations once
    stores = await Promise.all([backend.open(), backend.open(), backend.open()]);
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await backend?.dispose();
  });

  test("share the test clock", async () => {
    const [a, b] = stores as [SessionStore, SessionStore];
    const offset = await a.advanceClock(3600);
    expect(await b.clockOffsetSeconds()).toBe(offset);
  });

  test("start one session when the first reports of a username arrive together", async () => {
    const account = freshAccount();
    const name = user("sub_race", "together");
    const results = await Promise.all(
      stores.flatMap((store) => [report(store, account, name, at(0)), report(store, account, name, at(0))]),
    );
    expect(new Set(results.map((result) => result.session.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const final = await stores[0]?.findSession(account, "residential", results[0]?.session.id ?? "", at(1));
    expect(final?.requests).toBe(results.length);
  });

  test("count every report once when instances report the same usernames at once, in opposite orders", async () => {
    const account = freshAccount();
    const names = Array.from({ length: 12 }, (_, i) => user("sub_crossed", `c${i}`));
    const [a, b] = stores as [SessionStore, SessionStore];
    // each store now knows every username's session, and sends its next reports to it by id
    for (const store of [a, b]) await Promise.all(names.map((name) => report(store, account, name, at(0))));
    const reversed = [...names].reverse();
    for (let round = 1; round <= 5; round++) {
      await Promise.all([
        ...names.map((name) => report(a, account, name, at(round))),
        ...reversed.map((name) => report(b, account, name, at(round))),
      ]);
    }
    const page = await a.listSessions(
      { account, product: "residential", status: "all", subuser: "sub_crossed", limit: 50 },
      at(6),
    );
    expect(page.sessions).toHaveLength(names.length);
    expect(page.sessions.map((session) => session.requests)).toEqual(names.map(() => 12));
  });
});

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
