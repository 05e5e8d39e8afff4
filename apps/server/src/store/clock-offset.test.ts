import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { postgresBackend, postgresUrl, type StoreBackend, storeBackends } from "../../test/store-backends.js";
import type { SessionStore } from "./session-store.js";

describe.each(storeBackends().map((make) => [make().name, make] as const))(
  "the clock offset of SessionStore on %s",
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
});
