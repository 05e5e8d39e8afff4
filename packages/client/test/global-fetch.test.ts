/**
 * With no `fetch` option the client sends through the global fetch over real HTTP, as most users run it.
 * Its resource calls without a signal then go out as a URL and init rather than as a Request (see
 * `fetchBare` in src/transport.ts): these tests pin that they are the same requests, with the same
 * headers, options, timeouts and aborts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createSessionsClient, SessionsApiTimeoutError } from "../src/index.js";
import { sessionDetail } from "./helpers.js";

const detail = sessionDetail("ses_01HX2K3PQ4M5");

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  closedEarly: boolean;
}

let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
// connections that carried a request: a test that never answers leaves its request hanging on one
const used = new Set<Socket>();
let answer: (request: IncomingMessage, response: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((request, response) => {
    const entry: Seen = {
      method: request.method ?? "",
      url: request.url ?? "",
      headers: request.headers,
      body: "",
      closedEarly: false,
    };
    seen.push(entry);
    used.add(request.socket);
    // one connection per request: closing connections after a test never races the fetch pool reusing one
    response.shouldKeepAlive = false;
    response.on("close", () => {
      entry.closedEarly = !response.writableFinished;
    });
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      entry.body += chunk;
    });
    request.on("end", () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterEach(() => {
  seen = [];
  // only those: fetch may open a connection ahead of the request it is for (seen after a call aborted
  // in its backoff wait), and closing it would fail the next test's request with "other side closed"
  for (const socket of used) socket.destroy();
  used.clear();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const sendJson = (status: number, body: unknown) => (_request: IncomingMessage, response: ServerResponse) => {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
};

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("the client over the global fetch", () => {
  test("a GET carries the path, the key and the client's headers", async () => {
    answer = sendJson(200, detail);
    const client = createSessionsClient({ baseUrl, apiKey: "sk_test", headers: { "x-team": "ops" } });
    expect(await client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5")).toEqual(detail);
    expect(seen).toMatchObject([
      {
        method: "GET",
        url: "/v1/residential/sessions/ses_01HX2K3PQ4M5",
        headers: { authorization: "Bearer sk_test", "x-team": "ops" },
      },
    ]);
  });

  test("a header a middleware sets on the request reaches the server", async () => {
    answer = sendJson(200, detail);
    const client = createSessionsClient({ baseUrl, apiKey: "sk_test" });
    client.raw.use({
      onRequest({ request }) {
        request.headers.set("x-trace-id", "trace-1");
      },
    });
    await client.gateway.sessions.terminate("mobile", "ses_01HX2K3PQ4M5");
    expect(seen).toMatchObject([{ method: "DELETE", headers: { "x-trace-id": "trace-1" } }]);
  });

  test("a middleware may replace the request with a new one, which is sent as it is", async () => {
    answer = sendJson(200, detail);
    const client = createSessionsClient({ baseUrl, apiKey: "sk_test" });
    client.raw.use({
      onRequest: ({ request }) => new Request(`${request.url}?via=middleware`, request),
    });
    await client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5");
    expect(seen).toMatchObject([
      {
        url: "/v1/residential/sessions/ses_01HX2K3PQ4M5?via=middleware",
        headers: { authorization: "Bearer sk_test" },
      },
    ]);
  });

  test("resource calls without a signal reach the global fetch as a URL and init while no middleware is registered; the rest as a Request", async () => {
    answer = sendJson(200, detail);
    const sent = vi.spyOn(globalThis, "fetch");
    const kinds = () =>
      sent.mock.calls.map(([input]) => (input instanceof Request ? "Request" : typeof input));
    try {
      const client = createSessionsClient({ baseUrl, apiKey: "sk_test" });
      const signal = new AbortController().signal;
      await client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5");
      await client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5", { signal });
      await client.gateway.sessions.terminate("residential", "ses_01HX2K3PQ4M5");
      await client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5", { timeoutMs: 5_000 });
      await client.raw.GET("/healthz");
      await client.raw.POST("/sandbox/clock/advance", { body: { seconds: 60 } });
      expect(kinds()).toEqual(["string", "Request", "string", "string", "Request", "Request"]);

      sent.mockClear();
      const handed: unknown[] = [];
      client.raw.use({ onRequest: ({ request }) => void handed.push(request) });
      await client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5");
      await client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5", { signal });
      expect(handed.map((request) => request instanceof Request)).toEqual([true, true]);
      // a middleware may change anything about a request: what it leaves is sent as the Request it is
      expect(kinds()).toEqual(["Request", "Request"]);
      expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
        ...Array(2).fill("GET /v1/residential/sessions/ses_01HX2K3PQ4M5"),
        "DELETE /v1/residential/sessions/ses_01HX2K3PQ4M5",
        "GET /v1/residential/sessions/ses_01HX2K3PQ4M5",
        "GET /healthz",
        "POST /sandbox/clock/advance",
        ...Array(2).fill("GET /v1/residential/sessions/ses_01HX2K3PQ4M5"),
      ]);
    } finally {
      sent.mockRestore();
    }
  });

  test("a middleware's signal on the request it returns still aborts a resource call", async () => {
    answer = () => {};
    const client = createSessionsClient({ baseUrl, apiKey: "sk_test", retry: false });
    const controller = new AbortController();
    client.raw.use({ onRequest: ({ request }) => new Request(request, { signal: controller.signal }) });
    const call = client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5");
    await until(() => seen.length === 1);
    controller.abort(new Error("aborted by the middleware's signal"));
    await expect(call).rejects.toThrow("aborted by the middleware's signal");
  });

  test("a retried GET is sent again, the same request", async () => {
    let calls = 0;
    answer = (request, response) =>
      ++calls === 1
        ? sendJson(503, { error: { code: "unavailable" } })(request, response)
        : sendJson(200, detail)(request, response);
    const client = createSessionsClient({ baseUrl, apiKey: "sk_test", retry: { initialDelayMs: 1 } });
    expect(await client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5")).toEqual(detail);
    expect(seen).toMatchObject(
      Array(2).fill({
        method: "GET",
        url: "/v1/residential/sessions/ses_01HX2K3PQ4M5",
        headers: { authorization: "Bearer sk_test" },
      }),
    );
  });

  // a get whose caller aborts it once the server has seen its first attempt
  async function getAbortedOnceSeen(client: ReturnType<typeof createSessionsClient>) {
    const controller = new AbortController();
    const call = client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5", {
      signal: controller.signal,
    });
    await until(() => seen.length === 1);
    controller.abort(new Error("user navigated away"));
    return call;
  }

  test("the caller's signal ends the wait before a retry", async () => {
    answer = sendJson(503, { error: { code: "unavailable" } });
    const client = createSessionsClient({ baseUrl, apiKey: "sk_test", retry: { initialDelayMs: 60_000 } });
    await expect(getAbortedOnceSeen(client)).rejects.toThrow("user navigated away");
    expect(seen).toHaveLength(1);
  });

  test("request options given to the raw client are kept, e.g. redirect: manual", async () => {
    answer = (_request, response) => response.writeHead(302, { location: "/elsewhere" }).end();
    const client = createSessionsClient({ baseUrl, apiKey: "sk_test", retry: false });
    const { response } = await client.raw.GET("/healthz", { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(seen.map((request) => request.url)).toEqual(["/healthz"]);
  });

  test("a POST sends its JSON body with its length", async () => {
    answer = sendJson(200, { now: "2026-05-28T07:00:00Z", offset_seconds: 60 });
    const client = createSessionsClient({ baseUrl, apiKey: "sk_test" });
    await client.raw.POST("/sandbox/clock/advance", { body: { seconds: 60 } });
    expect(seen).toMatchObject([
      {
        method: "POST",
        body: '{"seconds":60}',
        headers: { "content-type": "application/json", "content-length": "14" },
      },
    ]);
  });

  test("a timeout ends a request the server never answers, and closes its connection", async () => {
    answer = () => {};
    const client = createSessionsClient({ baseUrl, apiKey: "sk_test", timeoutMs: 100, retry: false });
    await expect(client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5")).rejects.toBeInstanceOf(
      SessionsApiTimeoutError,
    );
    await until(() => seen[0]?.closedEarly === true);
    expect(seen).toMatchObject([{ closedEarly: true }]);
  });

  test("the caller's signal aborts a request in flight, and closes its connection", async () => {
    answer = () => {};
    const client = createSessionsClient({ baseUrl, apiKey: "sk_test" });
    await expect(getAbortedOnceSeen(client)).rejects.toThrow("user navigated away");
    await until(() => seen[0]?.closedEarly === true);
    expect(seen).toMatchObject([{ closedEarly: true }]);
  });
});
