/**
 * The resource layer against the real reference server, once in process (Hono's `app.request`, no port)
 * and once over HTTP on a free port. State is seeded through the sandbox operations of the raw client.
 */
import { createSessionsApp, DEMO_KEYS, startSessionsServer } from "@sessions-api/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createSessionsClient,
  InvalidParameterError,
  NotFoundError,
  RateLimitedError,
  SessionNotFoundError,
  type SessionsClient,
  SubuserScopeMismatchError,
  UnauthorizedError,
} from "../src/index.js";
import { formatUsername } from "../src/username.js";

interface Target {
  baseUrl: string;
  fetch?: (request: Request) => Promise<Response>;
  close(): Promise<void>;
}

async function inProcess(): Promise<Target> {
  const sandbox = await createSessionsApp();
  return {
    baseUrl: "http://localhost",
    fetch: (request) => sandbox.fetch(request),
    close: () => sandbox.close(),
  };
}

async function overHttp(): Promise<Target> {
  const server = await startSessionsServer({ port: 0, host: "127.0.0.1" });
  return { baseUrl: server.url, close: () => server.close() };
}

const SUBUSER = "sub_01HX2K3PQ4M5";
const OTHER_SUBUSER = "sub_integration2";
const proxied = [
  {
    method: "GET",
    target_host: "www.example.com",
    target_port: 443,
    status_code: 200,
    bytes: 1000,
    duration_ms: 40,
  },
];

