import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  describeEachStore,
  postgresBackend,
  postgresUrl,
  type StoreBackend,
} from "../../test/store-backends.js";
import { freshAccount } from "../../test/store-reports.js";
import type { SessionStore } from "./session-store.js";

describeEachStore("the accounts' clocks of SessionStore on %s", (opened) => {
  test("each account's clock offset lives in the database and moves alone", async () => {
    const [mine, theirs] = [freshAccount(), freshAccount()];
    expect(await opened.store.clockOffsetSeconds(mine)).toBe(0);
    expect(await opened.store.advanceClock(mine, 60)).toBe(60);
    expect(await opened.store.advanceClock(mine, 30)).toBe(90);
    expect(await opened.store.clockOffsetSeconds(mine)).toBe(90);
    expect(await opened.store.clockOffsetSeconds(theirs)).toBe(0);
    if (opened.db.kind === "postgres") {
      const [row] = await opened.db.query<{ offset_seconds: string | number }>(
        "SELECT offset_seconds FROM account_clocks WHERE account = $1",
        [mine],
      );
      expect(Number(row?.offset_seconds)).toBe(90);
    }
  });

  test("an advance past the bound it is given moves nothing", async () => {
    const account = freshAccount();
    expect(await opened.store.advanceClock(account, 101, 100)).toBeNull();
    expect(await opened.store.clockOffsetSeconds(account)).toBe(0);
    expect(await opened.store.advanceClock(account, 100, 100)).toBe(100);
    expect(await opened.store.advanceClock(account, 1, 100)).toBeNull();
    expect(await opened.store.clockOffsetSeconds(account)).toBe(100);
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

  test("agree on each account's test clock", async () => {
    const [a, b] = stores as [SessionStore, SessionStore];
    const [mine, theirs] = [freshAccount(), freshAccount()];
    expect(await b.clockOffsetSeconds(mine)).toBe(0);
    expect(await a.advanceClock(mine, 3600)).toBe(3600);
    expect(await b.clockOffsetSeconds(mine)).toBe(3600);
    expect(await b.advanceClock(mine, 60)).toBe(3660);
    expect(await a.clockOffsetSeconds(mine)).toBe(3660);
    expect(await a.clockOffsetSeconds(theirs)).toBe(0);
  });
});
