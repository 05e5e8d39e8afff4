import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  createSessionsClient,
  InternalServerError,
  RateLimitedError,
  type RetryOptions,
  SessionsApiConnectionError,
} from "../src/index.js";
import { createTransport, resolveRetryOptions } from "../src/transport.js";
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
  test("never retry a POST without an Idempotency-Key, even on a 503 or a network error", async () => {
    for (const failure of [unavailable, networkDown]) {
      const server = sequence(failure, ok);
      const send = createTransport({
        fetch: server.fetch,
        retry: resolveRetryOptions(undefined),
        timeoutMs: undefined,
        baseUrl: new URL(BASE_URL),
      });
      // a POST outside the sandbox: the client makes it no key
      const call = settle(
        send(new Request(`${BASE_URL}/v1/residential/sessions`, { method: "POST", body: "{}" })),
      );
      await vi.advanceTimersByTimeAsync(60_000);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.headers.get("idempotency-key")).toBeNull();
      const { value, error } = await call;
      if (failure === unavailable) expect(value?.status).toBe(503);
      else expect(error).toBeInstanceOf(SessionsApiConnectionError);
    }
  });

  test("retry: false sends a sandbox write once, and makes it no key", async () => {
    const server = sequence(unavailable, ok);
    const call = settle(
      clientFor(server, false).raw.POST("/sandbox/clock/advance", { body: { seconds: 60 } }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.get("idempotency-key")).toBeNull();
    expect((await call).value?.response.status).toBe(503);
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

describe("retries of sandbox writes, only with an Idempotency-Key", () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  test("a sandbox write without a key gets a new one, sent again by each retry", async () => {
    for (const failure of [unavailable, networkDown]) {
      const server = sequence(failure, ok);
      const call = settle(clientFor(server).raw.POST("/sandbox/clock/advance", { body: { seconds: 60 } }));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(server.requests).toHaveLength(2);
      const [first, second] = server.requests.map((request) => request.headers.get("idempotency-key"));
      expect(first).toMatch(uuid);
      expect(second).toBe(first);
      expect(await server.requests[1]?.json()).toEqual({ seconds: 60 });
      expect((await call).value?.data).toEqual(clock);
    }
  });

  test("each write gets a key of its own", async () => {
    const server = fakeFetch(() => ok());
    const client = clientFor(server);
    await client.raw.POST("/sandbox/clock/advance", { body: { seconds: 60 } });
    await client.raw.POST("/sandbox/clock/advance", { body: { seconds: 60 } });
    const [first, second] = server.requests.map((request) => request.headers.get("idempotency-key"));
    expect(first).toMatch(uuid);
    expect(second).toMatch(uuid);
    expect(second).not.toBe(first);
  });

  test("the caller's key is kept, and sent with every attempt", async () => {
    const server = sequence(
      unavailable,
      () => gatewayError(429, "rate_limited", {}, { "retry-after": "1" }),
      ok,
    );
    const call = settle(
      clientFor(server).raw.POST("/sandbox/app/sessions", {
        body: {},
        headers: { "Idempotency-Key": "my-key-1" },
      }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests.map((request) => request.headers.get("idempotency-key"))).toEqual([
      "my-key-1",
      "my-key-1",
      "my-key-1",
    ]);
    expect((await call).value?.response.status).toBe(200);
  });

  test("a 409 idempotency_key_in_use is retried after its Retry-After, and gets the first answer", async () => {
    const server = sequence(
      () => gatewayError(409, "idempotency_key_in_use", {}, { "retry-after": "1" }),
      ok,
    );
    const call = settle(clientFor(server).raw.POST("/sandbox/reset"));
    await vi.advanceTimersByTimeAsync(999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
    expect((await call).value?.data).toEqual(clock);
  });

  test("a 409 of a request without a key, and a 400 idempotency_key_reused, are answers, not retried", async () => {
    const conflict = sequence(() => gatewayError(409, "idempotency_key_in_use"), ok);
    const send = createTransport({
      fetch: conflict.fetch,
      retry: resolveRetryOptions(undefined),
      timeoutMs: undefined,
    });
    const unkeyed = settle(
      send(new Request(`${BASE_URL}/v1/residential/sessions/ses_1`, { method: "DELETE" })),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(conflict.requests).toHaveLength(1);
    expect((await unkeyed).value?.status).toBe(409);

    const reused = sequence(() => gatewayError(400, "idempotency_key_reused"), ok);
    const call = settle(clientFor(reused).raw.POST("/sandbox/clock/advance", { body: { seconds: 1 } }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reused.requests).toHaveLength(1);
    expect((await call).value?.response.status).toBe(400);
  });

  test("under a base URL with a path, its /sandbox/ writes are the sandbox's", async () => {
    const server = fakeFetch(() => ok());
    const client = createSessionsClient({
      baseUrl: `${BASE_URL}/api/`,
      apiKey: API_KEY,
      fetch: server.fetch,
    });
    await client.raw.POST("/sandbox/clock/advance", { body: { seconds: 1 } });
    expect(server.requests[0]?.url).toBe(`${BASE_URL}/api/sandbox/clock/advance`);
    expect(server.requests[0]?.headers.get("idempotency-key")).toMatch(uuid);
  });
});
