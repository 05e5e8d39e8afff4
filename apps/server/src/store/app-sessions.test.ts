import { expect, test } from "vitest";
import { describeEachStore, describeTwoInstances } from "../../test/store-backends.js";
import { at, freshAccount } from "../../test/store-reports.js";
import { newAppSessionRecord } from "../app-session-routes.js";

describeEachStore("application sessions of SessionStore on %s", (opened) => {
  test("application sessions read again after a create, a touch and a delete show each", async () => {
    const account = freshAccount();
    const record = (seconds: number) => newAppSessionRecord(account, {}, at(seconds));
    const listIds = async () =>
      (await opened.store.listAppSessions(account, { limit: 10 }, at(10))).sessions.map((s) => s.id);
    const first = await opened.store.createAppSession(record(0));
    expect(await listIds()).toEqual([first.id]);
    const second = await opened.store.createAppSession(record(1));
    expect(await listIds()).toEqual([second.id, first.id]);
    expect((await opened.store.findAppSession(account, first.id, at(10)))?.last_active).toEqual(at(0));
    expect((await opened.store.findAppSession(account, first.id, at(10)))?.last_active).toEqual(at(0));
    await opened.store.touchAppSession(account, first.id, at(5));
    expect((await opened.store.findAppSession(account, first.id, at(10)))?.last_active).toEqual(at(5));
    expect(await opened.store.deleteAppSession(account, first.id, at(10))).toBe(true);
    expect(await opened.store.findAppSession(account, first.id, at(10))).toBeNull();
    expect(await listIds()).toEqual([second.id]);
  });
});

describeTwoInstances("application sessions read at the account's clock over PostgreSQL", (opened) => {
  test("a read whose statement reads the clock sees a move another instance acknowledged, and only its account's", async () => {
    const { writer, reader } = opened;
    const [moved, still] = [freshAccount(), freshAccount()];
    // created at second 0, for 60 s: live until second 60, excluded
    const [a, b] = await Promise.all(
      [moved, still].map((account) =>
        writer.createAppSession(newAppSessionRecord(account, { ttl_seconds: 60 }, at(0))),
      ),
    );
    const read = async (account: string, id: string) => ({
      one: (await reader.findAppSession(account, id, { accountClockAt: at(1) }))?.id ?? null,
      list: (await reader.listAppSessions(account, { limit: 10 }, { accountClockAt: at(1) })).sessions.map(
        (s) => s.id,
      ),
      anchor: await reader.isPagingAnchor(account, id, { accountClockAt: at(1) }),
    });
    const [aId, bId] = [a?.id ?? "", b?.id ?? ""];
    expect(await read(moved, aId)).toEqual({ one: aId, list: [aId], anchor: true });
    await writer.advanceClock(moved, 59);
    // at(1) plus 59 s is second 60: expired on the moved account's clock, still an anchor for 24 h more
    expect(await read(moved, aId)).toEqual({ one: null, list: [], anchor: true });
    expect(await read(still, bId)).toEqual({ one: bId, list: [bId], anchor: true });
    await writer.advanceClock(moved, 86_400);
    expect((await read(moved, aId)).anchor).toBe(false);
  });
});
