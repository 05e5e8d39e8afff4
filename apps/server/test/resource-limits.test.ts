/**
 * What a server holds for its clients, over real sockets: connections up to a limit (one more is told
 * 503 and closed), requests that must arrive in time, idle connections that are let go, and bodies that
 * are not read past what the operation takes. Timeouts are set small here and waited for as events.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_KEYS, type SessionsServer, startSessionsServer } from "../src/index.js";
import { expectAppError, expectGatewayError, newSubuser, proxied, username } from "./helpers.js";
import { exchange, exchangeAll, openConnection, readAnswers, readAnswersUntilClose } from "./raw-http.js";

const auth = `Authorization: Bearer ${DEMO_KEYS.full}\r\n`;
const healthz = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

async function clockOffset(url: string): Promise<number> {
  const answer = await exchange(
    url,
    `GET /sandbox/clock HTTP/1.1\r\nHost: x\r\n${auth}Connection: close\r\n\r\n`,
  );
  return answer.body.offset_seconds;
}

describe("timeouts", () => {
  let server: SessionsServer;
  beforeAll(async () => {
    server = await startSessionsServer({
      port: 0,
      purgeIntervalMs: 0,
      // small, but long enough that a busy machine still writes each request's head in time
      headersTimeoutMs: 1000,
      requestTimeoutMs: 2000,
      keepAliveTimeoutMs: 1000,
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  test("a connection that sends nothing is answered 408 malformed_request once its headers are late, and closed", async () => {
    const answers = await readAnswersUntilClose(await openConnection(server.url));
    expect(answers).toHaveLength(1);
    const [answer] = answers;
    if (answer === undefined) throw new Error("no answer");
    expectGatewayError(answer, 408, "malformed_request");
    expect(answer.body.error.message).toBe(
      "The request did not arrive in time: its headers within 1 s, all of it within 2 s.",
    );
  });

  test("a request whose body stops arriving is answered 408 in its family's body, and closed", async () => {
    const answers = await exchangeAll(
      server.url,
      `POST /sandbox/app/sessions HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{}`,
    );
    expect(answers).toHaveLength(1);
    const [answer] = answers;
    if (answer === undefined) throw new Error("no answer");
    expectAppError(answer, 408, "ERR_MALFORMED_REQUEST");
  });

  test("a kept-alive connection is let go once idle past keepAliveTimeoutMs, as its answers say", async () => {
    const answers = await exchangeAll(server.url, healthz);
    expect(answers.map((answer) => answer.status)).toEqual([200]);
    expect(answers[0]?.headers.get("keep-alive")).toBe("timeout=1");
  });
});

describe("the connection limit", () => {
  let server: SessionsServer;
  beforeAll(async () => {
    server = await startSessionsServer({ port: 0, purgeIntervalMs: 0, maxConnections: 2 });
  });
  afterAll(async () => {
    await server?.close();
  });

  test("one connection over it is answered 503 with Retry-After at once, runs nothing, and is closed", async () => {
    // two connections the server holds, each answered once and kept alive
    const held = [await openConnection(server.url), await openConnection(server.url)];
    for (const socket of held) {
      const answered = readAnswers(socket, 1);
      socket.write(healthz);
      expect((await answered).map((answer) => answer.status)).toEqual([200]);
    }
    const advance = JSON.stringify({ seconds: 3600 });
    const answers = await exchangeAll(
      server.url,
      `POST /sandbox/clock/advance HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: ${advance.length}\r\n\r\n${advance}`,
    );
    expect(answers).toHaveLength(1);
    const [refused] = answers;
    if (refused === undefined) throw new Error("no answer");
    expectGatewayError(refused, 503, "service_unavailable");
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.headers.get("content-type")).toBe("application/json");
    expect(refused.body.error.message).toBe("The server holds its limit of 2 connections; retry in 1 s.");

    // once a held connection closes, there is room again; and the refused request had not run
    held[1]?.end();
    await expect
      .poll(
        async () =>
          (await exchange(server.url, `GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`))
            .status,
        {
          timeout: 20_000,
          interval: 50,
        },
      )
      .toBe(200);
    held[0]?.destroy();
    await expect.poll(async () => clockOffset(server.url), { timeout: 20_000, interval: 50 }).toBe(0);
  });
});

describe("request bodies", () => {
  let server: SessionsServer;
  beforeAll(async () => {
    server = await startSessionsServer({ port: 0, purgeIntervalMs: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  test("past 1 KiB, a body sent to an operation that takes none is 400 malformed_request, and it does not run", async () => {
    const subuser = newSubuser();
    const report = JSON.stringify({ username: username(subuser, "body1"), requests: [proxied()] });
    const started = await exchange(
      server.url,
      `POST /sandbox/v1/residential/traffic HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: ${report.length}\r\nConnection: close\r\n\r\n${report}`,
    );
    expect(started.status).toBe(201);
    const id: string = started.body.id;
    const body = "x".repeat(2048);
    const terminate = await exchange(
      server.url,
      `DELETE /v1/residential/sessions/${id} HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: ${body.length}\r\n\r\n${body}`,
    );
    expectGatewayError(terminate, 400, "malformed_request");
    expect(terminate.body.error.message).toBe(
      "This operation takes no request body; send none (up to 1024 bytes are ignored).",
    );
    expect(terminate.headers.get("connection")).toBe("close");
    const after = await exchange(
      server.url,
      `GET /v1/residential/sessions/${id} HTTP/1.1\r\nHost: x\r\n${auth}Connection: close\r\n\r\n`,
    );
    expect(after.body.status).toBe("active");
  });

  test("a chunked body past 1 KiB to GET /healthz is refused too, as is a declared one never sent", async () => {
    const chunk = "y".repeat(600);
    const chunked = await exchange(
      server.url,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n${chunk}\r\n258\r\n${chunk}\r\n0\r\n\r\n`,
    );
    expectGatewayError(chunked, 400, "malformed_request");
    // 100 MB announced, none of it sent: answered at once, and the connection closed without waiting
    const declared = await exchange(
      server.url,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n`,
    );
    expectGatewayError(declared, 400, "malformed_request");
  });

  test("up to 1 KiB, a body sent to an operation that takes none is ignored, and the connection goes on", async () => {
    const answers = await exchangeAll(
      server.url,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
  });

  test("a body the answer did not need is not read to its end: the answer closes the connection", async () => {
    // refused before its body is read (no key): 100 MB announced, 10 bytes sent, nothing more
    for (const line of ["POST /sandbox/v1/residential/traffic", "GET /v1/residential/sessions"]) {
      const answers = await exchangeAll(
        server.url,
        `${line} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n0123456789`,
      );
      expect(answers.map((answer) => answer.status)).toEqual([401]);
      expect(answers[0]?.headers.get("connection")).toBe("close");
    }
  });
});
