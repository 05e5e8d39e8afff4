/**
 * What a server holds for its clients, over real sockets: requests that must arrive in time, and idle
 * connections that are let go. Timeouts are set small here and waited for as events.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_KEYS, type SessionsServer, startSessionsServer } from "../src/index.js";
import { expectAppError, expectGatewayError } from "./helpers.js";
import { exchangeAll, openConnection, readAnswersUntilClose } from "./raw-http.js";

const auth = `Authorization: Bearer ${DEMO_KEYS.full}\r\n`;
const healthz = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

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
