import { describe, expect, test } from "vitest";
import { type CacheScope, ReadCache } from "./read-cache.js";

const t0 = Date.parse("2026-05-28T07:00:00.000Z");
const at = (ms: number) => new Date(t0 + ms);
const account: CacheScope = { kind: "account" };
const lists: CacheScope = { kind: "lists" };
const session = (id: string): CacheScope => ({ kind: "session", id });

// a read of `key` that began and ended at once, at t0, valid for a second
function keep(cache: ReadCache, owner: string, key: string, value: unknown, scope = account, rows = 1) {
  const ticket = cache.begin(owner);
  cache.set(ticket, key, value, scope, { now: at(0), validUntil: t0 + 1000, rows });
  cache.end(ticket);
}

function cacheWith(value: unknown, validUntil = t0 + 1000) {
  const cache = new ReadCache();
  const ticket = cache.begin("acct_a");
  cache.set(ticket, "k", value, account, { now: at(0), validUntil, rows: 1 });
  cache.end(ticket);
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

  test("a write to an account drops its answers of every scope and no other account's", () => {
    const cache = new ReadCache();
    keep(cache, "acct_a", "app", "a");
    keep(cache, "acct_a", "page", "p", lists);
    keep(cache, "acct_a", "ses_1", "s", session("ses_1"));
    keep(cache, "acct_b", "app", "b");
    cache.invalidateAccount("acct_a");
    for (const key of ["app", "page", "ses_1"]) expect(cache.get("acct_a", key, at(0))).toBeUndefined();
    expect(cache.get("acct_b", "app", at(0))).toBe("b");
  });

  test("a write to the account's lists drops its lists only", () => {
    const cache = new ReadCache();
    keep(cache, "acct_a", "app", "a");
    keep(cache, "acct_a", "page", "p", lists);
    keep(cache, "acct_a", "ses_1", "s", session("ses_1"));
    keep(cache, "acct_b", "page", "b", lists);
    cache.invalidateLists("acct_a");
    expect(cache.get("acct_a", "page", at(0))).toBeUndefined();
    expect(cache.get("acct_a", "app", at(0))).toBe("a");
    expect(cache.get("acct_a", "ses_1", at(0))).toBe("s");
    expect(cache.get("acct_b", "page", at(0))).toBe("b");
  });

  test("a write to a session drops every entry of that session, and nothing else", () => {
    const cache = new ReadCache();
    keep(cache, "acct_a", "session ses_1", "detail", session("ses_1"));
    keep(cache, "acct_a", "item ses_1", "item", session("ses_1"));
    keep(cache, "acct_a", "item ses_2", "other", session("ses_2"));
    keep(cache, "acct_a", "page", "p", lists);
    keep(cache, "acct_b", "item ses_1", "same id, other account", session("ses_1"));
    cache.invalidateSession("acct_a", "ses_1");
    expect(cache.get("acct_a", "session ses_1", at(0))).toBeUndefined();
    expect(cache.get("acct_a", "item ses_1", at(0))).toBeUndefined();
    expect(cache.get("acct_a", "item ses_2", at(0))).toBe("other");
    expect(cache.get("acct_a", "page", at(0))).toBe("p");
    expect(cache.get("acct_b", "item ses_1", at(0))).toBe("same id, other account");
    expect(cache.size).toEqual({ entries: 3, rows: 3 });
  });

  test("a read that began before a write it depends on is not kept: it may predate the write", () => {
    const cache = new ReadCache();
    const scopes: [CacheScope, (c: ReadCache) => void][] = [
      [account, (c) => c.invalidateAccount("acct_a")],
      [lists, (c) => c.invalidateLists("acct_a")],
      [session("ses_1"), (c) => c.invalidateSession("acct_a", "ses_1")],
    ];
    for (const [scope, write] of scopes) {
      const ticket = cache.begin("acct_a");
      write(cache);
      cache.set(ticket, "k", "stale", scope, { now: at(0), validUntil: t0 + 1000, rows: 1 });
      cache.end(ticket);
      expect(cache.get("acct_a", "k", at(0))).toBeUndefined();
    }
    // a read of another session of the account that began at the same time is kept
    const ticket = cache.begin("acct_a");
    cache.invalidateSession("acct_a", "ses_1");
    cache.set(ticket, "k2", "fresh", session("ses_2"), { now: at(0), validUntil: t0 + 1000, rows: 1 });
    expect(cache.get("acct_a", "k2", at(0))).toBe("fresh");
  });

  test("a session written long ago and many writes since still refuses a read in flight since before it", () => {
    const cache = new ReadCache();
    const ticket = cache.begin("acct_a");
    cache.invalidateSession("acct_a", "ses_old");
    for (let i = 0; i < 20_000; i++) cache.invalidateSession("acct_a", `ses_${i}`);
    cache.set(ticket, "k", "stale", session("ses_old"), { now: at(0), validUntil: t0 + 1000, rows: 1 });
    cache.end(ticket);
    expect(cache.get("acct_a", "k", at(0))).toBeUndefined();
  });

  test("clear drops every answer, and reads in flight of accounts never written before", () => {
    const cache = cacheWith("a");
    const inFlight = cache.begin("acct_new");
    cache.clear();
    expect(cache.get("acct_a", "k", at(0))).toBeUndefined();
    cache.set(inFlight, "k", "stale", account, { now: at(0), validUntil: t0 + 1000, rows: 1 });
    expect(cache.get("acct_new", "k", at(0))).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, rows: 0 });
  });

  test("holds at most maxRows rows: past them it drops the least recently used, down to 90% of them", () => {
    const cache = new ReadCache({ maxRows: 10 });
    const put = (key: string, rows: number) => keep(cache, "acct_a", key, key, account, rows);
    for (let i = 1; i <= 10; i++) put(`k${i}`, 1);
    expect(cache.get("acct_a", "k1", at(0))).toBe("k1"); // now k2 is the least recently used
    expect(cache.size).toEqual({ entries: 10, rows: 10 });
    put("k11", 1);
    expect(cache.size).toEqual({ entries: 9, rows: 9 });
    expect(cache.get("acct_a", "k2", at(0))).toBeUndefined();
    expect(cache.get("acct_a", "k3", at(0))).toBeUndefined();
    for (const key of ["k1", "k4", "k11"]) expect(cache.get("acct_a", key, at(0))).toBe(key);
    put("huge", 11); // larger than the whole cache: not kept, nothing dropped for it
    expect(cache.get("acct_a", "huge", at(0))).toBeUndefined();
    expect(cache.size).toEqual({ entries: 9, rows: 9 });
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
  test("an entry held by a reader stays live exactly as long as a lookup by its key would find it", () => {
    const cache = new ReadCache({ maxRows: 2 });
    const hold = (key: string, scope: CacheScope) => {
      const ticket = cache.begin("acct_a");
      const entry = cache.set(ticket, key, { key }, scope, { now: at(0), validUntil: t0 + 1000, rows: 1 });
      cache.end(ticket);
      if (entry === undefined) throw new Error(`${key} was not kept`);
      return entry;
    };
    const one = hold("one", session("ses_1"));
    expect(one.value).toEqual({ key: "one" });
    expect(cache.isLive(one, at(0))).toBe(true);
    expect(cache.isLive(one, at(-1))).toBe(false); // before its read
    expect(cache.isLive(one, at(1000))).toBe(false); // at its end
    cache.invalidateSession("acct_a", "ses_2");
    expect(cache.isLive(one, at(0))).toBe(true);
    cache.invalidateSession("acct_a", "ses_1");
    expect(cache.isLive(one, at(0))).toBe(false);
    expect(one.value).toBeUndefined(); // let go: a holder cannot keep a dropped answer alive

    const two = hold("two", session("ses_2"));
    cache.invalidateLists("acct_a");
    expect(cache.isLive(two, at(0))).toBe(true);
    cache.invalidateAccount("acct_a");
    expect(cache.isLive(two, at(0))).toBe(false);

    // evicted, as the least recently used (holding an entry is not a use), or cleared
    const three = hold("three", session("ses_3"));
    const four = hold("four", session("ses_4"));
    hold("five", session("ses_5"));
    expect([cache.isLive(three, at(0)), cache.isLive(four, at(0))]).toEqual([false, true]);
    cache.clear();
    expect(cache.isLive(four, at(0))).toBe(false);
  });

  test("a read that may predate a write is not kept, and hands out no entry", () => {
    const cache = new ReadCache();
    const ticket = cache.begin("acct_a");
    cache.invalidateSession("acct_a", "ses_1");
    const kept = cache.set(ticket, "k", 1, session("ses_1"), { now: at(0), validUntil: t0 + 1000, rows: 1 });
    cache.end(ticket);
    expect(kept).toBeUndefined();
  });
  test("admits a key from its second miss: a question asked once is not kept", () => {
    const cache = new ReadCache();
    expect(cache.admit("acct_a", "page")).toBe(false);
    expect(cache.admit("acct_b", "page")).toBe(false); // per account
    expect(cache.admit("acct_a", "page")).toBe(true);
    expect(cache.admit("acct_a", "page")).toBe(false); // admitted: the next miss of it counts anew
  });
});
