import { describe, expect, test } from "vitest";
import { createContractClient } from "./contract-client.js";
import { contractMetaOf } from "./exchange-log.js";
import { ContractViolationError } from "./report.js";

const clock = { now: "2026-05-28T07:00:00Z", offset_seconds: 0 };

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return async () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", "x-request-id": "req_1", ...headers },
    });
}

describe("createContractClient", () => {
  test("returns the parsed body of a conforming response", async () => {
    const client = createContractClient({
      baseUrl: "http://target.test",
      apiKey: "k",
      fetch: respond(200, clock),
    });
    const response = await client.call("getClock", { expect: 200 });
    expect(response.body).toEqual(clock);
    expect(response.requestId).toBe("req_1");
  });

  test("sends the key, the Prefer header and a JSON body as the call asks", async () => {
    let seen: Request | undefined;
    const client = createContractClient({
      baseUrl: "http://target.test",
      apiKey: "sk_default",
      fetch: async (request) => {
        seen = request;
        return respond(200, clock)();
      },
    });
    await client.call("advanceClock", { body: { seconds: 5 }, prefer: "code=200" });
    expect(seen?.url).toBe("http://target.test/sandbox/clock/advance");
    expect(seen?.headers.get("authorization")).toBe("Bearer sk_default");
    expect(seen?.headers.get("prefer")).toBe("code=200");
    expect(await seen?.json()).toEqual({ seconds: 5 });
  });

  test("fails a broken response with a message naming the operation, the request and the field", async () => {
    const client = createContractClient({
      baseUrl: "http://target.test",
      apiKey: "k",
      fetch: respond(200, { ...clock, offset_seconds: "0" }),
    });
    const failure = await client.call("getClock").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContractViolationError);
    expect((failure as Error).message).toMatchInlineSnapshot(`
      "getClock: GET /sandbox/clock -> 200 breaks the contract:
        - body /offset_seconds: must be integer; actual "0""
    `);
  });

  test("fails a dropped status: one the operation does not document", async () => {
    const client = createContractClient({
      baseUrl: "http://target.test",
      apiKey: "k",
      fetch: respond(200, undefined),
    });
    const failure = await client
      .call("deleteApplicationSession", { path: { id: "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE" } })
      .catch((e) => e);
    expect((failure as Error).message).toContain(
      "deleteApplicationSession: DELETE /app/sessions/as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE -> 200 breaks the contract:\n  - status: 200 is not a status the spec documents for deleteApplicationSession; expected 204 | 400 | 401 | 403 | 404 | 429 | 500",
    );
  });

  test("fails a conforming response with another status than the case expects", async () => {
    const client = createContractClient({
      baseUrl: "http://target.test",
      apiKey: "k",
      fetch: respond(200, clock),
    });
    await expect(client.call("getClock", { expect: 401 })).rejects.toThrow(
      "getClock: GET /sandbox/clock -> expected 401, got 200",
    );
  });

  test("fails a target that does not answer in time as a hang", async () => {
    const client = createContractClient({
      baseUrl: "http://target.test",
      apiKey: "k",
      timeoutMs: 50,
      fetch: (request) =>
        new Promise((_, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
    });
    await expect(client.call("getClock")).rejects.toThrow(
      "getClock: GET /sandbox/clock got no answer within 50 ms (a hang)",
    );
  });

  test("records each exercised pair and each violation in the running test's meta", async ({ task }) => {
    const client = createContractClient({
      baseUrl: "http://target.test",
      apiKey: "k",
      fetch: respond(200, clock),
    });
    await client.call("getClock");
    await createContractClient({ baseUrl: "http://target.test", apiKey: "k", fetch: respond(418, {}) })
      .call("getClock")
      .catch(() => undefined);
    expect(contractMetaOf(task.meta)?.pairs).toEqual(["getClock 200", "getClock 418"]);
    expect(contractMetaOf(task.meta)?.violations.map((v) => v.status)).toEqual([418]);
  });

  test("waits out a 429 it did not ask for, when told to, and holds each 429 to the contract", async () => {
    const statuses = [429, 429, 200];
    const rateLimited = { error: { code: "rate_limited", message: "slow down", request_id: "req_1" } };
    const client = createContractClient({
      baseUrl: "http://target.test",
      apiKey: "k",
      retryRateLimited: true,
      fetch: async () => {
        const status = statuses.shift() ?? 200;
        return status === 429 ? respond(429, rateLimited, { "retry-after": "1" })() : respond(200, clock)();
      },
    });
    const response = await client.call("getClock", { expect: 200 });
    expect(response.status).toBe(200);
    expect(statuses).toEqual([]);
    // a 429 the case asks for is answered, not waited out
    statuses.push(429);
    await client.call("getClock", { expect: 429 });
    // and a 429 without Retry-After still breaks the contract
    const broken = createContractClient({
      baseUrl: "http://target.test",
      apiKey: "k",
      retryRateLimited: true,
      fetch: respond(429, rateLimited),
    });
    await expect(broken.call("getClock", { expect: 200 })).rejects.toThrow(/header Retry-After/);
  });
});
