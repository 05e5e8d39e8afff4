import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type StoreBackend, storeBackends } from "../../test/store-backends.js";
import { at, freshAccount } from "../../test/store-reports.js";
import { newAppSessionRecord } from "../app-session-routes.js";
import type { SessionStore } from "./session-store.js";

describe.each(storeBackends().map((make) => [make().name, make] as const))(
  "application sessions of SessionStore on %s",
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
  },
);
