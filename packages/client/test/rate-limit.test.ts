import { describe, expect, test } from "vitest";
import { createSessionsClient, parseRateLimit, RateLimitedError } from "../src/index.js";
import { API_KEY, BASE_URL, gatewayError, json, sequence } from "./helpers.js";

const told = (remaining: number, reset: number, limit = 5) => ({
  "ratelimit-policy": `"default";q=${limit};w=60`,
  ratelimit: `"default";r=${remaining};t=${reset}`,
});

describe("parseRateLimit", () => {
  test("reads the policy's size and what is left of it", () => {
    expect(parseRateLimit(new Headers(told(3, 24)))).toEqual({
      limit: 5,
      windowSeconds: 60,
      remaining: 3,
      resetSeconds: 24,
    });
  });

  test("takes the policy the RateLimit field names, among several", () => {
    const headers = new Headers({
      "ratelimit-policy": '"burst";q=10;w=1, "default";q=600;w=60',
      ratelimit: '"default";r=599;t=1',
    });
    expect(parseRateLimit(headers)).toEqual({
      limit: 600,
      windowSeconds: 60,
      remaining: 599,
      resetSeconds: 1,
    });
  });

  test.each([
    ["no headers", {}],
    ["no policy", { ratelimit: '"default";r=1;t=2' }],
    ["a policy of another name", { "ratelimit-policy": '"other";q=5;w=60', ratelimit: '"default";r=1;t=2' }],
    [
      "a value that is not an integer",
      { "ratelimit-policy": '"default";q=5;w=60', ratelimit: '"default";r=x;t=2' },
    ],
  ])("is null for %s", (_, headers) => {
    expect(parseRateLimit(new Headers(headers))).toBeNull();
  });
});

describe("the client's rate-limit state", () => {
  test("is null until a response tells it, then the last one told, whichever call made it", async () => {
    const server = sequence(
      () => json(200, { now: "2026-05-28T07:00:00Z", offset_seconds: 0 }, told(4, 12)),
      () => json(200, { data: [], next_cursor: null }, told(3, 24)),
      // a response that tells nothing (a proxy's, say) leaves the last state as it was
      () => json(200, { data: [], next_cursor: null }),
    );
    const client = createSessionsClient({ baseUrl: BASE_URL, apiKey: API_KEY, fetch: server.fetch });
    expect(client.rateLimit).toBeNull();
    await client.raw.GET("/sandbox/clock");
    expect(client.rateLimit).toEqual({ limit: 5, windowSeconds: 60, remaining: 4, resetSeconds: 12 });
    await client.gateway.sessions.list("residential").toArray();
    expect(client.rateLimit?.remaining).toBe(3);
    await client.gateway.sessions.list("residential").toArray();
    expect(client.rateLimit?.remaining).toBe(3);
  });

  test("a 429 carries its own response's budget, and so does the client afterwards", async () => {
    const server = sequence(() =>
      gatewayError(429, "rate_limited", {}, { "retry-after": "12", ...told(0, 60) }),
    );
    const client = createSessionsClient({
      baseUrl: BASE_URL,
      apiKey: API_KEY,
      fetch: server.fetch,
      retry: false,
    });
    const error = await client.gateway.sessions
      .get("residential", "ses_01HX2K3PQ4M5")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).rateLimit).toEqual({
      limit: 5,
      windowSeconds: 60,
      remaining: 0,
      resetSeconds: 60,
    });
    expect((error as RateLimitedError).retryAfter).toBe(12);
    expect(client.rateLimit?.remaining).toBe(0);
  });
});
