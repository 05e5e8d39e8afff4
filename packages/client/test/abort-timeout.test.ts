import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createSessionsClient, SessionsApiConnectionError, SessionsApiTimeoutError } from "../src/index.js";
import {
  API_KEY,
  BASE_URL,
  type FakeFetch,
  fakeFetch,
  gatewayError,
  hangingFetch,
  json,
  sequence,
} from "./helpers.js";

const clock = { now: "2026-05-28T07:00:00Z", offset_seconds: 0 };

function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

const clientFor = (server: FakeFetch, options: { timeoutMs?: number; retry?: false } = {}) =>
  createSessionsClient({ baseUrl: BASE_URL, apiKey: API_KEY, fetch: server.fetch, ...options });

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, "random").mockReturnValue(0);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("abort", () => {
  test("an already aborted signal sends nothing and rejects with its reason", async () => {
    const server = fakeFetch(() => json(200, clock));
    const controller = new AbortController();
    controller.abort(new Error("not needed any more"));
    await expect(
      clientFor(server).gateway.sessions.get("residential", "ses_01HX2K3PQ4M5", {
        signal: controller.signal,
      }),
    ).rejects.toThrow("not needed any more");
    expect(server.requests).toHaveLength(0);
  });

  test("aborting a request in flight rejects with an AbortError and aborts the fetch", async () => {
    const server = hangingFetch();
    const controller = new AbortController();
    const call = settle(clientFor(server).app.sessions.listPage({}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const { error } = await call;
    expect((error as Error).name).toBe("AbortError");
    expect(server.requests[0]?.signal.aborted).toBe(true);
  });

  test("aborting during a backoff wait rejects at once and sends no retry", async () => {
    const server = sequence(
      () => gatewayError(503, "service_unavailable"),
      () => json(200, clock),
    );
    const controller = new AbortController();
    const call = settle(
      clientFor(server).gateway.sessions.listPage("residential", {}, { signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const { error } = await call;
    expect((error as Error).name).toBe("AbortError");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
  });

  test("an injected fetch that ignores the signal cannot hold the call", async () => {
    const server = fakeFetch(() => new Promise<Response>(() => {}));
    const controller = new AbortController();
    const call = settle(clientFor(server).raw.GET("/sandbox/clock", { signal: controller.signal }));
    controller.abort();
    expect(((await call).error as Error).name).toBe("AbortError");
  });

  test("aborting one page request of a list stops the iteration", async () => {
    const server = hangingFetch();
    const controller = new AbortController();
    const list = clientFor(server).gateway.sessions.list("mobile", {}, { signal: controller.signal });
    const call = settle(list.toArray());
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    expect(((await call).error as Error).name).toBe("AbortError");
  });
});

describe("timeoutMs", () => {
  test("an attempt past timeoutMs rejects with SessionsApiTimeoutError", async () => {
    const server = hangingFetch();
    const call = settle(
      clientFor(server, { timeoutMs: 1000, retry: false }).gateway.sessions.get(
        "residential",
        "ses_01HX2K3PQ4M5",
      ),
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(server.requests[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await call;
    expect(error).toBeInstanceOf(SessionsApiTimeoutError);
    expect(error).toBeInstanceOf(SessionsApiConnectionError);
    expect(error).toMatchObject({ timeoutMs: 1000 });
    expect((error as Error).message).toMatch(/timed out after 1000 ms/);
    expect(server.requests[0]?.signal.aborted).toBe(true);
  });

  test("a timed-out idempotent attempt is retried, each attempt with its own timeout", async () => {
    let calls = 0;
    const server = fakeFetch((request) => {
      calls += 1;
      return calls === 1 ? hangingFetch().fetch(request) : json(200, clock);
    });
    const call = settle(clientFor(server, { timeoutMs: 1000 }).raw.GET("/sandbox/clock"));
    await vi.advanceTimersByTimeAsync(1000 + 250);
    expect(server.requests).toHaveLength(2);
    expect((await call).value?.data).toEqual(clock);
  });

  test("a body that stalls after the headers times out too", async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"now":'));
      },
    });
    const server = fakeFetch(
      () => new Response(stalled, { status: 200, headers: { "content-type": "application/json" } }),
    );
    const call = settle(clientFor(server, { timeoutMs: 500, retry: false }).raw.GET("/sandbox/clock"));
    await vi.advanceTimersByTimeAsync(500);
    expect((await call).error).toBeInstanceOf(SessionsApiTimeoutError);
  });

  test("timeoutMs on one call overrides the client's", async () => {
    const server = hangingFetch();
    const call = settle(
      clientFor(server, { timeoutMs: 60_000 }).gateway.sessions.listPage(
        "residential",
        {},
        { timeoutMs: 50, retry: false },
      ),
    );
    await vi.advanceTimersByTimeAsync(50);
    expect((await call).error).toMatchObject({ name: "SessionsApiTimeoutError", timeoutMs: 50 });
  });

  test("a sandbox POST that times out is retried only with its one Idempotency-Key", async () => {
    const server = hangingFetch();
    const call = settle(
      clientFor(server, { timeoutMs: 100 }).raw.POST("/sandbox/clock/advance", { body: { seconds: 1 } }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(3);
    const keys = new Set(server.requests.map((request) => request.headers.get("idempotency-key")));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call).error).toBeInstanceOf(SessionsApiTimeoutError);
  });

  test.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])(
    "rejects timeoutMs %s with a clear TypeError",
    (timeoutMs) => {
      expect(() =>
        clientFor(
          fakeFetch(() => json(200, clock)),
          { timeoutMs },
        ),
      ).toThrow(/timeoutMs must be a positive/);
    },
  );
});
