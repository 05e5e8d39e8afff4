import { describe, expect, test, vi } from "vitest";
import { freezeShared, jsonBody, jsonText } from "./json-text.js";

describe("jsonText", () => {
  test("writes what JSON.stringify writes, for shared and fresh values alike", () => {
    const values: unknown[] = [
      null,
      'a "quoted" line\n',
      42,
      { a: 1, b: undefined, c: () => 1, d: [undefined, null, Symbol("s")], e: new Date(0) },
      // a hole in an array is null
      new Array<number>(3).fill(1, 0, 1),
      { 2: "two", 1: "one", z: { nested: [{ deep: true }] } },
      { toJSON: () => "custom" },
    ];
    for (const value of values) {
      expect(jsonText(value)).toBe(JSON.stringify(value));
      // the same data shared, inside a fresh page, twice (the second from the kept text)
      const shared = freezeShared(JSON.parse(JSON.stringify(value)) as unknown);
      const page = { data: shared, at: new Date(0), next: null };
      expect(jsonText(page)).toBe(JSON.stringify(page));
      expect(jsonText(page)).toBe(JSON.stringify(page));
    }
  });

  test("a shared value is frozen all the way down", () => {
    const page = freezeShared({ data: [{ id: "ses_1", samples: [{ at: "2026-05-28T07:00:00.000Z" }] }] });
    expect(Object.isFrozen(page.data[0]?.samples[0])).toBe(true);
    expect(() => {
      (page.data as unknown[]).push({});
    }).toThrow(TypeError);
  });

  test("the text of a shared value, or of a shared member of a page, is made once", () => {
    const sessions = freezeShared([{ id: "ses_1", bytes_used: 10 }]);
    const spy = vi.spyOn(JSON, "stringify");
    try {
      expect(jsonText({ data: sessions, next_cursor: "c1" })).toBe(
        '{"data":[{"id":"ses_1","bytes_used":10}],"next_cursor":"c1"}',
      );
      const calls = spy.mock.calls.length;
      expect(jsonText({ data: sessions, next_cursor: null })).toBe(
        '{"data":[{"id":"ses_1","bytes_used":10}],"next_cursor":null}',
      );
      // the keys and the cursor, not the sessions again
      expect(spy.mock.calls.slice(calls).map(([value]) => value)).toEqual(["data", "next_cursor", null]);
    } finally {
      spy.mockRestore();
    }
  });

  test("an array of shared values is written from their texts, each made once", () => {
    const [one, two] = [{ id: "ses_1" }, { id: "ses_2", at: [1] }].map((session) => freezeShared(session));
    expect(jsonText(freezeShared([one, two]))).toBe(JSON.stringify([one, two]));
    const spy = vi.spyOn(JSON, "stringify");
    try {
      const changed = freezeShared({ id: "ses_3" });
      // another page of the same sessions, one of them changed: only that one is written
      expect(jsonText({ data: freezeShared([one, changed, two]) })).toBe(
        '{"data":[{"id":"ses_1"},{"id":"ses_3"},{"id":"ses_2","at":[1]}]}',
      );
      expect(spy.mock.calls.map(([value]) => value)).toEqual(["data", changed]);
    } finally {
      spy.mockRestore();
    }
  });

  test("a value that is not shared is written anew each time it is asked for", () => {
    const fresh = { id: "ses_1", bytes_used: 10 };
    expect(jsonText(fresh)).toBe('{"id":"ses_1","bytes_used":10}');
    fresh.bytes_used = 11;
    expect(jsonText(fresh)).toBe('{"id":"ses_1","bytes_used":11}');
  });
  test("a body of a shared value is its text's UTF-8 bytes, kept; any other body is its text", () => {
    const shared = freezeShared({ data: [{ id: "ses_1", city: "São Paulo" }], next_cursor: null });
    const body = jsonBody(shared);
    expect(body).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(body as Uint8Array)).toBe(JSON.stringify(shared));
    expect(jsonBody(shared)).toBe(body);
    const fresh = { data: [{ id: "ses_1" }] };
    expect(jsonBody(fresh)).toBe(JSON.stringify(fresh));
  });
  test("the bytes of a shared page body are written from its sessions' kept texts", () => {
    const sessions = freezeShared([{ id: "ses_1", bytes_used: 10 }]);
    jsonText(sessions);
    const spy = vi.spyOn(JSON, "stringify");
    try {
      const body = jsonBody(freezeShared({ data: sessions, next_cursor: "c1" }));
      expect(new TextDecoder().decode(body as Uint8Array)).toBe(
        '{"data":[{"id":"ses_1","bytes_used":10}],"next_cursor":"c1"}',
      );
      expect(spy.mock.calls.map(([value]) => value)).toEqual(["data", "next_cursor", "c1"]);
    } finally {
      spy.mockRestore();
    }
  });
});
