import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createTestApp,
  DEMO_KEYS,
  expectGatewayError,
  expectSchema,
  newSubuser,
  START_TIME,
  type TestApp,
  traffic,
  username,
} from "./helpers.js";

// every test here moves acct_demo's clock (or acct_other's) forward, so they only assert relative to the
// clock they read
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const advance = (seconds: number) => app.call("POST", "/sandbox/clock/advance", { body: { seconds } });

describe("the sandbox clock", () => {
  test("reads real time plus the offset, and advancing adds to the offset", async () => {
    const before = await app.call("GET", "/sandbox/clock");
    expect(before.status).toBe(200);
    expectSchema("Clock", before.body);
    const moved = await advance(90);
    expect(moved.status).toBe(200);
    expect(moved.body.offset_seconds).toBe(before.body.offset_seconds + 90);
    expect(Date.parse(moved.body.now)).toBe(START_TIME + moved.body.offset_seconds * 1000);
    expect((await app.call("GET", "/sandbox/clock")).body).toEqual(moved.body);
  });

  test.each([
    ["zero seconds", { seconds: 0 }, "seconds"],
    ["negative seconds", { seconds: -5 }, "seconds"],
    ["more than a year", { seconds: 31_536_001 }, "seconds"],
    ["a fraction", { seconds: 1.5 }, "seconds"],
    ["a string", { seconds: "60" }, "seconds"],
    ["no seconds", {}, "seconds"],
    ["an unknown field", { seconds: 5, minutes: 1 }, "minutes"],
  ])("advancing by %s is 400 invalid_request_body", async (_, body, param) => {
    expectGatewayError(
      await app.call("POST", "/sandbox/clock/advance", { body }),
      400,
      "invalid_request_body",
      param,
    );
  });
});

describe("each account's clock", () => {
  test("another account advancing its clock by an hour leaves this account's 5-minute session and clock", async () => {
    const mine = await traffic(app, username(newSubuser(), "mine", { sesstime: 5 }));
    const myClock = (await app.call("GET", "/sandbox/clock")).body;
    const theirs = await app.call("POST", "/sandbox/clock/advance", {
      key: DEMO_KEYS.other,
      body: { seconds: 3600 },
    });
    expect(theirs.status).toBe(200);
    expect(Date.parse(theirs.body.now)).toBe(START_TIME + theirs.body.offset_seconds * 1000);
    expect((await app.call("GET", "/sandbox/clock")).body).toEqual(myClock);
    expect((await app.call("GET", `/v1/residential/sessions/${mine.body.id}`)).status).toBe(200);
    // the purge after their advance ran at each account's own time
    expect(
      await app.sandbox.store.findSession(
        "acct_demo",
        "residential",
        mine.body.id,
        new Date(Date.parse(myClock.now)),
      ),
    ).not.toBeNull();
  });

  test("what an account writes is stamped with its own clock", async () => {
    const moved = await app.call("POST", "/sandbox/clock/advance", {
      key: DEMO_KEYS.other,
      body: { seconds: 600 },
    });
    const theirs = await traffic(app, username(newSubuser(), "stamped"), { key: DEMO_KEYS.other });
    expect(theirs.body.started_at).toBe(moved.body.now);
    const mine = await traffic(app, username(newSubuser(), "stamped"));
    expect(mine.body.started_at).toBe((await app.call("GET", "/sandbox/clock")).body.now);
    expect(mine.body.started_at).not.toBe(theirs.body.started_at);
  });
});