describe.each([
  ["in process", inProcess],
  ["over HTTP", overHttp],
])("the client against the reference server %s", (_name, start) => {
  let target: Target;
  let client: SessionsClient;
  const pageRequests: string[] = [];
  const clientFor = (apiKey: string) =>
    createSessionsClient({
      baseUrl: target.baseUrl,
      apiKey,
      retry: false,
      ...(target.fetch ? { fetch: target.fetch } : {}),
    });

  async function report(username: string, product: "residential" | "mobile" = "residential") {
    const { data, error, response } = await client.raw.POST("/sandbox/v1/{product}/traffic", {
      params: { path: { product } },
      body: { username, requests: proxied, reassign_exit_ip: false },
    });
    if (!data) throw new Error(`traffic report failed: ${response.status} ${JSON.stringify(error)}`);
    return data;
  }

  beforeAll(async () => {
    target = await start();
    const send = target.fetch ?? ((request: Request) => fetch(request));
    client = createSessionsClient({
      baseUrl: target.baseUrl,
      apiKey: DEMO_KEYS.full,
      fetch: (request) => {
        if (request.method === "GET" && /\/sessions(\?|$)/.test(request.url)) pageRequests.push(request.url);
        return send(request);
      },
    });
  });

  afterAll(async () => {
    await target?.close();
  });

  describe("gateway sessions", () => {
    const started: string[] = [];

    beforeAll(async () => {
      for (let n = 0; n < 5; n++) {
        started.push(
          (
            await report(
              formatUsername({ subuser: SUBUSER, region: "us", session_id: `job${n}`, sesstime: 30 }),
            )
          ).id,
        );
      }
      await report(
        formatUsername({
          subuser: OTHER_SUBUSER,
          region: "de",
          asn: 3320,
          session_id: "other",
          sesstime: 30,
        }),
      );
      await report(
        formatUsername({ subuser: SUBUSER, region: "us", session_id: "onmobile", sesstime: 30 }),
        "mobile",
      );
    });

    test("list yields every session of a sub-user across pages, newest first, fetching page by page", async () => {
      pageRequests.length = 0;
      const sessions = await client.gateway.sessions
        .list("residential", { subuser: SUBUSER, limit: 2 })
        .toArray();
      expect(sessions.map((s) => s.id).sort()).toEqual([...started].sort());
      expect(new Set(sessions.map((s) => s.subuser))).toEqual(new Set([SUBUSER]));
      expect(pageRequests).toHaveLength(3);
      const order = sessions.map((s) => [s.started_at, s.id].join(" "));
      expect(order).toEqual([...order].sort().reverse());
    });

    test("filters reach the server", async () => {
      const byName = await client.gateway.sessions.list("residential", { session_id: "job3" }).toArray();
      expect(byName.map((s) => s.id)).toEqual([started[3]]);
      const german = await client.gateway.sessions.list("residential", { region: "de", asn: 3320 }).toArray();
      expect(german.map((s) => s.subuser)).toEqual([OTHER_SUBUSER]);
      const mobile = await client.gateway.sessions.list("mobile", { subuser: SUBUSER }).toArray();
      expect(mobile.map((s) => s.session_id)).toEqual(["onmobile"]);
    });

    test("maxItems stops the list without fetching further pages", async () => {
      pageRequests.length = 0;
      const two = await client.gateway.sessions
        .list("residential", { subuser: SUBUSER, limit: 2 }, { maxItems: 2 })
        .toArray();
      expect(two).toHaveLength(2);
      expect(pageRequests).toHaveLength(1);
    });

    test("get returns the session with its samples and RFC 3339 timestamps as on the wire", async () => {
      const detail = await client.gateway.sessions.get("residential", started[0] ?? "");
      expect(detail).toMatchObject({
        id: started[0],
        subuser: SUBUSER,
        status: "active",
        terminated_at: null,
      });
      expect(detail.samples).toHaveLength(1);
      expect(detail.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(Date.parse(detail.expires_at) - Date.parse(detail.started_at)).toBe(30 * 60_000);
    });

    test("terminate ends a session once; the second call returns the same record", async () => {
      const id = started[4] ?? "";
      const first = await client.gateway.sessions.terminate("residential", id);
      expect(first.status).toBe("terminated");
      expect(first.terminated_at).not.toBeNull();
      const again = await client.gateway.sessions.terminate("residential", id);
      expect(again.terminated_at).toBe(first.terminated_at);
      const active = await client.gateway.sessions.list("residential", { subuser: SUBUSER }).toArray();
      expect(active.map((s) => s.id)).not.toContain(id);
      const audit = await client.gateway.sessions
        .list("residential", { subuser: SUBUSER, status: "terminated" })
        .toArray();
      expect(audit.map((s) => s.id)).toEqual([id]);
    });

    test("a session past its sesstime is SessionNotFoundError on the next get", async () => {
      const short = await report(
        formatUsername({ subuser: SUBUSER, region: "us", session_id: "short", sesstime: 1 }),
      );
      expect((await client.gateway.sessions.get("residential", short.id)).id).toBe(short.id);
      const advanced = await client.raw.POST("/sandbox/clock/advance", { body: { seconds: 61 } });
      expect(advanced.response.status).toBe(200);
      const error = await client.gateway.sessions.get("residential", short.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SessionNotFoundError);
      expect(error).toMatchObject({ status: 404, code: "session_not_found" });
      expect((error as SessionNotFoundError).requestId).toBe(
        (error as SessionNotFoundError).headers.get("x-request-id"),
      );
      await expect(client.gateway.sessions.terminate("residential", short.id)).rejects.toBeInstanceOf(
        SessionNotFoundError,
      );
    });

    test("a narrow key asking outside its scope gets SubuserScopeMismatchError", async () => {
      const narrow = clientFor(DEMO_KEYS.narrow);
      await expect(
        narrow.gateway.sessions.list("residential", { subuser: OTHER_SUBUSER }).toArray(),
      ).rejects.toBeInstanceOf(SubuserScopeMismatchError);
      await expect(narrow.gateway.sessions.listPage("mobile")).rejects.toBeInstanceOf(
        SubuserScopeMismatchError,
      );
      const own = await narrow.gateway.sessions.list("residential").toArray();
      expect(new Set(own.map((s) => s.subuser))).toEqual(new Set([SUBUSER]));
    });

    test("another account sees none of these sessions", async () => {
      const other = clientFor(DEMO_KEYS.other);
      expect(await other.gateway.sessions.list("residential").toArray()).toEqual([]);
      await expect(other.gateway.sessions.get("residential", started[0] ?? "")).rejects.toBeInstanceOf(
        SessionNotFoundError,
      );
    });

    test("an unknown key is UnauthorizedError, a foreign cursor InvalidParameterError", async () => {
      await expect(clientFor("sk_nobody").gateway.sessions.listPage("residential")).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
      const error = await client.gateway.sessions
        .listPage("residential", { cursor: "bm90LWEtY3Vyc29y" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error).toMatchObject({ param: "cursor" });
    });
  });

  describe("application sessions", () => {
    const created: string[] = [];

    beforeAll(async () => {
      for (let n = 0; n < 5; n++) {
        const { data, response } = await client.raw.POST("/sandbox/app/sessions", {
          body: { ttl_seconds: 86_400, agent_initiated: false, public_url: `https://app${n}.example.com` },
        });
        if (!data) throw new Error(`creating an application session failed: ${response.status}`);
        created.push(data.id);
      }
    });

    test("list follows next_page_uri across pages, newest first", async () => {
      pageRequests.length = 0;
      const sessions = await client.app.sessions.list({ limit: 2 }).toArray();
      expect(sessions.map((s) => s.id)).toEqual([...created].reverse());
      expect(pageRequests).toHaveLength(3);
      expect(pageRequests[1]).toContain(`before_id=${created[3]}`);
    });

    test("get returns one, delete removes it, and a deleted one is NotFoundError", async () => {
      const id = created[2] ?? "";
      expect((await client.app.sessions.get(id)).id).toBe(id);
      await client.app.sessions.delete(id);
      const error = await client.app.sessions.get(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, code: "ERR_NOT_FOUND" });
      await expect(client.app.sessions.delete(id)).rejects.toBeInstanceOf(NotFoundError);
      const left = await client.app.sessions.list({ limit: 2 }).toArray();
      expect(left.map((s) => s.id)).not.toContain(id);
      expect(left).toHaveLength(4);
    });

    test("a bad limit is InvalidParameterError in the application error body", async () => {
      // @ts-expect-error limit is 1-100; the server must say so, whatever the types allow
      const error = await client.app.sessions.listPage({ limit: "lots" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error).toMatchObject({ status: 400, code: "ERR_INVALID_PARAMETER", param: "limit" });
    });
  });

  test("the rate-limited key gets RateLimitedError with retryAfter once its budget is spent", async () => {
    const limited = clientFor(DEMO_KEYS.limited);
    let error: unknown;
    const remaining: (number | undefined)[] = [];
    for (let n = 0; n < 10 && !error; n++) {
      error = await limited.gateway.sessions.listPage("residential").then(
        () => undefined,
        (e: unknown) => e,
      );
      remaining.push(limited.rateLimit?.remaining);
    }
    expect(error).toBeInstanceOf(RateLimitedError);
    // the budget of 5 a minute, as the server told it after the first request and after the refused one
    expect(remaining[0]).toBe(4);
    expect(remaining.at(-1)).toBe(0);
    expect((error as RateLimitedError).rateLimit).toMatchObject({
      limit: 5,
      windowSeconds: 60,
      remaining: 0,
    });
    const retryAfter = (error as RateLimitedError).retryAfter ?? 0;
    expect(retryAfter).toBeGreaterThanOrEqual(1);

    // with retries on, the server's Retry-After is honoured: a wait past the time budget is not started
    let sent = 0;
    const send = target.fetch ?? ((request: Request) => fetch(request));
    const patient = createSessionsClient({
      baseUrl: target.baseUrl,
      apiKey: DEMO_KEYS.limited,
      // a backoff (at most 100 ms) would fit the budget; the server's Retry-After (at least 1 s) does not
      retry: { initialDelayMs: 100, maxDelayMs: 100, maxElapsedMs: 900 },
      fetch: (request) => {
        sent++;
        return send(request);
      },
    });
    await expect(patient.gateway.sessions.listPage("residential")).rejects.toBeInstanceOf(RateLimitedError);
    expect(sent).toBe(1);
  });
});
