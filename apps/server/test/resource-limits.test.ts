/**
 * What a server holds for its clients, over real sockets: connections up to a limit (one more is told
 * 503 and closed), requests that must arrive in time, and idle connections that are let go. Timeouts
 * are set small here and waited for as events.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_KEYS, type SessionsServer, startSessionsServer } from "../src/index.js";
import { expectAppError, expectGatewayError } from "./helpers.js";
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
      headersTimeoutMs: 300,
      requestTimeoutMs: 600,
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
      "The request did not arrive in time: its headers within 0.3 s, all of it within 0.6 s.",
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
