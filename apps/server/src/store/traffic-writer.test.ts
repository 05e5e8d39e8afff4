import { parseUsername } from "@sessions-api/username";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import {
  describeEachStore,
  postgresBackend,
  postgresUrl,
  type StoreBackend,
} from "../../test/store-backends.js";
import { at, freshAccount, iso, report, trafficInput, user } from "../../test/store-reports.js";
import { GroupCommit } from "./group-commit.js";
import { migrate } from "./migrate.js";
import type { SessionStore } from "./session-store.js";
import { reportToSessionsSql } from "./traffic-sql.js";

describeEachStore("traffic reports of SessionStore on %s", (opened) => {
  test("reports to known sessions find each by its primary key, on a generic plan made for a table of some size", async () => {
    await migrate(opened.db);
    const rolledBack = new Error("rolled back: the rows were only for the planner");
    let plan = "";
    await opened.db
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

  test("a session keeps the newest samples across reports of any size, newest first", async () => {
    const account = freshAccount();
    const name = user("sub_samples", "a");
    const parsed = parseUsername(name);
    await opened.store.ensureSubuser(account, parsed.subuser, at(0));
    const send = (seconds: number, hosts: string[]) =>
      opened.store.reportTraffic({
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
    expect(await opened.store.findSession(account, "residential", first.session.id, at(2))).toEqual(
      third.session,
    );
  });

  test("reports that arrive together are written together, each to its own username's session", async () => {
    const account = freshAccount();
    const names = ["a", "b", "c"].map((id) => user("sub_together", id));
    await opened.store.ensureSubuser(account, "sub_together", at(0));
    const send = (name: string, hosts: string[], seconds = 0) =>
      opened.store.reportTraffic({
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
      expect(await opened.store.findSession(account, "residential", session.id, at(3))).toEqual(session);
    }
  });

  test("bytes_used stops at the int64 maximum instead of failing the report", async () => {
    const account = freshAccount();
    const name = user("sub_bytes", "big");
    await opened.store.ensureSubuser(account, "sub_bytes", at(0));
    const send = (seconds: number) =>
      opened.store.reportTraffic({
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
    await opened.store.ensureSubuser(account, "sub_alone", at(0));
    // nobody claimed this sub-user: the store refuses a session for it
    const orphan = user("sub_unclaimed", "x");
    const results = await Promise.allSettled(
      [good, orphan].map((name) =>
        opened.store.reportTraffic({
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
    expect(await opened.store.findSession(account, "residential", written?.id ?? "", at(1))).toEqual(written);
  });

  test("a username's next report goes to its live session, and starts a new one once that is terminated or expired", async () => {
    const account = freshAccount();
    const name = user("sub_next", "n", 1);
    const first = await report(opened.store, account, name, at(0));
    const second = await report(opened.store, account, name, at(10));
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.session).toMatchObject({ id: first.session.id, requests: 2, bytes_used: 20 });
    await opened.store.terminateSession(account, "residential", first.session.id, at(20));
    const afterTermination = await report(opened.store, account, name, at(30));
    expect(afterTermination.created).toBe(true);
    expect(afterTermination.session).toMatchObject({ requests: 1, status: "active" });
    expect(afterTermination.session.id).not.toBe(first.session.id);
    expect(afterTermination.session.exit_ip).not.toBe(first.session.exit_ip);
    expect((await report(opened.store, account, name, at(40))).session.id).toBe(afterTermination.session.id);
    // sesstime 1: the session of 30 s is over at 90 s
    const afterExpiry = await report(opened.store, account, name, at(90));
    expect(afterExpiry.created).toBe(true);
    expect(afterExpiry.session.id).not.toBe(afterTermination.session.id);
    expect(await opened.store.findSession(account, "residential", first.session.id, at(90))).toMatchObject({
      status: "terminated",
      requests: 2,
    });
    expect(
      await opened.store.findSession(account, "residential", afterTermination.session.id, at(89)),
    ).toMatchObject({ status: "active", requests: 2 });
  });

  test("a username's reports land in the order they came, also while its first one starts the session", async () => {
    const account = freshAccount();
    const name = user("sub_order", "o");
    await opened.store.ensureSubuser(account, "sub_order", at(0));
    const send = (host: string) => opened.store.reportTraffic(trafficInput(account, name, at(0), { host }));
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
    const liveSession = (await report(opened.store, account, live as string, at(0))).session;
    const overSession = (await report(opened.store, account, over as string, at(0))).session;
    await opened.store.terminateSession(account, "residential", overSession.id, at(1));
    const results = await Promise.all(
      [live, over, fresh].map((name) => report(opened.store, account, name as string, at(2))),
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
    const before = (await report(opened.store, account, good, at(0))).session;
    const orphan = user("sub_unclaimedonce", "x");
    const results = await Promise.allSettled([
      report(opened.store, account, good, at(1)),
      // nobody claims this sub-user: starting its session fails, and with it the statement of the batch
      opened.store.reportTraffic(trafficInput(account, orphan, at(1))),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected"]);
    const after = await opened.store.findSession(account, "residential", before.id, at(2));
    expect(after).toMatchObject({ requests: 2, bytes_used: 20 });
    expect(after?.samples).toHaveLength(2);
  });
});

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
