/**
 * What a request line may name, over real sockets: a path names a documented path exactly as the spec
 * writes it, so dot segments (as is or percent-encoded) and trailing slashes are `404 not_found` in the
 * family's error body, and reach no operation.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_KEYS, type SessionsServer, startSessionsServer } from "../src/index.js";
import { createTestApp, expectAppError, expectGatewayError } from "./helpers.js";
import { exchange } from "./raw-http.js";

const auth = `Authorization: Bearer ${DEMO_KEYS.full}\r\n`;

let server: SessionsServer;
beforeAll(async () => {
  server = await startSessionsServer({ port: 0, purgeIntervalMs: 0 });
});
afterAll(async () => {
  await server?.close();
});

// one request on its own connection, closed after its answer; `body` is sent as JSON
function send(method: string, target: string, body?: string) {
  const framing =
    body === undefined
      ? ""
      : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
  return exchange(
    server.url,
    `${method} ${target} HTTP/1.1\r\nHost: x\r\n${auth}${framing}Connection: close\r\n\r\n${body ?? ""}`,
  );
}

async function clockOffset(): Promise<number> {
  const response = await fetch(`${server.url}/sandbox/clock`, {
    headers: { authorization: `Bearer ${DEMO_KEYS.full}` },
  });
  return ((await response.json()) as { offset_seconds: number }).offset_seconds;
}

describe("dot segments", () => {
  test.each([
    "/v1/residential/sessions/.",
    "/v1/residential/sessions/..",
    "/v1/residential/sessions/%2e",
    "/v1/residential/sessions/%2E%2e",
    "/v1/mobile/.%2E/residential/sessions",
    "/v1/residential/./sessions?limit=1",
    "http://x/v1/residential/sessions/%2e%2e/sessions",
  ])("%s is 404 not_found in the gateway's body, never resolved", async (target) => {
    const answer = await send("GET", target);
    expectGatewayError(answer, 404, "not_found");
    expect(answer.headers.get("content-type")).toBe("application/json");
  });

  test("under /app they are 404 in the application body, and the operation they lead to does not run", async () => {
    const before = await clockOffset();
    const body = JSON.stringify({ seconds: 3600 });
    const answer = await send("POST", "/app/sessions/%2e%2e/%2e%2e/sandbox/clock/advance", body);
    expectAppError(answer, 404, "ERR_NOT_FOUND");
    expect(await clockOffset()).toBe(before);
  });

  test("a segment of three dots is a name, not a dot segment: it reaches the operation", async () => {
    const answer = await send("GET", "/v1/residential/sessions/...");
    expectGatewayError(answer, 404, "session_not_found");
  });
});

describe("trailing slashes", () => {
  test.each([
    ["/v1/residential/sessions/", "gateway"],
    ["/healthz/", "gateway"],
    ["/sandbox/clock/", "gateway"],
    ["/app/sessions/", "app"],
  ])("%s names no path: 404 not_found in the %s body", async (path, family) => {
    const answer = await send("GET", path);
    if (family === "app") expectAppError(answer, 404, "ERR_NOT_FOUND");
    else expectGatewayError(answer, 404, "not_found");
  });

  test("in process too, where the URL has resolved dot segments into one", async () => {
    const app = await createTestApp();
    try {
      expectGatewayError(await app.call("GET", "/v1/residential/sessions/"), 404, "not_found");
      expectGatewayError(await app.call("GET", "/v1/residential/sessions/."), 404, "not_found");
      expect((await app.call("GET", "/v1/residential/sessions")).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  test("/docs/ is still the reference page's, for people who type it", async () => {
    const answer = await send("GET", "/docs/");
    expect(answer.status).toBeLessThan(400);
  });
});

describe("request lines and Host headers no URL can be built from", () => {
  // one request with the head given as is, on its own connection
  const sendHead = (head: string) => exchange(server.url, `${head}\r\n${auth}Connection: close\r\n\r\n`);

  test.each([
    ["[::1", "/healthz"],
    ["a b", "/healthz"],
    [":99999", "/healthz"],
    ["x:65536", "/healthz"],
    ["", "/healthz"],
    ["127.1", "/healthz"],
  ])("Host %j is 400 malformed_request in the family's body", async (host, path) => {
    const answer = await sendHead(`GET ${path} HTTP/1.1\r\nHost: ${host}`);
    expectGatewayError(answer, 400, "malformed_request");
    expect(answer.body.error.message).toMatch(/^The Host header must be a host name or IP address/);
    expect(answer.headers.get("content-type")).toBe("application/json");
  });

  test.each(["/app/sessions", "/%61pp/sessions", "http://127.0.0.1/sandbox/app/sessions"])(
    "the family is the path's, as the router reads it: an invalid Host on %s gets the application body",
    async (target) => {
      expectAppError(await sendHead(`GET ${target} HTTP/1.1\r\nHost: a b`), 400, "ERR_MALFORMED_REQUEST");
    },
  );

  test("an HTTP/1.1 request without a Host, or with two, is 400 malformed_request", async () => {
    const missing = await sendHead("GET /healthz HTTP/1.1");
    expectGatewayError(missing, 400, "malformed_request");
    expect(missing.body.error.message).toBe("An HTTP/1.1 request needs a Host header naming the server.");
    const twice = await sendHead("GET /healthz HTTP/1.1\r\nHost: x\r\nHost: y");
    expectGatewayError(twice, 400, "malformed_request");
  });

  test.each([
    "GET /healthz HTTP/1.1\r\nHost: [::1]:8080",
    "GET /healthz HTTP/1.1\r\nHost: API.Example.com",
    "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:65535",
    "GET /healthz HTTP/1.1\r\nHost: x:80",
    "GET /healthz HTTP/1.0",
    "GET http://x/healthz HTTP/1.1\r\nHost: x",
  ])("%j is answered", async (head) => {
    expect((await sendHead(head)).status).toBe(200);
  });

  test.each(["GET *", "OPTIONS *"])("%s is 400 malformed_request: the target is not a path", async (line) => {
    const answer = await sendHead(`${line} HTTP/1.1\r\nHost: x`);
    expectGatewayError(answer, 400, "malformed_request");
    expect(answer.body.error.message).toMatch(/^The request target must be a path/);
  });

  test("a backslash in the path is 400 malformed_request, as URL parsers would read it as a slash", async () => {
    const answer = await sendHead("GET /v1\\residential/sessions HTTP/1.1\r\nHost: x");
    expectGatewayError(answer, 400, "malformed_request");
  });

  test("a backslash after a fragment mark is 400 malformed_request in the path's family too", async () => {
    const answer = await sendHead("GET /app/sessions/#\\ HTTP/1.1\r\nHost: x");
    expectAppError(answer, 400, "ERR_MALFORMED_REQUEST");
    expect(answer.body.msg).toMatch(/backslash/);
  });

  test("CONNECT is answered like any other method: 400 for host:443, 405 with Allow on a path", async () => {
    const tunnel = await sendHead("CONNECT host:443 HTTP/1.1\r\nHost: host:443");
    expectGatewayError(tunnel, 400, "malformed_request");
    const health = await sendHead("CONNECT /healthz HTTP/1.1\r\nHost: x");
    expectGatewayError(health, 405, "method_not_allowed");
    expect(health.headers.get("allow")).toBe("GET, HEAD");
    const sessions = await sendHead("CONNECT /app/sessions HTTP/1.1\r\nHost: x");
    expectAppError(sessions, 405, "ERR_METHOD_NOT_ALLOWED");
  });

  test("an expectation other than 100-continue is ignored, and the request answered", async () => {
    const answer = await sendHead("GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: something-else");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: "ok", store: "pglite" });
  });
});

describe("requests asking to switch protocols (Connection: Upgrade)", () => {
  const upgrade = "Connection: Upgrade\r\nUpgrade: websocket\r\n";

  test("without a body are answered as if they had not asked, and the connection then closes", async () => {
    const answer = await exchange(server.url, `GET /healthz HTTP/1.1\r\nHost: x\r\n${upgrade}\r\n`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: "ok", store: "pglite" });
  });

  test("with a body are 400 malformed_request at once, in the path's family, and do not run", async () => {
    const before = await clockOffset();
    // a chunk size that is not hex: the body Node no longer parses once it takes the request for an upgrade
    const chunked = `POST /sandbox/clock/advance HTTP/1.1\r\nHost: x\r\n${auth}${upgrade}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`;
    const gateway = await exchange(server.url, chunked);
    expectGatewayError(gateway, 400, "malformed_request");
    expect(gateway.body.error.message).toMatch(/does not switch protocols/);
    const body = JSON.stringify({ seconds: 3600 });
    const whole = `POST /sandbox/clock/advance HTTP/1.1\r\nHost: x\r\n${auth}${upgrade}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    expectGatewayError(await exchange(server.url, whole), 400, "malformed_request");
    expect(await clockOffset()).toBe(before);
    const app = `POST /app/sessions HTTP/1.1\r\nHost: x\r\n${auth}${upgrade}Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`;
    expectAppError(await exchange(server.url, app), 400, "ERR_MALFORMED_REQUEST");
  });
});
