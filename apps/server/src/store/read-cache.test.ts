import { describe, expect, test } from "vitest";
import { ReadCache } from "./read-cache.js";

const t0 = Date.parse("2026-05-28T07:00:00.000Z");
const at = (ms: number) => new Date(t0 + ms);

function cacheWith(value: unknown, validUntil = t0 + 1000, options: { maxRows?: number } = {}) {
  const cache = new ReadCache(options);
  cache.set("acct_a", "k", value, {
    generation: cache.generation("acct_a"),
    now: at(0),
    validUntil,
    rows: 1,
  });
  return cache;
}

describe("ReadCache", () => {
  test("answers from the moment of the read until validUntil, excluded", () => {
    const cache = cacheWith({ id: "ses_1" });
    expect(cache.get("acct_a", "k", at(0))).toEqual({ id: "ses_1" });
    expect(cache.get("acct_a", "k", at(999))).toEqual({ id: "ses_1" });
    expect(cache.get("acct_a", "k", at(1000))).toBeUndefined();
    // and the expired entry is gone for good
    expect(cache.get("acct_a", "k", at(500))).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, rows: 0 });
  });

  test("does not answer for a time before the read, which may have seen rows the read no longer did", () => {
    const cache = cacheWith({ id: "ses_1" });
    expect(cache.get("acct_a", "k", at(-1))).toBeUndefined();
    expect(cache.get("acct_a", "k", at(0))).toEqual({ id: "ses_1" });
  });

  test("keys are per account", () => {
    const cache = cacheWith({ id: "ses_1" });
    expect(cache.get("acct_b", "k", at(0))).toBeUndefined();
  });

  test("a write to an account drops its answers and no other account's", () => {
    const cache = cacheWith("a");
    cache.set("acct_b", "k", "b", {
      generation: cache.generation("acct_b"),
      now: at(0),
      validUntil: t0 + 1000,
      rows: 1,
    });
    cache.invalidate("acct_a");
    expect(cache.get("acct_a", "k", at(0))).toBeUndefined();
    expect(cache.get("acct_b", "k", at(0))).toBe("b");
  });

  test("a read that began before a write to its account is not kept: it may predate the write", () => {
    const cache = new ReadCache();
    const generation = cache.generation("acct_a");
    cache.invalidate("acct_a");
    cache.set("acct_a", "k", "stale", { generation, now: at(0), validUntil: t0 + 1000, rows: 1 });
    expect(cache.get("acct_a", "k", at(0))).toBeUndefined();
    // a read of another account that began at the same time is kept
    const other = cache.generation("acct_b");
    cache.set("acct_b", "k", "fresh", { generation: other, now: at(0), validUntil: t0 + 1000, rows: 1 });
    expect(cache.get("acct_b", "k", at(0))).toBe("fresh");
  });

  test("clear drops every answer, and reads in flight of accounts never written before", () => {
    const cache = cacheWith("a");
    const inFlight = cache.generation("acct_new");
    cache.clear();
    expect(cache.get("acct_a", "k", at(0))).toBeUndefined();
    cache.set("acct_new", "k", "stale", { generation: inFlight, now: at(0), validUntil: t0 + 1000, rows: 1 });
    expect(cache.get("acct_new", "k", at(0))).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, rows: 0 });
  });

  test("holds at most maxRows rows, dropping the least recently used first", () => {
    const cache = new ReadCache({ maxRows: 3 });
    const keep = (key: string, rows: number) =>
      cache.set("acct_a", key, key, {
        generation: cache.generation("acct_a"),
        now: at(0),
        validUntil: t0 + 1000,
        rows,
      });
    keep("one", 1);
    keep("two", 1);
    keep("three", 1);
    expect(cache.get("acct_a", "one", at(0))).toBe("one"); // now "two" is the least recently used
    keep("four", 1);
    expect(cache.get("acct_a", "two", at(0))).toBeUndefined();
    expect(cache.get("acct_a", "one", at(0))).toBe("one");
    expect(cache.size).toEqual({ entries: 3, rows: 3 });
    keep("huge", 4); // larger than the whole cache: not kept, nothing dropped for it
    expect(cache.get("acct_a", "huge", at(0))).toBeUndefined();
    expect(cache.size).toEqual({ entries: 3, rows: 3 });
  });

  test("what it hands out is frozen, so that no request can change another's answer", () => {
    const cache = cacheWith({ sessions: [{ id: "ses_1", samples: [{ bytes: 1 }] }] });
    const value = cache.get<{ sessions: { id: string; samples: { bytes: number }[] }[] }>(
      "acct_a",
      "k",
      at(0),
    );
    expect(() => {
      // biome-ignore lint/style/noNonNullAssertion: the entry was just set
      value!.sessions[0]!.samples[0]!.bytes = 2;
    }).toThrow(TypeError);
  });
});
