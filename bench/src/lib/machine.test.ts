import { describe, expect, test } from "vitest";
import { measureStalls, summarizeStalls } from "./machine.js";

describe("stalls of a busy thread", () => {
  test("are counted over 1 ms and over 5 ms, with the worst and the share of the run they took", () => {
    expect(summarizeStalls([1.5, 9.14, 3], 10)).toEqual({
      seconds: 10,
      over_1ms: 3,
      over_5ms: 1,
      worst_ms: 9.1,
      lost_percent: 0.14,
    });
    expect(summarizeStalls([], 3)).toEqual({
      seconds: 3,
      over_1ms: 0,
      over_5ms: 0,
      worst_ms: 0,
      lost_percent: 0,
    });
  });

  test("are measured in a child process that spins for the time asked", async () => {
    const started = performance.now();
    const stalls = await measureStalls(0.5);
    expect(performance.now() - started).toBeGreaterThanOrEqual(500);
    expect(stalls.seconds).toBe(0.5);
    expect(stalls.over_5ms).toBeLessThanOrEqual(stalls.over_1ms);
    expect(stalls.lost_percent).toBeLessThan(100);
  });
});
