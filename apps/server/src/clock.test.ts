import { describe, expect, test } from "vitest";
import { CLOCK_LIMIT_MS, ServerClock } from "./clock.js";

// the store's side of the clocks: an offset per account that moves only within the bound it is given
function offsetStore(kind: "pglite" | "postgres" = "pglite") {
  const offsets = new Map<string, number>();
  return {
    kind,
    reads: 0,
    async clockOffsetSeconds(account: string) {
      this.reads += 1;
      return offsets.get(account) ?? 0;
    },
    advanceClock: async (account: string, seconds: number, maxOffsetSeconds = Number.MAX_SAFE_INTEGER) => {
      const offset = (offsets.get(account) ?? 0) + seconds;
      if (offset > maxOffsetSeconds) return null;
      offsets.set(account, offset);
      return offset;
    },
  };
}

describe("ServerClock", () => {
  test("reads real time plus the account's offset", async () => {
    const real = { now: Date.parse("2026-05-28T07:00:00.000Z") };
    const clock = new ServerClock(offsetStore(), () => real.now);
    expect(await clock.advance("acct_a", 90)).toEqual({
      now: new Date(real.now + 90_000),
      offsetSeconds: 90,
    });
    real.now += 1000;
    expect(await clock.read("acct_a")).toEqual({ now: new Date(real.now + 90_000), offsetSeconds: 90 });
  });

  test("moves only the account it is asked to: another reads real time", async () => {
    const real = { now: Date.parse("2026-05-28T07:00:00.000Z") };
    const clock = new ServerClock(offsetStore(), () => real.now);
    await clock.advance("acct_a", 3600);
    expect(await clock.read("acct_b")).toEqual({ now: new Date(real.now), offsetSeconds: 0 });
    expect(clock.realTime()).toEqual(new Date(real.now));
  });

  test("stays at its limit as real time goes on after an advance there, and refuses to move further", async () => {
    const real = { now: Date.parse("2026-05-28T07:00:00.000Z") };
    const clock = new ServerClock(offsetStore(), () => real.now);
    const toLimit = (CLOCK_LIMIT_MS - real.now) / 1000;
    expect((await clock.advance("acct_a", toLimit))?.now.getTime()).toBe(CLOCK_LIMIT_MS);
    real.now += 3_600_000;
    expect((await clock.now("acct_a")).getTime()).toBe(CLOCK_LIMIT_MS);
    expect(await clock.advance("acct_a", 1)).toBeNull();
    expect((await clock.now("acct_a")).getTime()).toBe(CLOCK_LIMIT_MS);
  });

  test("an advance that stops short of the limit is not carried past it by real time", async () => {
    const real = { now: Date.parse("2026-05-28T07:00:00.000Z") };
    const clock = new ServerClock(offsetStore(), () => real.now);
    await clock.advance("acct_a", (CLOCK_LIMIT_MS - real.now) / 1000 - 10);
    real.now += 60_000;
    expect((await clock.now("acct_a")).getTime()).toBe(CLOCK_LIMIT_MS);
  });
  test("a read's time: the account's time on the embedded store; over PostgreSQL its clock at real time, left to the read's statement", async () => {
    const real = { now: Date.parse("2026-05-28T07:00:00.000Z") };
    const embedded = new ServerClock(offsetStore("pglite"), () => real.now);
    await embedded.advance("acct_a", 60);
    expect(await embedded.readTime("acct_a")).toEqual(new Date(real.now + 60_000));
    const store = offsetStore("postgres");
    const shared = new ServerClock(store, () => real.now);
    await shared.advance("acct_a", 60);
    expect(await shared.readTime("acct_a")).toEqual({ accountClockAt: new Date(real.now) });
    expect(store.reads).toBe(0);
  });
});
