import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { postgresUrl, type StoreBackend, storeBackends } from "../../test/store-backends.js";
import { at, freshAccount, report, user } from "../../test/store-reports.js";
import type { SessionStore } from "./session-store.js";

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
    beforeAll(async () => {
      backend = make();
      store = await backend.open();
    });
    afterAll(async () => {
      await store?.close();
      await backend?.dispose();
    });

    test("purges sessions expired or terminated over 24 hours ago and nothing younger", async () => {
      const account = freshAccount();
      const day = 24 * 3600;
      // ten days on: the first purge clears every earlier session of the store and counts only these
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

    test("purges each account's records at that account's own time", async () => {
      const [moved, still] = [freshAccount(), freshAccount()];
      const day = 24 * 3600;
      // a thousand days on: the first purge clears the other tests' sessions, which are not counted here
      const base = 1000 * day;
      const [movedSession, stillSession] = [
        (await report(store, moved, user("sub_clock", "m"), at(base))).session,
        (await report(store, still, user("sub_clock", "s"), at(base))).session,
      ];
      await store.purge(at(base));
      await store.terminateSession(moved, "residential", movedSession.id, at(base + 10));
      await store.terminateSession(still, "residential", stillSession.id, at(base + 10));
      // `moved` is a day and a minute ahead of real time, `still` at real time
      await store.advanceClock(moved, day + 60);
      expect(await store.purge(at(base + 10))).toEqual({ sessions: 1, appSessions: 0 });
      expect(await store.findSession(moved, "residential", movedSession.id, at(base + 10))).toBeNull();
      expect(await store.findSession(still, "residential", stillSession.id, at(base + 10))).not.toBeNull();
    });
  },
);
