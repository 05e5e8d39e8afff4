import { describe, expect, test } from "vitest";
import { newRequestId, newSessionId, ulidFactory } from "./ids.js";

const crockford = /^[0-9A-HJKMNP-TV-Z]+$/;

describe("ulidFactory", () => {
  test("an id is 26 Crockford base-32 digits, the first ten the time in milliseconds", () => {
    const id = ulidFactory()(Date.parse("2026-05-28T07:00:00.000Z"));
    expect(id).toHaveLength(26);
    expect(id).toMatch(crockford);
    expect(id.slice(0, 10)).toBe("01KSPP40C0");
  });

  test("ids made in one millisecond sort in the order they were made, and differ", () => {
    const next = ulidFactory();
    const ids = Array.from({ length: 1_000 }, () => next(1_780_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.slice(0, 10))).size).toBe(1);
  });

  test("a later millisecond sorts after, and a time earlier than the last keeps the last time", () => {
    const next = ulidFactory();
    const first = next(1_780_000_000_000);
    const later = next(1_780_000_000_001);
    const earlier = next(1_779_999_999_000);
    expect(first < later).toBe(true);
    expect(later < earlier).toBe(true);
    expect(earlier.slice(0, 10)).toBe(later.slice(0, 10));
  });

  test("two generators draw different random parts for the same millisecond", () => {
    const time = 1_780_000_000_000;
    expect(ulidFactory()(time).slice(10)).not.toBe(ulidFactory()(time).slice(10));
  });
});

describe("ids", () => {
  test("a request id is req_ and a ULID; a session id is ses_ and 12 base-32 digits", () => {
    expect(newRequestId()).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newSessionId()).toMatch(/^ses_[0-9A-HJKMNP-TV-Z]{12}$/);
  });
});
