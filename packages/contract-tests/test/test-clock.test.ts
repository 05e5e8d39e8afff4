/**
 * Scenarios that move the server's test clock. The clock is global to the server, so contract files
 * run one at a time on the server targets (see vitest.contract.config.ts), and every scenario seeds
 * its own sessions after the clock moved: no other case can be disturbed.
 */
import type { ApplicationSession, Clock, SessionDetail } from "@sessions-api/openapi";
import { describe, expect, test } from "vitest";
import { errorCodeOf } from "../src/negative-cases.js";
import { useTarget } from "../src/target-context.js";
import { createAppSession, listAll, newSessionName, newSubuser, proxy } from "./support/scenario.js";

const target = useTarget();
const client = target.client();
const oneDay = 24 * 60 * 60;

async function advance(seconds: number): Promise<Clock> {
  return (await client.call<Clock>("advanceClock", { body: { seconds }, expect: 200 })).body;
}

describe("the test clock", target.requires("sandbox"), () => {
  test("moves forward by the seconds asked, and never backwards", async () => {
    const before = (await client.call<Clock>("getClock", { expect: 200 })).body;
    const after = await advance(90);
    expect(after.offset_seconds).toBe(before.offset_seconds + 90);
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(90_000);
    await client.call("advanceClock", { body: { seconds: -5 }, expect: 400 });
  });

  test("terminate -> get shows terminated -> listed under status=terminated -> 24 h later -> 404", async () => {
    const subuser = newSubuser();
    const session = await proxy(client, "residential", {
      subuser,
      region: "us",
      session_id: newSessionName(),
      sesstime: 1440,
    });
    const path = { product: "residential", id: session.id };
    await client.call("terminateSession", { path, expect: 200 });

    const { body: read } = await client.call<SessionDetail>("getSession", { path, expect: 200 });
    expect(read).toMatchObject({ status: "terminated", terminated_at: expect.any(String) });
    expect(await listAll(client, "residential", { subuser })).toEqual([]);
    expect(
      (await listAll(client, "residential", { subuser, status: "terminated" })).map((s) => s.id),
    ).toEqual([session.id]);
    expect((await listAll(client, "residential", { subuser, status: "all" })).map((s) => s.id)).toEqual([
      session.id,
    ]);

    await advance(oneDay - 60);
    await client.call("getSession", { path, expect: 200 });
    await advance(120);
    const { body } = await client.call("getSession", { path, expect: 404 });
    expect(errorCodeOf(body)).toBe("session_not_found");
    expect(await listAll(client, "residential", { subuser, status: "all" })).toEqual([]);
    await client.call("terminateSession", { path, expect: 404 });
  });

  test("a session is live until started_at + sesstime, then gone", async () => {
    const subuser = newSubuser();
    const session = await proxy(client, "mobile", {
      subuser,
      region: "us",
      session_id: newSessionName(),
      sesstime: 5,
    });
    const path = { product: "mobile", id: session.id };
    await advance(5 * 60 - 30);
    await client.call("getSession", { path, expect: 200 });
    expect((await listAll(client, "mobile", { subuser })).map((s) => s.id)).toEqual([session.id]);
    await advance(60);
    await client.call("getSession", { path, expect: 404 });
    expect(await listAll(client, "mobile", { subuser, status: "all" })).toEqual([]);
    // the same username now starts a fresh session
    const { session_id, region } = session;
    const fresh = await proxy(
      client,
      "mobile",
      { subuser, region, session_id, sesstime: 5 },
      { expect: 201 },
    );
    expect(fresh.id).not.toBe(session.id);
  });

  test("an application session is gone after created_at + ttl_seconds", async () => {
    const { body: created } = await createAppSession(client, { ttl_seconds: 120 });
    await advance(90);
    const { body } = await client.call<ApplicationSession>("getApplicationSession", {
      path: { id: created.id },
      expect: 200,
    });
    expect(body.expires_at).toBe(created.expires_at);
    await advance(60);
    await client.call("getApplicationSession", { path: { id: created.id }, expect: 404 });
    await client.call("recordApplicationSessionActivity", { path: { id: created.id }, expect: 404 });
  });
});
