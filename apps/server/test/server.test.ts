import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createSessionsApp, DEMO_KEYS, type Logger, startSessionsServer } from "../src/index.js";
import { proxied } from "./helpers.js";

describe("startSessionsServer", () => {
  test("listens on a free loopback port and answers over HTTP", async () => {
    const server = await startSessionsServer({ port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/v1/residential/sessions`, {
        headers: { authorization: `Bearer ${DEMO_KEYS.full}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-request-id")).toMatch(/^req_/);
      expect(await response.json()).toEqual({ data: [], next_cursor: null });
    } finally {
      await server.close();
    }
  });

  test("close lets a request in flight finish before the store closes", async () => {
    const server = await startSessionsServer({ port: 0 });
    const { port } = new URL(server.url);
    const body = JSON.stringify({ seconds: 60 });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/sandbox/clock/advance",
          headers: {
            authorization: `Bearer ${DEMO_KEYS.full}`,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      // half the body now, the rest once shutdown has begun
      req.write(body.slice(0, 5));
      setTimeout(() => {
        closed = server.close();
        setTimeout(() => req.end(body.slice(5)), 50);
      }, 50);
    });
    let closed: Promise<void> | undefined;
    const response = await answered;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).offset_seconds).toBe(60);
    await closed;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});

describe("unexpected errors", () => {
  test("become 500 in the family's body with the cause logged, never sent", async () => {
    const logged: Record<string, unknown>[] = [];
    const logger: Logger = { info: () => {}, error: (msg, fields) => logged.push({ msg, ...fields }) };
    const sandbox = await createSessionsApp({ logger, purgeIntervalMs: 0 });
    // a bug in the store's reads (a store that cannot be reached is a 503: test/database-outage.test.ts)
    const bug = () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'id')"));
    sandbox.store.listSessions = bug;
    sandbox.store.listAppSessions = bug;
    const call = (path: string, key: string | null = DEMO_KEYS.full) =>
      sandbox.fetch(
        new Request(`http://localhost${path}`, {
          headers: key === null ? {} : { authorization: `Bearer ${key}` },
        }),
      );
    const gateway = await call("/v1/residential/sessions");
    expect(gateway.status).toBe(500);
    const gatewayBody: unknown = await gateway.json();
    expect(gatewayBody).toEqual({
      error: {
        code: "internal_error",
        message: "An unexpected error occurred; quote the request id to support.",
        request_id: gateway.headers.get("x-request-id"),
      },
    });
    const application = await call("/app/sessions");
    expect(application.status).toBe(500);
    expect(await application.json()).toMatchObject({ error_code: "ERR_INTERNAL", status_code: 500 });
    expect(logged.filter((entry) => entry.msg === "unhandled error")).toHaveLength(2);
    expect(logged[0]).toMatchObject({
      request_id: gateway.headers.get("x-request-id"),
      path: "/v1/residential/sessions",
    });
    expect(typeof logged[0]?.error).toBe("string");
    expect(JSON.stringify(gatewayBody)).not.toContain(String(logged[0]?.error));
    await sandbox.close();
  });
});

