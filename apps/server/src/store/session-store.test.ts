import { describe, expect, test } from "vitest";
import { describeEachStore, postgresUrl } from "../../test/store-backends.js";
import { at, freshAccount, report, user } from "../../test/store-reports.js";

describe("the PostgreSQL half of the store suite", () => {
  test("runs under CI", () => {
    if (process.env.CI === "true") expect(postgresUrl).toMatch(/^postgres/);
  });
});

describeEachStore("SessionStore on %s", (opened) => {
  test("purges sessions expired or terminated over 24 hours ago and nothing younger", async () => {
    const account = freshAccount();
    const day = 24 * 3600;
    // ten days on: the first purge clears every earlier session of the store and counts only these
    const base = 10 * day;
    const expiring = (await report(opened.store, account, user("sub_purge", "e", 1), at(base))).session;
    const terminated = (await report(opened.store, account, user("sub_purge", "t", 60), at(base))).session;
    await opened.store.terminateSession(account, "residential", terminated.id, at(base + 30));
    await opened.store.purge(at(base + 30 + day - 1));
    expect(
      await opened.store.findSession(account, "residential", terminated.id, at(base + 30 + day - 1)),
    ).not.toBeNull();
    expect(await opened.store.purge(at(base + 30 + day))).toEqual({ sessions: 1, appSessions: 0 });
    expect(await opened.store.purge(at(base + 60 + day - 1))).toEqual({ sessions: 0, appSessions: 0 });
    expect(await opened.store.purge(at(base + 60 + day))).toEqual({ sessions: 1, appSessions: 0 });
    expect(await opened.store.findSession(account, "residential", expiring.id, at(base))).toBeNull();
  });

  test("purges each account's records at that account's own time", async () => {
    const [moved, still] = [freshAccount(), freshAccount()];
    const day = 24 * 3600;
    // a thousand days on: the first purge clears the other tests' sessions, which are not counted here
    const base = 1000 * day;
    const [movedSession, stillSession] = [
      (await report(opened.store, moved, user("sub_clock", "m"), at(base))).session,
      (await report(opened.store, still, user("sub_clock", "s"), at(base))).session,
    ];
    await opened.store.purge(at(base));
    await opened.store.terminateSession(moved, "residential", movedSession.id, at(base + 10));
    await opened.store.terminateSession(still, "residential", stillSession.id, at(base + 10));
    // `moved` is a day and a minute ahead of real time, `still` at real time
    await opened.store.advanceClock(moved, day + 60);
    expect(await opened.store.purge(at(base + 10))).toEqual({ sessions: 1, appSessions: 0 });
    expect(await opened.store.findSession(moved, "residential", movedSession.id, at(base + 10))).toBeNull();
    expect(
      await opened.store.findSession(still, "residential", stillSession.id, at(base + 10)),
    ).not.toBeNull();
  });
});
