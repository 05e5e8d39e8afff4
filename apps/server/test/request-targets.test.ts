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
    expectGatewayError(answer, 400, "invalid_parameter", "id");
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
