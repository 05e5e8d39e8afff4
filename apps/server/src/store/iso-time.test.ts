import { describe, expect, test } from "vitest";
import { isoTime } from "./iso-time.js";

describe("isoTime", () => {
  test.each([
    ["2026-05-28 07:00:00", "2026-05-28T07:00:00.000Z"],
    ["2026-05-28 07:00:00.1", "2026-05-28T07:00:00.100Z"],
    ["2026-05-28 07:00:00.12", "2026-05-28T07:00:00.120Z"],
    ["2026-05-28 07:00:00.123", "2026-05-28T07:00:00.123Z"],
    ["2026-05-28 07:00:00.123999", "2026-05-28T07:00:00.123Z"],
    ["2026-05-28T23:59:59.5", "2026-05-28T23:59:59.500Z"],
  ])("writes %s as toISOString would", (utc, expected) => {
    expect(isoTime(utc)).toBe(expected);
    expect(isoTime(utc)).toBe(new Date(`${utc.replace(" ", "T")}Z`).toISOString());
  });
});
