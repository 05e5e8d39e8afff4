/**
 * Idempotent sandbox writes: a sandbox POST sent again with its Idempotency-Key gets the first answer
 * (status, body, headers) marked Idempotent-Replayed, without a second effect; the key sent with another
 * request is 400 (idempotency_key_reused). Keys belong to the API key that sent them.
 */
import type { ApplicationSession, Clock, SessionDetail } from "@sessions-api/openapi";
import { describe, expect, test } from "vitest";
import type { CallOptions, ContractResponse } from "../src/contract-client.js";
import { errorCodeOf, errorParamOf } from "../src/negative-cases.js";
import { useTarget } from "../src/target-context.js";
import {
  createAppSession,
  listApplicationSessionPages,
  newSessionName,
  newSubuser,
  proxiedRequest,
} from "./support/scenario.js";

const target = useTarget();
const client = target.client();

const newKey = () => `ct-${crypto.randomUUID()}`;
const withKey = (key: string, options: CallOptions = {}): CallOptions => ({
  ...options,
  headers: { ...options.headers, "Idempotency-Key": key },
});

// the second answer is the first one again, marked as a replay
function expectReplay(first: ContractResponse<unknown>, second: ContractResponse<unknown>): void {
  expect(second.status).toBe(first.status);
  expect(second.body).toEqual(first.body);
  expect(second.requestId).toBe(first.requestId);
  expect(first.headers.get("idempotent-replayed")).toBeNull();
  expect(second.headers.get("idempotent-replayed")).toBe("true");
}

describe("sandbox writes with an Idempotency-Key", target.requires("sandbox"), () => {
  test("creating an application session twice with one key creates one, and answers the second with the first", async () => {
    const key = newKey();
    const before = (await listApplicationSessionPages(client, 100)).flat();
    const body = { ttl_seconds: 3_600, public_url: "https://idempotent.example.com" };
    const first = await client.call<ApplicationSession>(
      "createApplicationSession",
      withKey(key, { body, expect: 201 }),
    );
    const second = await client.call<ApplicationSession>(
      "createApplicationSession",
      withKey(key, { body, expect: 201 }),
    );
    expectReplay(first, second);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    const after = (await listApplicationSessionPages(client, 100)).flat();
    expect(after.filter((id) => !before.includes(id))).toEqual([first.body.id]);
  });

  test("a traffic report sent twice with one key is counted once", async () => {
    const key = newKey();
    const username = `user-${newSubuser()}-region-us-session-${newSessionName()}-sesstime-30`;
    const options = { path: { product: "residential" }, body: { username, requests: [proxiedRequest] } };
    const first = await client.call<SessionDetail>(
      "reportTraffic",
      withKey(key, { ...options, expect: 201 }),
    );
    const second = await client.call<SessionDetail>(
      "reportTraffic",
      withKey(key, { ...options, expect: 201 }),
    );
    expectReplay(first, second);
    const { body: read } = await client.call<SessionDetail>("getSession", {
      path: { product: "residential", id: first.body.id },
      expect: 200,
    });
    expect(read.requests).toBe(1);
  });

  test("a clock advance sent twice with one key moves the clock once", async () => {
    const key = newKey();
    const before = (await client.call<Clock>("getClock", { expect: 200 })).body;
    const options = { body: { seconds: 60 }, expect: 200 };
    const first = await client.call<Clock>("advanceClock", withKey(key, options));
    const second = await client.call<Clock>("advanceClock", withKey(key, options));
    expectReplay(first, second);
    const after = (await client.call<Clock>("getClock", { expect: 200 })).body;
    expect(after.offset_seconds).toBe(before.offset_seconds + 60);
  });

  test("recording activity twice with one key answers the second with the first", async () => {
    const { body: created } = await createAppSession(client, { ttl_seconds: 3_600 });
    const key = newKey();
    const options = { path: { id: created.id }, expect: 200 };
    const first = await client.call("recordApplicationSessionActivity", withKey(key, options));
    await client.call("advanceClock", { body: { seconds: 5 }, expect: 200 });
    const second = await client.call("recordApplicationSessionActivity", withKey(key, options));
    expectReplay(first, second);
  });

  // each operation, sent with a key another request used first: 400, and nothing done
  const reusedCases: [string, CallOptions][] = [
    [
      "reportTraffic",
      {
        path: { product: "residential" },
        body: {
          username: "user-sub_01HX2K3PQ4M5-region-us-session-reused-sesstime-30",
          requests: [proxiedRequest],
        },
      },
    ],
    ["advanceClock", { body: { seconds: 1 } }],
    ["createApplicationSession", { body: { ttl_seconds: 600 } }],
    ["recordApplicationSessionActivity", { path: { id: "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE" } }],
  ];
  test.each(reusedCases)(
    "%s with a key another request used first is 400 idempotency_key_reused",
    async (operationId, options) => {
      const key = newKey();
      await client.call("advanceClock", withKey(key, { body: { seconds: 2 }, expect: 200 }));
      const clock = (await client.call<Clock>("getClock", { expect: 200 })).body;
      const { body } = await client.call(operationId, withKey(key, { ...options, expect: 400 }));
      expect(errorCodeOf(body)).toBe(
        operationId.includes("Application") ? "ERR_INVALID_PARAMETER" : "idempotency_key_reused",
      );
      expect(errorParamOf(body)).toBe("Idempotency-Key");
      expect((await client.call<Clock>("getClock", { expect: 200 })).body.offset_seconds).toBe(
        clock.offset_seconds,
      );
    },
  );

  test("the same body with another key runs again", async () => {
    const body = { ttl_seconds: 600 };
    const first = await client.call<ApplicationSession>(
      "createApplicationSession",
      withKey(newKey(), { body, expect: 201 }),
    );
    const second = await client.call<ApplicationSession>(
      "createApplicationSession",
      withKey(newKey(), { body, expect: 201 }),
    );
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.headers.get("idempotent-replayed")).toBeNull();
  });

  test(
    "a key is its API key's own: another account's API key with the same key runs",
    target.requires("sandbox", "otherAccountKey"),
    async () => {
      const key = newKey();
      const body = { ttl_seconds: 600 };
      const mine = await client.call<ApplicationSession>(
        "createApplicationSession",
        withKey(key, { body, expect: 201 }),
      );
      const other = target.client(target.keys.other);
      const theirs = await other.call<ApplicationSession>(
        "createApplicationSession",
        withKey(key, { body, expect: 201 }),
      );
      expect(theirs.body.id).not.toBe(mine.body.id);
      expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    },
  );
});