describe("expiry and the audit window", () => {
  test("a session is listed until started_at + sesstime, then leaves the list and reads as 404", async () => {
    const subuser = newSubuser();
    const created = await traffic(app, username(subuser, "short", { sesstime: 1 }));
    const path = `/v1/residential/sessions/${created.body.id}`;
    await advance(59);
    expect((await app.call("GET", path)).status).toBe(200);
    await advance(1);
    expectGatewayError(await app.call("GET", path), 404, "session_not_found");
    expectGatewayError(await app.call("DELETE", path), 404, "session_not_found");
    for (const status of ["active", "terminated", "all"]) {
      const listed = await app.call("GET", `/v1/residential/sessions?subuser=${subuser}&status=${status}`);
      expect(listed.body.data).toEqual([]);
    }
  });

  test("after expiry the same username starts a new session on a new exit IP", async () => {
    const user = username(newSubuser(), "again", { sesstime: 1 });
    const first = await traffic(app, user);
    await advance(61);
    const second = await traffic(app, user);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.exit_ip).not.toBe(first.body.exit_ip);
  });

  test("a terminated session stays visible for 24 hours, past its expires_at, then is purged", async () => {
    const subuser = newSubuser();
    const created = await traffic(app, username(subuser, "audit", { sesstime: 5 }));
    const path = `/v1/residential/sessions/${created.body.id}`;
    const terminated = await app.call("DELETE", path);
    await advance(24 * 3600 - 1);
    expect((await app.call("GET", path)).body).toEqual(terminated.body);
    const listed = await app.call("GET", `/v1/residential/sessions?subuser=${subuser}&status=terminated`);
    expect(listed.body.data.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    await advance(1);
    expectGatewayError(await app.call("GET", path), 404, "session_not_found");
    expect(
      (await app.call("GET", `/v1/residential/sessions?subuser=${subuser}&status=all`)).body.data,
    ).toEqual([]);
  });

  test("advancing the clock purges records past the audit window from the store", async () => {
    const subuser = newSubuser();
    const created = await traffic(app, username(subuser, "purged"));
    await app.call("DELETE", `/v1/residential/sessions/${created.body.id}`);
    // the visibility predicate hides it either way; the purge must also have deleted the row
    await advance(86_401);
    expect(await app.sandbox.store.purge(app.sandbox.clock.realTime())).toEqual({
      sessions: 0,
      appSessions: 0,
    });
  });
});

describe("the sandbox clock's end", () => {
  // an app of its own: this moves its clock to the year 9999
  let farApp: TestApp;
  beforeAll(async () => {
    farApp = await createTestApp();
  });
  afterAll(() => farApp.close());

  test("the clock never passes 9999-01-01: an advance that would is 400 naming seconds and moves nothing", async () => {
    const limit = Date.parse("9999-01-01T00:00:00.000Z");
    const before = (await farApp.call("GET", "/sandbox/clock")).body;
    // straight through the store, to 100 s before the end
    await farApp.sandbox.store.advanceClock("acct_demo", (limit - Date.parse(before.now)) / 1000 - 100);
    const refused = await farApp.call("POST", "/sandbox/clock/advance", { body: { seconds: 101 } });
    expectGatewayError(refused, 400, "invalid_request_body");
    expect(refused.body.error.param).toBe("seconds");
    expect(refused.body.error.message).toContain("9999-01-01T00:00:00.000Z");
    const at = (await farApp.call("GET", "/sandbox/clock")).body;
    expect(Date.parse(at.now)).toBe(limit - 100_000);
    const last = await farApp.call("POST", "/sandbox/clock/advance", { body: { seconds: 100 } });
    expect(last.status).toBe(200);
    expect(last.body.now).toBe("9999-01-01T00:00:00.000Z");
    // and the API still works there, with four-digit years
    const reported = await traffic(farApp, username(newSubuser()));
    expect(reported.status).toBe(201);
    expectSchema("SessionDetail", reported.body);
    expect((await farApp.call("GET", "/v1/residential/sessions")).status).toBe(200);
  });

  test("real time going on does not carry the clock past its end; advancing from there is still refused", async () => {
    const limit = "9999-01-01T00:00:00.000Z";
    const before = (await farApp.call("GET", "/sandbox/clock")).body;
    await farApp.sandbox.store.advanceClock("acct_demo", (Date.parse(limit) - Date.parse(before.now)) / 1000);
    expect((await farApp.call("GET", "/sandbox/clock")).body.now).toBe(limit);
    farApp.time.now += 3_600_000;
    expect((await farApp.call("GET", "/sandbox/clock")).body.now).toBe(limit);
    expectGatewayError(
      await farApp.call("POST", "/sandbox/clock/advance", { body: { seconds: 1 } }),
      400,
      "invalid_request_body",
      "seconds",
    );
    const reported = await traffic(farApp, username(newSubuser()));
    expect(reported.body.started_at).toBe(limit);
  });
});
