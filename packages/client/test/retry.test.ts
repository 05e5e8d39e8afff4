import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  createSessionsClient,
  InternalServerError,
  RateLimitedError,
  type RetryOptions,
  SessionsApiConnectionError,
} from "../src/index.js";
import { API_KEY, BASE_URL, type FakeFetch, fakeFetch, gatewayError, json, sequence } from "./helpers.js";

const clock = { now: "2026-05-28T07:00:00Z", offset_seconds: 0 };
const ok = () => json(200, clock);
const unavailable = () => gatewayError(503, "service_unavailable");
const networkDown = () => {
  throw new TypeError("fetch failed");
};

const clientFor = (server: FakeFetch, retry?: RetryOptions | false) =>
  createSessionsClient({
    baseUrl: BASE_URL,
    apiKey: API_KEY,
    fetch: server.fetch,
    ...(retry === undefined ? {} : { retry }),
  });

// settles a call while the fake clock runs, so that an assertion on its outcome cannot hang the test
function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  // the lowest jitter: every backoff is exactly half its ceiling
  vi.spyOn(Math, "random").mockReturnValue(0);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("retries of idempotent requests", () => {
  test("retry a GET after a 5xx with exponential backoff, then succeed", async () => {
    const server = sequence(unavailable, unavailable, ok);
    const call = settle(clientFor(server).gateway.sessions.listPage("residential"));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests).toHaveLength(1);
    // first backoff: ceiling 500 ms, half of it with the lowest jitter
    await vi.advanceTimersByTimeAsync(249);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
    // second backoff: ceiling 1000 ms
    await vi.advanceTimersByTimeAsync(499);
    expect(server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(3);
    expect((await call).value).toEqual(clock);
  });

  test("the jitter keeps every wait between half and all of its ceiling", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    const server = sequence(unavailable, ok);
    const call = settle(clientFor(server).gateway.sessions.listPage("residential"));
    // 250 + 0.999 * 250 = 499.75 ms: near the ceiling, never past it
    await vi.advanceTimersByTimeAsync(498);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(server.requests).toHaveLength(2);
    expect((await call).value).toEqual(clock);
  });

  test("honour Retry-After on a 429 instead of the backoff", async () => {
    const server = sequence(() => gatewayError(429, "rate_limited", {}, { "retry-after": "3" }), ok);
    const call = settle(clientFor(server).gateway.sessions.get("residential", "ses_01HX2K3PQ4M5"));
    await vi.advanceTimersByTimeAsync(2999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
    expect((await call).value).toEqual(clock);
  });

  test("honour Retry-After given as an HTTP date", async () => {
    vi.setSystemTime(new Date("2026-05-28T07:00:00Z"));
    const server = sequence(
      () => gatewayError(503, "service_unavailable", {}, { "retry-after": "Thu, 28 May 2026 07:00:05 GMT" }),
      ok,
    );
    const call = settle(clientFor(server).app.sessions.listPage());
    await vi.advanceTimersByTimeAsync(4999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
    await call;
  });

  test("retry a DELETE after a network error", async () => {
    const server = sequence(networkDown, () => json(200, { id: "ses_01HX2K3PQ4M5", status: "terminated" }));
    const call = settle(clientFor(server).gateway.sessions.terminate("residential", "ses_01HX2K3PQ4M5"));
    await vi.advanceTimersByTimeAsync(250);
    expect(server.requests.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
    expect((await call).value).toMatchObject({ status: "terminated" });
  });

  test("stop after maxAttempts and throw the last error", async () => {
    const server = sequence(unavailable);
    const call = settle(clientFor(server, { maxAttempts: 4 }).gateway.sessions.listPage("mobile"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(4);
    expect((await call).error).toMatchObject({ status: 503, code: "service_unavailable" });
  });

  test("throw a SessionsApiConnectionError with the cause when the network stays down", async () => {
    const server = sequence(networkDown);
    const call = settle(clientFor(server).gateway.sessions.listPage("mobile"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(3);
    const { error } = await call;
    expect(error).toBeInstanceOf(SessionsApiConnectionError);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(
      /GET http:\/\/api\.test\/v1\/mobile\/sessions failed: fetch failed/,
    );
  });

  test("give up at once when Retry-After would end past maxElapsedMs, with the 429 as the error", async () => {
    const server = sequence(() => gatewayError(429, "rate_limited", {}, { "retry-after": "120" }), ok);
    const call = settle(clientFor(server, { maxElapsedMs: 60_000 }).gateway.sessions.listPage("residential"));
    await vi.advanceTimersByTimeAsync(0);
    const { error } = await call;
    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfter).toBe(120);
  });

  test("bound the total time: no retry starts past maxElapsedMs", async () => {
    const server = sequence(unavailable);
    const call = settle(
      clientFor(server, {
        maxAttempts: 100,
        initialDelayMs: 1000,
        maxDelayMs: 1000,
        maxElapsedMs: 2600,
      }).gateway.sessions.listPage("residential"),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    // waits of 500 ms (the lowest jitter of a 1000 ms ceiling): attempts at 0, 500, ..., 2500 ms
    expect(server.requests).toHaveLength(6);
    expect((await call).error).toBeInstanceOf(Error);
  });

  test("cancel the unread body of a response it retries past, freeing its connection", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      cancel() {
        cancelled = true;
      },
    });
    const server = sequence(() => new Response(body, { status: 502 }), ok);
    const call = settle(clientFor(server).gateway.sessions.listPage("residential"));
    await vi.advanceTimersByTimeAsync(250);
    expect(cancelled).toBe(true);
    expect((await call).value).toEqual(clock);
  });

  test("do not retry 4xx other than 429", async () => {
    const server = sequence(() => gatewayError(404, "session_not_found"), ok);
    const call = settle(clientFor(server).gateway.sessions.get("residential", "ses_01HX2K3PQ4M5"));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.requests).toHaveLength(1);
    expect((await call).error).toMatchObject({ status: 404 });
  });

  test("retry raw-client GETs too, which still resolve to { data, error, response }", async () => {
    const server = sequence(unavailable, ok);
    const call = settle(clientFor(server).raw.GET("/sandbox/clock"));
    await vi.advanceTimersByTimeAsync(250);
    const { value } = await call;
    expect(value?.data).toEqual(clock);
    expect(value?.response.status).toBe(200);
  });
});

describe("no retries", () => {
  test("never retry a POST, even on a 503 or a network error", async () => {
    for (const failure of [unavailable, networkDown]) {
      const server = sequence(failure, ok);
      const call = settle(clientFor(server).raw.POST("/sandbox/clock/advance", { body: { seconds: 60 } }));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(server.requests).toHaveLength(1);
      const { value, error } = await call;
      if (failure === unavailable) expect(value?.response.status).toBe(503);
      else expect(error).toBeInstanceOf(SessionsApiConnectionError);
    }
  });

  test("retry: false on the client sends each request once", async () => {
    const server = sequence(unavailable, ok);
    const call = settle(clientFor(server, false).gateway.sessions.listPage("residential"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
    expect((await call).error).toMatchObject({ status: 503 });
  });

  test("retry: false on one call overrides the client's retries", async () => {
    const server = sequence(() => gatewayError(500, "internal_error"), ok);
    const call = settle(clientFor(server).gateway.sessions.listPage("residential", {}, { retry: false }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
    expect((await call).error).toBeInstanceOf(InternalServerError);
  });

  test("retry options on one call turn retries on over a client without them", async () => {
    const server = sequence(unavailable, ok);
    const call = settle(
      clientFor(server, false).gateway.sessions.listPage("residential", {}, { retry: { maxAttempts: 2 } }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(2);
    expect((await call).value).toEqual(clock);
  });
});

describe("retry options", () => {
  test.each([
    [{ maxAttempts: 0 }, /maxAttempts must be an integer of at least 1/],
    [{ maxAttempts: 1.5 }, /maxAttempts/],
    [{ initialDelayMs: -1 }, /initialDelayMs must be a finite number/],
    [{ maxElapsedMs: Number.POSITIVE_INFINITY }, /maxElapsedMs/],
  ])("reject %o with a clear TypeError", (retry, message) => {
    const server = fakeFetch(ok);
    expect(() => clientFor(server, retry)).toThrow(message);
  });
});
