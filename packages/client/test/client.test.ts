import { describe, expect, test } from "vitest";
import { createSessionsClient, type SessionsClientOptions } from "../src/index.js";
import { API_KEY, BASE_URL, fakeFetch, json } from "./helpers.js";

const clock = { now: "2026-05-28T07:00:00Z", offset_seconds: 0 };

describe("createSessionsClient", () => {
  test("sends the API key as a bearer token and the extra headers on every request", async () => {
    const server = fakeFetch(() => json(200, clock));
    const client = createSessionsClient({
      baseUrl: BASE_URL,
      apiKey: API_KEY,
      fetch: server.fetch,
      headers: { "x-trace": "abc", authorization: "Bearer overridden?" },
    });
    await client.raw.GET("/sandbox/clock");
    expect(server.requests[0]?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
    expect(server.requests[0]?.headers.get("x-trace")).toBe("abc");
  });

  test("joins paths to a baseUrl with a path and a trailing slash", async () => {
    const server = fakeFetch(() => json(200, clock));
    const client = createSessionsClient({
      baseUrl: `${BASE_URL}/api/`,
      apiKey: API_KEY,
      fetch: server.fetch,
    });
    await client.raw.GET("/sandbox/clock");
    expect(server.urls()).toEqual([`${BASE_URL}/api/sandbox/clock`]);
  });

  test("encodes path parameters, so an id cannot change the path", async () => {
    const server = fakeFetch(() => json(200, {}));
    const client = createSessionsClient({ baseUrl: BASE_URL, apiKey: API_KEY, fetch: server.fetch });
    await client.gateway.sessions.get("residential", "../../app/sessions");
    expect(new URL(server.urls()[0] ?? "").pathname).toBe(
      "/v1/residential/sessions/..%2F..%2Fapp%2Fsessions",
    );
  });

  test("uses globalThis.fetch, looked up at call time, when no fetch is given", async () => {
    const server = fakeFetch(() => json(200, clock));
    const original = globalThis.fetch;
    const client = createSessionsClient({ baseUrl: BASE_URL, apiKey: API_KEY });
    globalThis.fetch = (input, init) => server.fetch(new Request(input, init));
    try {
      expect((await client.raw.GET("/sandbox/clock")).data).toEqual(clock);
    } finally {
      globalThis.fetch = original;
    }
  });

  test.each([
    [{ baseUrl: "api.helodata.com" }, /baseUrl must be an absolute http\(s\) URL/],
    [{ baseUrl: "ftp://api.helodata.com" }, /baseUrl must be an absolute http\(s\) URL/],
    [{ apiKey: "" }, /apiKey must be a non-empty string/],
    [{ apiKey: "sk_live\r\nx-evil: 1" }, /apiKey must be a non-empty string/],
    [{ fetch: "fetch" }, /fetch must be a function/],
    [{ retry: "yes" }, /retry must be an object of retry options or false/],
  ])("rejects %o with a TypeError saying what is expected", (override, message) => {
    const options = { baseUrl: BASE_URL, apiKey: API_KEY, ...override } as unknown as SessionsClientOptions;
    expect(() => createSessionsClient(options)).toThrow(message);
    expect(() => createSessionsClient(options)).toThrow(TypeError);
  });

  test("rejects an empty session id before sending anything", async () => {
    const server = fakeFetch(() => json(200, {}));
    const client = createSessionsClient({ baseUrl: BASE_URL, apiKey: API_KEY, fetch: server.fetch });
    await expect(client.gateway.sessions.get("residential", "")).rejects.toThrow(TypeError);
    await expect(client.app.sessions.get("")).rejects.toThrow(TypeError);
    await expect(client.app.sessions.delete("")).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});
