import { describe, expect, test } from "vitest";
import { CLOCK_LIMIT_MS, ServerClock } from "./clock.js";

// the store's side of the clock: an offset that moves only within the bound it is given
function offsetStore() {
  let offset = 0;
  return {
    clockOffsetSeconds: async () => offset,
    advanceClock: async (seconds: number, maxOffsetSeconds = Number.MAX_SAFE_INTEGER) => {
      if (offset + seconds > maxOffsetSeconds) return null;
      offset += seconds;
      return offset;
    },
  };
}

describe("ServerClock", () => {
  test("reads real time plus the offset", async () => {
    const real = { now: Date.parse("2026-05-28T07:00:00.000Z") };
    const clock = new ServerClock(offsetStore(), () => real.now);
    expect(await clock.advance(90)).toEqual({ now: new Date(real.now + 90_000), offsetSeconds: 90 });
    real.now += 1000;
    expect(await clock.read()).toEqual({ now: new Date(real.now + 90_000), offsetSeconds: 90 });
  });

  test("stays at its limit as real time goes on after an advance there, and refuses to move further", async () => {
    const real = { now: Date.parse("2026-05-28T07:00:00.000Z") };
    const clock = new ServerClock(offsetStore(), () => real.now);
    const toLimit = (CLOCK_LIMIT_MS - real.now) / 1000;
    expect((await clock.advance(toLimit))?.now.getTime()).toBe(CLOCK_LIMIT_MS);
    real.now += 3_600_000;
    expect((await clock.now()).getTime()).toBe(CLOCK_LIMIT_MS);
    expect(await clock.advance(1)).toBeNull();
    expect((await clock.now()).getTime()).toBe(CLOCK_LIMIT_MS);
  });

  test("an advance that stops short of the limit is not carried past it by real time", async () => {
    const real = { now: Date.parse("2026-05-28T07:00:00.000Z") };
    const clock = new ServerClock(offsetStore(), () => real.now);
    await clock.advance((CLOCK_LIMIT_MS - real.now) / 1000 - 10);
    real.now += 60_000;
    expect((await clock.now()).getTime()).toBe(CLOCK_LIMIT_MS);
  });
});