describe("publicUrl", () => {
  test("that is not an http(s) URL is refused before the store opens", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sessions-api-public-url-"));
    try {
      for (const publicUrl of [
        "sandbox.example.com",
        "ftp://sandbox.example.com",
        "https://x.example/?a=1",
      ]) {
        await expect(createSessionsApp({ publicUrl, dataDir, purgeIntervalMs: 0 })).rejects.toThrow(
          `publicUrl (SESSIONS_API_PUBLIC_URL) must be an http(s) URL such as https://sandbox.example.com, without a query; got ${JSON.stringify(publicUrl)}.`,
        );
      }
      // the data directory was not taken
      await (await createSessionsApp({ dataDir, purgeIntervalMs: 0 })).close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("is the origin of every absolute URI, whatever host the request came to", async () => {
    const sandbox = await createSessionsApp({
      publicUrl: "https://sandbox.example.com/",
      purgeIntervalMs: 0,
    });
    try {
      const response = await sandbox.fetch(
        new Request("http://127.0.0.1:9999/sandbox/app/sessions", {
          method: "POST",
          headers: { authorization: `Bearer ${DEMO_KEYS.full}` },
        }),
      );
      expect(response.status).toBe(201);
      const created = (await response.json()) as { id: string; uri: string; endpoint: { uri: string } };
      expect(created.uri).toBe(`https://sandbox.example.com/app/sessions/${created.id}`);
      expect(response.headers.get("location")).toBe(created.uri);
      // the endpoint is the vendor API's resource, not this server's
      expect(created.endpoint.uri.startsWith("https://api.ngrok.com/endpoints/")).toBe(true);
    } finally {
      await sandbox.close();
    }
  });
});

describe("request bodies over HTTP", () => {
  // one POST of a traffic report, its body written in the pieces given, with or without a Content-Length;
  // with `end: false` the request is left open and the answer awaited before anything more is sent
  function postTraffic(
    url: string,
    pieces: readonly string[],
    options: { declareLength?: boolean; length?: number; end?: boolean } = {},
  ): Promise<{ status: number; connection: string | undefined; body: { error?: { code: string } } }> {
    const { declareLength = true, end = true } = options;
    const length = options.length ?? pieces.reduce((sum, piece) => sum + Buffer.byteLength(piece), 0);
    return new Promise((resolve, reject) => {
      let answered = false;
      const req = request(
        {
          host: "127.0.0.1",
          port: new URL(url).port,
          method: "POST",
          path: "/sandbox/v1/residential/traffic",
          headers: {
            authorization: `Bearer ${DEMO_KEYS.full}`,
            "content-type": "application/json",
            ...(declareLength ? { "content-length": length } : { "transfer-encoding": "chunked" }),
          },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => {
            answered = true;
            req.destroy();
            resolve({
              status: res.statusCode ?? 0,
              connection: res.headers.connection,
              body: JSON.parse(text),
            });
          });
        },
      );
      req.on("error", (error) => {
        if (!answered) reject(error);
      });
      req.flushHeaders();
      const write = (i: number) => {
        if (i === pieces.length) {
          if (end) req.end();
          return;
        }
        req.write(pieces[i]);
        setTimeout(() => write(i + 1), 5);
      };
      write(0);
    });
  }
  const report = (username: string) => JSON.stringify({ username, requests: [proxied()] });

  test("a body that arrives in pieces is read whole, with or without a Content-Length", async () => {
    const server = await startSessionsServer({ port: 0 });
    try {
      const body = report("user-sub_bodies1-region-us-session-pieces-sesstime-10");
      const pieces = [body.slice(0, 10), body.slice(10, 40), body.slice(40)];
      expect(await postTraffic(server.url, pieces)).toMatchObject({ status: 201 });
      expect(await postTraffic(server.url, pieces, { declareLength: false })).toMatchObject({ status: 200 });
      // a byte order mark is not part of the JSON, as fetch's Request.text() reads it in process
      expect(await postTraffic(server.url, [`\uFEFF${body}`])).toMatchObject({ status: 200 });
    } finally {
      await server.close();
    }
  });

  test("a body over 1 MiB is 400 invalid_request_body, declared or not, and the server goes on", async () => {
    const server = await startSessionsServer({ port: 0 });
    try {
      // the client waits for the answer before it sends the rest, as a client would do on a 100-continue
      const declared = await postTraffic(server.url, [], { length: 2 * 1024 * 1024, end: false });
      const undeclared = await postTraffic(server.url, ["x".repeat(1024 * 1024 + 1)], {
        declareLength: false,
        end: false,
      });
      for (const answer of [declared, undeclared]) {
        expect(answer).toMatchObject({ status: 400, body: { error: { code: "invalid_request_body" } } });
        // the rest of the body is not waited for: the connection ends with the answer
        expect(answer.connection).toBe("close");
      }
      const after = await postTraffic(server.url, [
        report("user-sub_bodies2-region-us-session-after-sesstime-10"),
      ]);
      expect(after).toMatchObject({ status: 201 });
    } finally {
      await server.close();
    }
  });
});
