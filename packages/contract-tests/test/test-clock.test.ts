/**
 * Scenarios that move the test clock of the suite's account. Every contract file uses that account, so
 * contract files run one at a time on the server targets (see vitest.contract.config.ts), and every
 * scenario seeds its own sessions after the clock moved: no other case can be disturbed.
 */
import type { ApplicationSession, Clock, SessionDetail } from "@sessions-api/openapi";
import { describe, expect, test } from "vitest";
import { errorCodeOf, errorParamOf } from "../src/negative-cases.js";
import { useTarget } from "../src/target-context.js";
import {
  createAppSession,
  listAll,
  listApplicationSessionPages,
  newSessionName,
  newSubuser,
  proxy,
} from "./support/scenario.js";

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

  test("a terminated record stays 24 h after its termination, past its own expires_at", async () => {
    const subuser = newSubuser();
    // a short sesstime: expires_at comes long before the end of the 24 h audit window
    const parts = { subuser, region: "us", session_id: newSessionName(), sesstime: 5 };
    const session = await proxy(client, "residential", parts, { expect: 201 });
    const path = { product: "residential", id: session.id };
    await advance(60);
    const { body: terminated } = await client.call<SessionDetail>("terminateSession", { path, expect: 200 });
    const terminatedAt = Date.parse(terminated.terminated_at ?? "");
    expect(terminatedAt).toBeLessThan(Date.parse(session.expires_at));

    const afterExpiry = await advance(10 * 60);
    expect(Date.parse(afterExpiry.now)).toBeGreaterThan(Date.parse(session.expires_at));
    const { body: kept } = await client.call<SessionDetail>("getSession", { path, expect: 200 });
    expect(kept).toMatchObject({ status: "terminated", terminated_at: terminated.terminated_at });
    const listedIds = async (status: string) =>
      (await listAll(client, "residential", { subuser, status })).map((s) => s.id);
    expect(await listedIds("terminated")).toEqual([session.id]);
    // the same username meanwhile starts a new session; the record stays beside it
    const fresh = await proxy(client, "residential", parts, { expect: 201 });
    expect(fresh.id).not.toBe(session.id);
    expect((await listedIds("all")).sort()).toEqual([session.id, fresh.id].sort());

    // a minute before the window closes the record is there; a minute after, it is purged
    const now = Date.parse((await client.call<Clock>("getClock", { expect: 200 })).body.now);
    await advance(Math.max(1, Math.floor((terminatedAt + oneDay * 1000 - 60_000 - now) / 1000)));
    await client.call("getSession", { path, expect: 200 });
    await advance(120);
    const { body } = await client.call("getSession", { path, expect: 404 });
    expect(errorCodeOf(body)).toBe("session_not_found");
    expect(await listedIds("terminated")).toEqual([]);
  });

  test("a session starts, and an application session is created, at the test clock's now", async () => {
    const before = await advance(3_600);
    const session = await proxy(client, "mobile", {
      subuser: newSubuser(),
      region: "us",
      session_id: newSessionName(),
      sesstime: 30,
    });
    const { body: app } = await createAppSession(client, { ttl_seconds: 600 });
    const after = (await client.call<Clock>("getClock", { expect: 200 })).body;
    // a second either way for implementations that keep whole seconds
    const from = Date.parse(before.now) - 1_000;
    const to = Date.parse(after.now) + 1_000;
    for (const [field, at] of Object.entries({
      started_at: session.started_at,
      "samples[0].at": session.samples[0]?.at ?? "",
      created_at: app.created_at,
      last_active: app.last_active,
    })) {
      expect(Date.parse(at), `${field} ${at} between ${before.now} and ${after.now}`).toBeGreaterThanOrEqual(
        from,
      );
      expect(Date.parse(at), `${field} ${at} between ${before.now} and ${after.now}`).toBeLessThanOrEqual(to);
    }
    expect(Date.parse(session.expires_at) - Date.parse(session.started_at)).toBe(30 * 60_000);
    expect(Date.parse(app.expires_at) - Date.parse(app.created_at)).toBe(600_000);
  });

  test("recording activity sets last_active to the clock's now, and leaves expires_at", async () => {
    const { body: created } = await createAppSession(client, { ttl_seconds: 3_600 });
    const moved = await advance(600);
    const path = { id: created.id };
    const { body: active } = await client.call<ApplicationSession>("recordApplicationSessionActivity", {
      path,
      expect: 200,
    });
    expect(Date.parse(active.last_active)).toBeGreaterThanOrEqual(Date.parse(moved.now) - 1_000);
    expect(Date.parse(active.last_active) - Date.parse(created.last_active)).toBeGreaterThanOrEqual(599_000);
    expect(active.expires_at).toBe(created.expires_at);
    const { body: read } = await client.call<ApplicationSession>("getApplicationSession", {
      path,
      expect: 200,
    });
    expect(read.last_active).toBe(active.last_active);
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
    // an expired session cannot be terminated either
    const { body: gone } = await client.call("terminateSession", { path, expect: 404 });
    expect(errorCodeOf(gone)).toBe("session_not_found");
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
    await client.call("deleteApplicationSession", { path: { id: created.id }, expect: 404 });
    expect((await listApplicationSessionPages(client, 100)).flat()).not.toContain(created.id);
  });

  test("a deleted application session anchors pages for 24 hours, then is 400 as before_id", async () => {
    const { body: created } = await createAppSession(client, { ttl_seconds: 2 * oneDay });
    await client.call("deleteApplicationSession", { path: { id: created.id }, expect: 204 });
    await advance(oneDay - 60);
    await client.call("listApplicationSessions", { query: { before_id: created.id }, expect: 200 });
    await advance(120);
    const { body } = await client.call("listApplicationSessions", {
      query: { before_id: created.id },
      expect: 400,
    });
    expect(errorCodeOf(body)).toBe("ERR_INVALID_PARAMETER");
    expect(errorParamOf(body)).toBe("before_id");
  });
});
