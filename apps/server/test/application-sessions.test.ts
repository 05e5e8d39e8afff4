import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestApp, DEMO_KEYS, expectAppError, expectSchema, type TestApp } from "./helpers.js";

let app: TestApp;
beforeAll(async () => {
  // the other account's view stays empty unless a test creates sessions for it
  app = await createTestApp();
});
afterAll(() => app.close());

const create = (body: unknown = {}, key: string = DEMO_KEYS.full) =>
  app.call("POST", "/sandbox/app/sessions", { key, body });

describe("POST /sandbox/app/sessions", () => {
  test("creates a session with realistic defaults, 201 and an absolute Location", async () => {
    const created = await create();
    expect(created.status).toBe(201);
    expectSchema("ApplicationSession", created.body);
    expect(created.body.id).toMatch(/^as_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(created.headers.get("location")).toBe(`http://127.0.0.1:8080/app/sessions/${created.body.id}`);
    expect(created.body.uri).toBe(created.headers.get("location"));
    expect(created.body.browser_session.user_agent).toMatchObject({
      browser_name: "Chrome",
      os_name: "MacOS",
    });
    expect(created.body.edge).not.toBeNull();
    expect(created.body.route.uri.startsWith(created.body.edge.uri)).toBe(true);
    expect(Date.parse(created.body.expires_at) - Date.parse(created.body.created_at)).toBe(86_400_000);
    expect(created.body.last_active).toBe(created.body.created_at);
  });

  test("parses the given user agent and keeps the given fields; agent-initiated has no edge or route", async () => {
    const created = await create({
      user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0",
      ip_address: "2001:db8::1",
      location: { country_code: "DE", latitude: 52.52, longitude: 13.405, lat_long_radius_km: 50 },
      public_url: "https://shop.example.com",
      application_user_id: "user_42",
      agent_initiated: true,
      ttl_seconds: 600,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      public_url: "https://shop.example.com",
      // a link into the API these operations were specified from, which holds the user
      application_user: { id: "user_42", uri: "https://api.ngrok.com/app/users/user_42" },
      edge: null,
      route: null,
      browser_session: {
        ip_address: "2001:db8::1",
        user_agent: {
          browser_name: "Firefox",
          browser_version: "126",
          os_name: "Windows",
          os_version: "10",
          device_type: "Desktop",
        },
      },
    });
    expect(Date.parse(created.body.expires_at) - Date.parse(created.body.created_at)).toBe(600_000);
  });

  test.each([
    ["ttl_seconds", { ttl_seconds: 59 }],
    ["ttl_seconds", { ttl_seconds: 2_592_001 }],
    ["ip_address", { ip_address: "999.1.1.1" }],
    [
      "location.country_code",
      { location: { country_code: "us", latitude: 0, longitude: 0, lat_long_radius_km: 1 } },
    ],
    ["public_url", { public_url: "not a url" }],
    ["public_url", { public_url: "https://example.com/\u0000" }],
    ["public_url", { public_url: "javascript:alert(1)" }],
    ["public_url", { public_url: "data:text/html,<b>hi</b>" }],
    ["public_url", { public_url: "ftp://files.example.com" }],
    ["user_agent", { user_agent: "Mozilla/5.0\u0000" }],
    ["user_agent", { user_agent: "Mozilla/5.0\r\nX-Injected: 1" }],
    ["user_agent", { user_agent: "Mozilla/5.0 \ud800" }],
    ["application_user_id", { application_user_id: "has spaces" }],
    ["surprise", { surprise: true }],
  ])("a bad %s is 400 ERR_INVALID_REQUEST_BODY naming it", async (param, body) => {
    expectAppError(await create(body), 400, "ERR_INVALID_REQUEST_BODY", param);
  });

  test("a user agent may hold any printable text, emoji included", async () => {
    const created = await create({ user_agent: "Mozilla/5.0 (X11; Linux x86_64) Navigateur-été/1.0 😀" });
    expect(created.status).toBe(201);
    expect(created.body.browser_session.user_agent.raw).toBe(
      "Mozilla/5.0 (X11; Linux x86_64) Navigateur-été/1.0 😀",
    );
  });

  test("malformed JSON is 400 ERR_INVALID_REQUEST_BODY", async () => {
    expectAppError(
      await app.call("POST", "/sandbox/app/sessions", { rawBody: "{" }),
      400,
      "ERR_INVALID_REQUEST_BODY",
    );
  });
});

describe("GET /app/sessions", () => {
  test("pages newest first with limit and before_id through absolute next_page_uri", async () => {
    const other = DEMO_KEYS.other;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      app.time.now += 1000;
      ids.push((await create({}, other)).body.id);
    }
    const newestFirst = [...ids].reverse();
    const first = await app.call("GET", "/app/sessions?limit=2", { key: other });
    expect(first.status).toBe(200);
    expectSchema("ApplicationSessionList", first.body);
    expect(first.body.uri).toBe("http://127.0.0.1:8080/app/sessions?limit=2");
    expect(first.body.application_sessions.map((s: { id: string }) => s.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.body.next_page_uri).toBe(
      `http://127.0.0.1:8080/app/sessions?before_id=${newestFirst[1]}&limit=2`,
    );
    const seen = [...first.body.application_sessions];
    let next: string | null = first.body.next_page_uri;
    while (next !== null) {
      const page = await app.call("GET", next.replace("http://127.0.0.1:8080", ""), { key: other });
      expect(page.body.uri).toBe(next);
      seen.push(...page.body.application_sessions);
      next = page.body.next_page_uri;
    }
    expect(seen.map((s: { id: string }) => s.id)).toEqual(newestFirst);
  });

  test("defaults to 100 per page with a bare uri; another account's sessions are absent", async () => {
    const mine = await create();
    const listed = await app.call("GET", "/app/sessions");
    expect(listed.body.uri).toBe("http://127.0.0.1:8080/app/sessions");
    expect(listed.body.application_sessions.some((s: { id: string }) => s.id === mine.body.id)).toBe(true);
    const theirs = await app.call("GET", "/app/sessions?limit=100", { key: DEMO_KEYS.other });
    expect(theirs.body.application_sessions.some((s: { id: string }) => s.id === mine.body.id)).toBe(false);
  });

  test("a before_id deleted since the page was read still pages on", async () => {
    const older = await create();
    const anchor = await create();
    await app.call("DELETE", `/app/sessions/${anchor.body.id}`);
    const page = await app.call("GET", `/app/sessions?before_id=${anchor.body.id}&limit=1`);
    expect(page.status).toBe(200);
    expect(page.body.application_sessions.map((s: { id: string }) => s.id)).toEqual([older.body.id]);
  });

  test.each([
    ["limit", "limit=0"],
    ["limit", "limit=101"],
    ["limit", "limit=ten"],
    ["before_id", "before_id=nope"],
    ["before_id", "before_id=as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"],
    ["page_size", "page_size=10"],
  ])("a bad %s (%s) is 400 ERR_INVALID_PARAMETER naming it", async (param, query) => {
    expectAppError(await app.call("GET", `/app/sessions?${query}`), 400, "ERR_INVALID_PARAMETER", param);
  });

  test("beforeId, the vendor client's spelling of before_id, pages the same; the page uri says before_id", async () => {
    const older = await create();
    app.time.now += 1000;
    const anchor = await create();
    const byAlias = await app.call("GET", `/app/sessions?beforeId=${anchor.body.id}&limit=1`);
    expect(byAlias.status).toBe(200);
    expect(byAlias.body.application_sessions.map((s: { id: string }) => s.id)).toEqual([older.body.id]);
    expect(byAlias.body.uri).toBe(`http://127.0.0.1:8080/app/sessions?before_id=${anchor.body.id}&limit=1`);
    const byName = await app.call("GET", `/app/sessions?before_id=${anchor.body.id}&limit=1`);
    expect(byAlias.body).toEqual(byName.body);
    const both = await app.call(
      "GET",
      `/app/sessions?before_id=${anchor.body.id}&beforeId=${anchor.body.id}`,
    );
    expect(both.status).toBe(200);
  });

  test("before_id and beforeId that differ are 400 ERR_INVALID_PARAMETER naming beforeId", async () => {
    const [first, second] = [await create(), await create()];
    const response = await app.call(
      "GET",
      `/app/sessions?before_id=${first.body.id}&beforeId=${second.body.id}`,
    );
    expectAppError(response, 400, "ERR_INVALID_PARAMETER", "beforeId");
    expect(response.body.msg).toContain("alias of before_id");
  });

  test.each([
    ["malformed", "beforeId=nope"],
    ["never issued", "beforeId=as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"],
  ])("a %s beforeId is 400 ERR_INVALID_PARAMETER naming beforeId", async (_, query) => {
    expectAppError(await app.call("GET", `/app/sessions?${query}`), 400, "ERR_INVALID_PARAMETER", "beforeId");
  });

  test("another account's session id is not a valid before_id", async () => {
    const theirs = await create({}, DEMO_KEYS.other);
    expectAppError(
      await app.call("GET", `/app/sessions?before_id=${theirs.body.id}`),
      400,
      "ERR_INVALID_PARAMETER",
      "before_id",
    );
  });
});

describe("GET, DELETE /app/sessions/{id} and activity", () => {
  test("get returns it; delete answers 204 without a body; then get, delete and activity are 404", async () => {
    const created = await create();
    const path = `/app/sessions/${created.body.id}`;
    const got = await app.call("GET", path);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);
    const deleted = await app.call("DELETE", path);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect(deleted.headers.get("x-request-id")).toMatch(/^req_/);
    expectAppError(await app.call("GET", path), 404, "ERR_NOT_FOUND");
    expectAppError(await app.call("DELETE", path), 404, "ERR_NOT_FOUND");
    expectAppError(await app.call("POST", `/sandbox${path}/activity`), 404, "ERR_NOT_FOUND");
    const listed = await app.call("GET", "/app/sessions");
    expect(listed.body.application_sessions.some((s: { id: string }) => s.id === created.body.id)).toBe(
      false,
    );
  });

  test("another account's session is 404", async () => {
    const theirs = await create({}, DEMO_KEYS.other);
    expectAppError(await app.call("GET", `/app/sessions/${theirs.body.id}`), 404, "ERR_NOT_FOUND");
    expectAppError(await app.call("DELETE", `/app/sessions/${theirs.body.id}`), 404, "ERR_NOT_FOUND");
  });

  test("activity moves last_active to now and leaves expires_at", async () => {
    const created = await create({ ttl_seconds: 3600 });
    app.time.now += 120_000;
    const touched = await app.call("POST", `/sandbox/app/sessions/${created.body.id}/activity`);
    expect(touched.status).toBe(200);
    expect(Date.parse(touched.body.last_active) - Date.parse(created.body.last_active)).toBe(120_000);
    expect(touched.body.expires_at).toBe(created.body.expires_at);
  });

  test("a session leaves at expires_at: 404 by id, absent from the list", async () => {
    const created = await create({ ttl_seconds: 60 });
    app.time.now += 59_000;
    expect((await app.call("GET", `/app/sessions/${created.body.id}`)).status).toBe(200);
    app.time.now += 1000;
    expectAppError(await app.call("GET", `/app/sessions/${created.body.id}`), 404, "ERR_NOT_FOUND");
    const listed = await app.call("GET", "/app/sessions");
    expect(listed.body.application_sessions.some((s: { id: string }) => s.id === created.body.id)).toBe(
      false,
    );
  });

  // a session that expired or never existed is not found, whatever shape its id has
  test.each([
    ["GET", "/app/sessions/as_nope"],
    ["DELETE", "/app/sessions/ses_01HX2K3PQ4M5"],
    ["POST", "/sandbox/app/sessions/as_nope/activity"],
    ["GET", `/app/sessions/${"x".repeat(128)}`],
  ])("%s %s names no session: 404 ERR_NOT_FOUND", async (method, path) => {
    expectAppError(await app.call(method, path), 404, "ERR_NOT_FOUND");
  });

  test.each([
    ["GET", `/app/sessions/${"x".repeat(129)}`],
    ["DELETE", "/app/sessions/as_%00"],
    ["POST", "/sandbox/app/sessions/as_%1B/activity"],
  ])("%s %s cannot be looked up: 400 ERR_INVALID_PARAMETER naming id", async (method, path) => {
    expectAppError(await app.call(method, path), 400, "ERR_INVALID_PARAMETER", "id");
  });

  test("no key is 401 ERR_UNAUTHORIZED", async () => {
    expectAppError(await app.call("GET", "/app/sessions", { key: null }), 401, "ERR_UNAUTHORIZED");
  });
});

