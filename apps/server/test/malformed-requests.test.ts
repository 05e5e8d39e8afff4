/**
 * Requests that never become a request, over real sockets: what Node's HTTP parser refuses, and what does
 * not arrive in time, get `malformed_request` in the family's error body with a request id, as every other
 * error does, and the connection closes. The server goes on answering others.
 */
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { createSessionsApp, DEMO_KEYS, type Logger, startSessionsServer } from "../src/index.js";
import { answerMalformedRequests } from "../src/protocol-errors.js";
import { expectAppError, expectGatewayError, newSubuser, proxied, username } from "./helpers.js";
import { exchange, exchangeAll, type RawAnswer } from "./raw-http.js";

const auth = `Authorization: Bearer ${DEMO_KEYS.full}\r\n`;

describe("requests Node's parser refuses, on the server", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function server(logger?: Logger) {
    const started = await startSessionsServer({
      port: 0,
      purgeIntervalMs: 0,
      ...(logger === undefined ? {} : { logger, logRequests: true }),
    });
    close = started.close;
    return started.url;
  }

  test("a broken header line is 400 malformed_request in the gateway's body, and the server goes on", async () => {
    const url = await server();
    const answer = await exchange(
      url,
      `GET /v1/residential/sessions HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n`,
    );
    expectGatewayError(answer, 400, "malformed_request");
    expect(answer.body.error.message).toMatch(/^The request could not be read as HTTP\/1\.1: /);
    expect(answer.headers.get("connection")).toBe("close");
    expect(answer.headers.get("content-type")).toBe("application/json");
    const after = await fetch(`${url}/v1/residential/sessions`, {
      headers: { authorization: `Bearer ${DEMO_KEYS.full}` },
    });
    expect(after.status).toBe(200);
  });

  test("bytes that are not a request, pipelined after one, are answered after it, in order", async () => {
    const url = await server();
    const { hostname, port } = new URL(url);
    const text = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect(Number(port), hostname, () =>
        socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nNOT HTTP\r\n\r\n`),
      );
      socket.on("data", (chunk) => chunks.push(chunk));
      socket.on("error", reject);
      socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
    });
    const statusLines = text.match(/HTTP\/1\.1 \d{3}/g);
    expect(statusLines).toEqual(["HTTP/1.1 200", "HTTP/1.1 400"]);
    expect(text).toContain('{"status":"ok","store":"pglite"}');
    expect(text).toContain('"code":"malformed_request"');
  });

  test("every request pipelined before bytes that are no request is run and answered, in order, then the 400", async () => {
    const url = await server();
    const subuser = newSubuser();
    const reports = Array.from({ length: 20 }, (_, i) => {
      const body = JSON.stringify({ username: username(subuser, `pipe${i}`), requests: [proxied()] });
      return `POST /sandbox/v1/residential/traffic HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    });
    const answers = await exchangeAll(url, `${reports.join("")}NOT HTTP\r\n\r\n`);
    expect(answers.map((answer) => answer.status)).toEqual([...Array(20).fill(201), 400]);
    expect(answers.slice(0, 20).map((answer) => answer.body.session_id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `pipe${i}`),
    );
    expectGatewayError(answers[20] as RawAnswer, 400, "malformed_request");
    // what ran is what was answered: no session was started without its 201
    const listed = await fetch(`${url}/v1/residential/sessions?subuser=${subuser}&limit=200`, {
      headers: { authorization: `Bearer ${DEMO_KEYS.full}` },
    });
    expect(((await listed.json()) as { data: unknown[] }).data).toHaveLength(20);
  });

  test("a request broken in its body after pipelined ones gets the 400 in its place, after their answers", async () => {
    const url = await server();
    const subuser = newSubuser();
    const reports = Array.from({ length: 3 }, (_, i) => {
      const body = JSON.stringify({ username: username(subuser, `pipe${i}`), requests: [proxied()] });
      return `POST /sandbox/v1/residential/traffic HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    });
    const broken = `POST /sandbox/clock/advance HTTP/1.1\r\nHost: x\r\n${auth}Transfer-Encoding: chunked\r\n\r\nnot-a-size\r\n`;
    const answers = await exchangeAll(url, `${reports.join("")}${broken}`);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 400]);
    expectGatewayError(answers[3] as RawAnswer, 400, "malformed_request");
  });

  test.each([
    ["origin-form", "/sandbox/app/sessions"],
    ["absolute-form", "http://127.0.0.1/sandbox/app/sessions"],
    ["absolute-form, a query after the path", "http://127.0.0.1/app/sessions?limit=2"],
    ["a letter percent-encoded", "/%61pp/sessions"],
  ])("a broken header of a request to an /app path (%s) is 400 in the AppError body", async (_, target) => {
    const url = await server();
    const answer = await exchange(
      url,
      `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Content-Length: +2\r\n\r\n{}`,
    );
    expectAppError(answer, 400, "ERR_MALFORMED_REQUEST");
  });

  test("a request line and headers past 16 KiB are 431, in the body of the family the path belongs to", async () => {
    const url = await server();
    const longQuery = `cursor=${"a".repeat(20_000)}`;
    const app = await exchange(url, `GET /app/sessions?${longQuery} HTTP/1.1\r\nHost: x\r\n${auth}\r\n`);
    expectAppError(app, 431, "ERR_MALFORMED_REQUEST");
    expect(app.body.msg).toBe("The request line and headers are larger than 16384 bytes.");
    const manyHeaders = Array.from({ length: 2000 }, (_, i) => `X-Padding-${i}: ${i}\r\n`).join("");
    const gateway = await exchange(
      url,
      `GET /v1/residential/sessions HTTP/1.1\r\nHost: x\r\n${manyHeaders}\r\n`,
    );
    expectGatewayError(gateway, 431, "malformed_request");
  });

  test("a broken chunked body is 400, and the request it cut short is not logged as a server error", async () => {
    const lines: Record<string, unknown>[] = [];
    const url = await server({
      info: (msg, fields) => lines.push({ level: "info", msg, ...fields }),
      error: (msg, fields) => lines.push({ level: "error", msg, ...fields }),
    });
    const answer = await exchange(
      url,
      `POST /sandbox/clock/advance HTTP/1.1\r\nHost: x\r\n${auth}Transfer-Encoding: chunked\r\n\r\nnot-a-size\r\n`,
    );
    expectGatewayError(answer, 400, "malformed_request");
    // the operation had begun reading its body when the framing broke: it ends as the client's fault too
    await expect.poll(() => lines.some((line) => line.method === "POST")).toBe(true);
    expect(lines.filter((line) => line.level === "error")).toEqual([]);
    expect(new Set(lines.map((line) => line.status))).toEqual(new Set([400]));
  });

  test("a body cut off by the client ends as 400 malformed_request, not as a server error", async () => {
    const lines: Record<string, unknown>[] = [];
    const url = await server({
      info: (msg, fields) => lines.push({ level: "info", msg, ...fields }),
      error: (msg, fields) => lines.push({ level: "error", msg, ...fields }),
    });
    const { port } = new URL(url);
    const socket = connect(Number(port), "127.0.0.1", () => {
      socket.write(
        `POST /sandbox/clock/advance HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"sec`,
      );
      setTimeout(() => socket.destroy(), 50);
    });
    // the operation's own line (with its method) ends the request; the connection's end is logged too
    await expect.poll(() => lines.some((line) => line.method === "POST")).toBe(true);
    expect(lines.filter((line) => line.level === "error")).toEqual([]);
    expect(new Set(lines.map((line) => line.status))).toEqual(new Set([400]));
  });

  test("bytes with no request line after a whole /app request are answered in GatewayError, not the /app request's family", async () => {
    const url = await server();
    // a body one byte shorter than its Content-Length says leaves `}` where the next request should start
    const answers = await exchangeAll(
      url,
      `GET /app/sessions?limit=1 HTTP/1.1\r\nHost: x\r\n${auth}\r\n\u0000garbage\r\n\r\n`,
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 400]);
    expectGatewayError(answers[1] as RawAnswer, 400, "malformed_request");
  });

  test("a JSON body that is not UTF-8 is 400 invalid_request_body, and nothing is stored", async () => {
    const url = await server();
    const body = Buffer.concat([
      Buffer.from('{"user_agent":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);
    const head = `POST /sandbox/app/sessions HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const answer = await exchange(url, Buffer.concat([Buffer.from(head), body]));
    expectAppError(answer, 400, "ERR_INVALID_REQUEST_BODY");
    expect(answer.body.msg).toBe("The request body is not UTF-8: send JSON encoded as UTF-8.");
    const list = await fetch(`${url}/app/sessions`, {
      headers: { authorization: `Bearer ${DEMO_KEYS.full}` },
    });
    const sessions = (
      (await list.json()) as { application_sessions: { browser_session: { user_agent: { raw: string } } }[] }
    ).application_sessions;
    expect(sessions.some((session) => session.browser_session.user_agent.raw.includes("\ufffd"))).toBe(false);
  });

  test("HTTP/2 without TLS is told the server speaks HTTP/1.1", async () => {
    const url = await server();
    const answer = await exchange(url, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    expectGatewayError(answer, 400, "malformed_request");
    expect(answer.body.error.message).toBe("The server speaks HTTP/1.1 only, not HTTP/2 without TLS.");
  });
});

describe("bodies that fail in process", () => {
  test("a body stream that errors is 400 malformed_request, not a server error", async () => {
    const errors: string[] = [];
    const sandbox = await createSessionsApp({
      purgeIntervalMs: 0,
      logger: { info: () => {}, error: (msg) => errors.push(msg) },
    });
    try {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"sec'));
          controller.error(new Error("the caller's stream broke"));
        },
      });
      const response = await sandbox.fetch(
        new Request("http://127.0.0.1/sandbox/clock/advance", {
          method: "POST",
          headers: { authorization: `Bearer ${DEMO_KEYS.full}`, "content-type": "application/json" },
          body,
          duplex: "half",
        } as RequestInit),
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("malformed_request");
      expect(errors).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});

describe("requests that do not arrive in time", () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  test("are 408 malformed_request, saying how long a request may take", async () => {
    // a bare server with the protocol errors alone: it checks every 50 ms and allows 300 ms
    server = createServer({ connectionsCheckingInterval: 50 }, (req, res) => {
      req.resume();
      req.on("end", () => res.end());
    });
    answerMalformedRequests(server, { logger: { info: () => {}, error: () => {} } });
    server.headersTimeout = 300;
    server.requestTimeout = 300;
    const listening = server;
    await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
    const address = listening.address();
    if (address === null || typeof address === "string") throw new Error("not listening on a port");
    const url = `http://127.0.0.1:${address.port}`;
    // headers cut short: no path was read, so the answer is in the gateway's body
    const noHeaders = await exchange(url, "GET /app/sessions HTTP/1.1\r\nHost: x\r\n");
    expectGatewayError(noHeaders, 408, "malformed_request");
    expect(noHeaders.body.error.message).toBe(
      "The request did not arrive in time: its headers within 0.3 s, all of it within 0.3 s.",
    );
    // a body cut short: the request's path was read, and picks the family
    const noBody = await exchange(
      url,
      "POST /sandbox/app/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{}",
    );
    expectAppError(noBody, 408, "ERR_MALFORMED_REQUEST");
  });
});
