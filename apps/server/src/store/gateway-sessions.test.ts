import { expect, test } from "vitest";
import { describeEachStore, describeTwoInstances, pgliteBackend } from "../../test/store-backends.js";
import { at, freshAccount, report, user } from "../../test/store-reports.js";
import { listSessionsStatement } from "./gateway-sessions.js";
import { migrate } from "./migrate.js";
import type { SessionStore } from "./session-store.js";
import type { SessionListQuery } from "./store-types.js";

describeEachStore("gateway sessions of SessionStore on %s", (opened) => {
  test("the store's own list statement is answered from an index, with no sort step, for every filter and a cursor, also by a generic plan", async () => {
    await migrate(opened.db);
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
    const plans = await opened.db.transaction(async (tx) => {
      // with a handful of rows the planner would rightly prefer a scan; forbid it to see the index serve
      await tx.query("SET LOCAL enable_seqscan = off");
      const plans: string[] = [];
      // at a known time, and at the account's clock read by the statement itself (over PostgreSQL)
      for (const [query, time] of queries.flatMap((q) => [
        [q, at(0)] as const,
        [q, { accountClockAt: at(0) }] as const,
      ])) {
        const statement = listSessionsStatement(
          { account: "a", product: "residential", status: "active", limit: 50, ...query },
          time,
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
    expect(plans).toHaveLength(4 * queries.length);
    for (const plan of plans) expect(plan).toMatch(/Index Scan|Index Only Scan/);
    for (const plan of plans) expect(plan).not.toMatch(/Sort/);
  });

  test("pages by (started_at, id) without repeats or gaps, also among sessions started at the same instant", async () => {
    const account = freshAccount();
    const ids: string[] = [];
    for (let i = 0; i < 9; i++)
      ids.push(
        (await report(opened.store, account, user("sub_page", `s${i}`), at(i < 5 ? 0 : 1))).session.id,
      );
    const expected = [...ids.slice(5).sort().reverse(), ...ids.slice(0, 5).sort().reverse()];
    const seen: string[] = [];
    let after: { startedAt: string; id: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await opened.store.listSessions(
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
      ids.push((await report(opened.store, account, user("sub_stable", `s${i}`), at(i))).session.id);
    const newestFirst = [...ids].reverse();
    const query = { account, product: "residential" as const, status: "all" as const, limit: 3 };
    const first = await opened.store.listSessions(query, at(10));
    await report(opened.store, account, user("sub_stable", "late"), at(11));
    await opened.store.terminateSession(account, "residential", newestFirst[4] as string, at(11));
    const second = await opened.store.listSessions({ ...query, after: first.next ?? undefined }, at(12));
    expect([...first.sessions, ...second.sessions].map((s) => s.id)).toEqual(newestFirst);
    expect(second.next).toBeNull();
  });

  test("filters by every list filter and by the key's sub-user scope", async () => {
    const account = freshAccount();
    const a = (
      await report(opened.store, account, "user-sub_scope1-region-us-asn-7922-session-a-sesstime-30", at(0))
    ).session;
    const b = (await report(opened.store, account, "user-sub_scope2-region-de-session-b-sesstime-30", at(1)))
      .session;
    await report(opened.store, account, "user-sub_scope2-region-de-session-b-sesstime-30", at(2), true);
    const ids = async (filters: Partial<Parameters<SessionStore["listSessions"]>[0]>) =>
      (
        await opened.store.listSessions(
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
    const { session } = await report(opened.store, account, user("sub_term", "a"), at(0));
    const first = await opened.store.terminateSession(account, "residential", session.id, at(5));
    const again = await opened.store.terminateSession(account, "residential", session.id, at(9));
    expect(first?.terminated_at).toBe(at(5).toISOString());
    expect(again).toEqual(first);
    expect(await opened.store.terminateSession("acct_nobody", "residential", session.id, at(9))).toBeNull();
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
    const { session } = await report(opened.store, account, user("sub_reread", "a"), at(0));
    const get = () => opened.store.findSession(account, "residential", session.id, at(2));
    expect((await twice(get))?.requests).toBe(1);
    expect(
      (await twice(() => opened.store.listSessions(query, at(2)))).sessions.map((s) => s.requests),
    ).toEqual([1]);
    await report(opened.store, account, user("sub_reread", "a"), at(1));
    expect((await twice(get))?.requests).toBe(2);
    expect(
      (await twice(() => opened.store.listSessions(query, at(2)))).sessions.map((s) => s.requests),
    ).toEqual([2]);
    await opened.store.terminateSession(account, "residential", session.id, at(2));
    expect((await twice(get))?.status).toBe("terminated");
    expect(
      (await twice(() => opened.store.listSessions(query, at(2)))).sessions.map((s) => s.status),
    ).toEqual(["terminated"]);
    const other = await report(opened.store, account, user("sub_reread", "b"), at(2));
    expect((await twice(() => opened.store.listSessions(query, at(2)))).sessions.map((s) => s.id)).toEqual([
      other.session.id,
      session.id,
    ]);
  });

  test("a report drops its own session's cached reads, and on the embedded store no other session's", async () => {
    const account = freshAccount();
    const a = (await report(opened.store, account, user("sub_drop", "a"), at(0))).session;
    const b = (await report(opened.store, account, user("sub_drop", "b"), at(1))).session;
    const query = { account, product: "residential" as const, status: "active" as const, limit: 10 };
    // asked twice: the embedded store keeps a page from its second read
    await opened.store.listSessions(query, at(2));
    const before = await opened.store.listSessions(query, at(2));
    expect(before.sessions.map((s) => [s.id, s.requests])).toEqual([
      [b.id, 1],
      [a.id, 1],
    ]);
    expect((await opened.store.findSession(account, "residential", a.id, at(2)))?.requests).toBe(1);
    await report(opened.store, account, user("sub_drop", "a"), at(2));
    const after = await opened.store.listSessions(query, at(2));
    expect(after.sessions.map((s) => [s.id, s.requests])).toEqual([
      [b.id, 1],
      [a.id, 2],
    ]);
    expect((await opened.store.findSession(account, "residential", a.id, at(2)))?.requests).toBe(2);
    expect(JSON.stringify(after.sessions)).toContain(`"id":"${a.id}","product"`);
    // the page kept its members and b as it was read: one session's write dropped one session's reads
    if (opened.store.kind === "pglite") expect(after.sessions[0]).toBe(before.sessions[0]);
  });

  test("a report that reassigns the exit IP shows in the lists filtered by repinned", async () => {
    const account = freshAccount();
    const name = user("sub_repin", "a");
    const { session } = await report(opened.store, account, name, at(0));
    const repinned = {
      account,
      product: "residential" as const,
      status: "all" as const,
      limit: 10,
      repinned: true,
    };
    expect((await opened.store.listSessions(repinned, at(1))).sessions).toEqual([]);
    expect((await opened.store.listSessions({ ...repinned, repinned: false }, at(1))).sessions).toHaveLength(
      1,
    );
    await report(opened.store, account, name, at(1), true);
    expect((await opened.store.listSessions(repinned, at(1))).sessions.map((s) => s.id)).toEqual([
      session.id,
    ]);
    expect((await opened.store.listSessions({ ...repinned, repinned: false }, at(1))).sessions).toEqual([]);
  });

  test("a session leaves reads at the moment it expires, and a page takes the next one in", async () => {
    const account = freshAccount();
    // started at second 1 with sesstime 1 (minute): live until second 61, excluded
    const short = (await report(opened.store, account, user("sub_expire", "s", 1), at(1))).session;
    const long = (await report(opened.store, account, user("sub_expire", "l", 30), at(0))).session;
    const query = { account, product: "residential" as const, status: "active" as const, limit: 1 };
    const page = (seconds: number) => opened.store.listSessions(query, at(seconds));
    const get = (seconds: number) => opened.store.findSession(account, "residential", short.id, at(seconds));
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
});

describeTwoInstances("gateway sessions read through several SessionStores over one PostgreSQL", (opened) => {
  test("a read on one instance sees every write another instance acknowledged before it began", async () => {
    const { writer, reader } = opened;
    const account = freshAccount();
    const name = user("sub_across", "a");
    const query = { account, product: "residential" as const, status: "all" as const, limit: 10 };
    const ids = async () =>
      (await reader.listSessions(query, at(5))).sessions.map((s) => [s.id, s.requests, s.status]);
    const { session } = await report(writer, account, name, at(0));
    // the reader has read the page and the session, twice, before each of the writer's writes
    for (let i = 0; i < 2; i++) expect(await ids()).toEqual([[session.id, 1, "active"]]);
    await report(writer, account, name, at(1));
    expect(await ids()).toEqual([[session.id, 2, "active"]]);
    expect((await reader.findSession(account, "residential", session.id, at(5)))?.requests).toBe(2);
    await writer.terminateSession(account, "residential", session.id, at(2));
    expect(await ids()).toEqual([[session.id, 2, "terminated"]]);
    expect((await reader.findSession(account, "residential", session.id, at(5)))?.status).toBe("terminated");
    const other = (await report(writer, account, user("sub_across", "b"), at(3))).session;
    expect((await ids()).map(([id]) => id)).toEqual([other.id, session.id]);
  });

  test("a read at the account's clock sees a move of that clock another instance acknowledged, in its own statement", async () => {
    const { writer, reader } = opened;
    const [moved, still] = [freshAccount(), freshAccount()];
    // started at second 1 with sesstime 1 (minute): live until second 61, excluded
    const started = await Promise.all(
      [moved, still].map(
        async (account) => (await report(writer, account, user("sub_clock", "s", 1), at(1))).session,
      ),
    );
    const read = async (account: string, id: string) => ({
      one: (await reader.findSession(account, "residential", id, { accountClockAt: at(2) }))?.id ?? null,
      page: (
        await reader.listSessions(
          { account, product: "residential", status: "active", limit: 10 },
          { accountClockAt: at(2) },
        )
      ).sessions.map((s) => s.id),
    });
    const [movedId, stillId] = started.map((session) => session.id) as [string, string];
    expect(await read(moved, movedId)).toEqual({ one: movedId, page: [movedId] });
    await writer.advanceClock(moved, 59);
    // real time at(2) plus 59 s is second 61: the session has expired on the moved account's clock only
    expect(await read(moved, movedId)).toEqual({ one: null, page: [] });
    expect(await read(still, stillId)).toEqual({ one: stillId, page: [stillId] });
    // nor does status all list it: an expired session leaves every read (a terminated one stays 24 h)
    const all = await reader.listSessions(
      { account: moved, product: "residential", status: "all", limit: 10 },
      { accountClockAt: at(2) },
    );
    expect(all.sessions.map((s) => s.id)).toEqual([]);
  });
});

test("the embedded store, which caches, refuses a read whose time is left to its statement", async () => {
  const backend = pgliteBackend();
  const store = await backend.open();
  try {
    const query = {
      account: freshAccount(),
      product: "residential" as const,
      status: "active" as const,
      limit: 1,
    };
    await expect(store.listSessions(query, { accountClockAt: at(0) })).rejects.toThrow(/PostgreSQL only/);
  } finally {
    await store.close();
    await backend.dispose();
  }
});