describe("application sessions in a key's scope", () => {
  test("a key whose scope leaves them out gets 403 ERR_UNAUTHORIZED on every operation, and changes nothing", async () => {
    const created = await create();
    const path = `/app/sessions/${created.body.id}`;
    for (const [method, target] of [
      ["GET", "/app/sessions"],
      ["GET", path],
      ["DELETE", path],
      ["POST", "/sandbox/app/sessions"],
      ["POST", `/sandbox${path}/activity`],
    ] as const) {
      const refused = await app.call(method, target, { key: DEMO_KEYS.narrow });
      expectAppError(refused, 403, "ERR_UNAUTHORIZED");
      expect(refused.body.msg).toBe(
        'This API key\'s scope does not cover application sessions (a keys file grants them with "app_sessions": true).',
      );
    }
    expect((await app.call("GET", path)).body).toEqual(created.body);
  });

  test("keys whose scope covers them keep every operation", async () => {
    for (const key of [DEMO_KEYS.full, DEMO_KEYS.other]) {
      const created = await create({}, key);
      expect(created.status).toBe(201);
      const path = `/app/sessions/${created.body.id}`;
      expect((await app.call("GET", "/app/sessions", { key })).status).toBe(200);
      expect((await app.call("GET", path, { key })).status).toBe(200);
      expect((await app.call("POST", `/sandbox${path}/activity`, { key })).status).toBe(200);
      expect((await app.call("DELETE", path, { key })).status).toBe(204);
    }
  });
});
