/**
 * The sandbox reset of one account: it puts back the caller's account (its sessions gone, its clock at
 * real time) and touches no other. It runs as an account of the suite's own, which no other case needs
 * to keep anything in.
 */
import type { Clock, SessionDetail } from "@sessions-api/openapi";
import { describe, expect, test } from "vitest";
import { errorCodeOf, errorParamOf } from "../src/negative-cases.js";
import { useTarget } from "../src/target-context.js";
import {
  createAppSession,
  listApplicationSessionPages,
  newSessionName,
  newSubuser,
  proxy,
} from "./support/scenario.js";

const target = useTarget();
const client = target.client();

describe("the sandbox reset", target.requires("sandbox", "suiteAccounts"), () => {
  const own = target.client(target.keys.appPaging);

  test("puts back the caller's account, sessions and clock, and leaves every other account as it was", async () => {
    const mineBefore = (await client.call<Clock>("getClock", { expect: 200 })).body;
    const kept = await proxy(client, "residential", {
      subuser: newSubuser(),
      region: "us",
      session_id: newSessionName(),
      sesstime: 60,
    });

    const session = await proxy(own, "mobile", {
      subuser: newSubuser(),
      region: "us",
      session_id: newSessionName(),
      sesstime: 60,
    });
    const { body: app } = await createAppSession(own, { ttl_seconds: 3_600 });
    await own.call("advanceClock", { body: { seconds: 7_200 }, expect: 200 });

    const { body: reset } = await own.call<Clock>("resetSandbox", { expect: 200 });
    expect(reset.offset_seconds).toBe(0);
    expect((await own.call<Clock>("getClock", { expect: 200 })).body.offset_seconds).toBe(0);
    await own.call("getSession", { path: { product: "mobile", id: session.id }, expect: 404 });
    await own.call("getApplicationSession", { path: { id: app.id }, expect: 404 });
    expect((await listApplicationSessionPages(own, 100)).flat()).toEqual([]);

    const mineAfter = (await client.call<Clock>("getClock", { expect: 200 })).body;
    expect(mineAfter.offset_seconds).toBe(mineBefore.offset_seconds);
    const { body: read } = await client.call<SessionDetail>("getSession", {
      path: { product: "residential", id: kept.id },
      expect: 200,
    });
    expect(read).toEqual(kept);
  });

  test(
    "a key whose scope does not cover the whole account may not reset it: 403",
    target.requires("sandbox", "suiteAccounts", "narrowKey"),
    async () => {
      const narrow = target.client(target.keys.narrow);
      const before = (await client.call<Clock>("getClock", { expect: 200 })).body;
      const { body } = await narrow.call("resetSandbox", { expect: 403 });
      expect(errorCodeOf(body)).toBe("subuser_scope_mismatch");
      expect((await client.call<Clock>("getClock", { expect: 200 })).body.offset_seconds).toBe(
        before.offset_seconds,
      );
    },
  );

  test("with a key another request used first, it is 400 idempotency_key_reused and resets nothing", async () => {
    const key = `ct-${crypto.randomUUID()}`;
    const headers = { "Idempotency-Key": key };
    const { body: moved } = await own.call<Clock>("advanceClock", {
      body: { seconds: 60 },
      headers,
      expect: 200,
    });
    const { body } = await own.call("resetSandbox", { headers, expect: 400 });
    expect(errorCodeOf(body)).toBe("idempotency_key_reused");
    expect(errorParamOf(body)).toBe("Idempotency-Key");
    expect((await own.call<Clock>("getClock", { expect: 200 })).body.offset_seconds).toBe(
      moved.offset_seconds,
    );
    await own.call("resetSandbox", { expect: 200 });
  });
});
