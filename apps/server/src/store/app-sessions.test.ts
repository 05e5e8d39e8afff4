import { expect, test } from "vitest";
import { describeEachStore } from "../../test/store-backends.js";
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
