import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createTestApp,
  DEMO_KEYS,
  expectGatewayError,
  expectSchema,
  newSubuser,
  proxied,
  type TestApp,
  traffic,
  username,
} from "./helpers.js";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe("sandbox traffic", () => {
  test("the first report for a username starts a session: 201, Location, expires_at = started_at + sesstime", async () => {
    const subuser = newSubuser();
    const result = await traffic(app, username(subuser, "job1", { sesstime: 45 }), {
      requests: [proxied(100), proxied(250, "cdn.example.com")],
    });
    expect(result.status).toBe(201);
    expectSchema("SessionDetail", result.body);
    expect(result.headers.get("location")).toBe(`/v1/residential/sessions/${result.body.id}`);
    expect(result.body).toMatchObject({
      product: "residential",
      subuser,
      session_id: "job1",
      region: "us",
      bytes_used: 350,
      requests: 2,
      repinned: false,
      status: "active",
      terminated_at: null,
    });
    expect(Date.parse(result.body.expires_at) - Date.parse(result.body.started_at)).toBe(45 * 60_000);
    expect(result.body.id).toMatch(/^ses_[0-9A-HJKMNP-TV-Z]{12}$/);
  });

  test("later reports add to bytes_used and requests of the live session (200), keeping the id", async () => {
    const user = username(newSubuser());
    const first = await traffic(app, user, { requests: [proxied(10)] });
    const second = await traffic(app, user, { requests: [proxied(20), proxied(30)] });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, bytes_used: 60, requests: 3 });
  });

  test("get-one returns the last 10 requests as samples, newest first", async () => {
    const user = username(newSubuser());
    const hosts = Array.from({ length: 12 }, (_, i) => `h${i}.example.com`);
    await traffic(app, user, { requests: hosts.slice(0, 5).map((host) => proxied(1, host)) });
    const last = await traffic(app, user, { requests: hosts.slice(5).map((host) => proxied(1, host)) });
    const detail = await app.call("GET", `/v1/residential/sessions/${last.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.samples.map((s: { target_host: string }) => s.target_host)).toEqual(
      hosts.slice(2).reverse(),
    );
    expect(detail.body.requests).toBe(12);
  });

  test("a reassignment moves the session to a new exit IP and sets repinned", async () => {
    const user = username(newSubuser());
    const first = await traffic(app, user);
    const repinned = await traffic(app, user, { reassign: true });
    expect(repinned.status).toBe(200);
    expect(repinned.body.id).toBe(first.body.id);
    expect(repinned.body.repinned).toBe(true);
    expect(repinned.body.exit_ip).not.toBe(first.body.exit_ip);
    const listed = await app.call(
      "GET",
      `/v1/residential/sessions?repinned=true&subuser=${first.body.subuser}`,
    );
    expect(listed.body.data.map((s: { id: string }) => s.id)).toEqual([first.body.id]);
  });

  test("reassign_exit_ip is ignored when the report starts a session", async () => {
    const started = await traffic(app, username(newSubuser()), { reassign: true });
    expect(started.status).toBe(201);
    expect(started.body.repinned).toBe(false);
  });

  test("the same session_id under another geo or sub-user is another session", async () => {
    const subuser = newSubuser();
    const us = await traffic(app, username(subuser, "shared", { region: "us" }));
    const de = await traffic(app, username(subuser, "shared", { region: "de" }));
    const la = await traffic(app, username(subuser, "shared", { region: "us", extra: "-city-la" }));
    const other = await traffic(app, username(newSubuser(), "shared", { region: "us" }));
    for (const result of [us, de, la, other]) expect(result.status).toBe(201);
    expect(new Set([us.body.id, de.body.id, la.body.id, other.body.id]).size).toBe(4);
    const listed = await app.call("GET", `/v1/residential/sessions?session_id=shared&subuser=${subuser}`);
    expect(listed.body.data).toHaveLength(3);
  });

  test("a username's targeting fills state, city and asn; without asn one is chosen", async () => {
    const subuser = newSubuser();
    const targeted = await traffic(app, username(subuser, "t", { extra: "-state-ca-city-la-asn-7922" }));
    expect(targeted.body).toMatchObject({ state: "ca", city: "la", asn: 7922 });
    const untargeted = await traffic(app, username(subuser, "u"));
    expect(untargeted.body).toMatchObject({ state: null, city: null });
    expect(untargeted.body.asn).toBeGreaterThan(0);
  });

  test("reports sent at once, several per username, make one session per username with every request counted", async () => {
    const subuser = newSubuser();
    const names = ["a", "b", "c", "d", "e"].map((id) => username(subuser, `burst_${id}`));
    const sent = names.flatMap((name, i) =>
      [1, 2, 3].map((round) =>
        traffic(app, name, { requests: [proxied(100 * (i + 1), `r${round}.example`)] }),
      ),
    );
    const answers = await Promise.all(sent);
    expect(answers.map((answer) => answer.status).sort()).toEqual([
      ...Array(10).fill(200),
      ...Array(5).fill(201),
    ]);
    for (const [i, name] of names.entries()) {
      const mine = answers.filter((answer) => answer.body.username === name);
      expect(new Set(mine.map((answer) => answer.body.id)).size).toBe(1);
      const session = await app.call("GET", `/v1/residential/sessions/${mine[0]?.body.id}`);
      expect(session.body).toMatchObject({ requests: 3, bytes_used: 300 * (i + 1) });
      expect(
        session.body.samples.map((sample: { target_host: string }) => sample.target_host).sort(),
      ).toEqual(["r1.example", "r2.example", "r3.example"]);
    }
  });

  test("mobile and residential sessions of one username are separate", async () => {
    const user = username(newSubuser());
    const residential = await traffic(app, user);
    const mobile = await traffic(app, user, { product: "mobile" });
    expect(mobile.status).toBe(201);
    expect(mobile.body.product).toBe("mobile");
    expect((await app.call("GET", `/v1/mobile/sessions/${residential.body.id}`)).status).toBe(404);
  });

  test.each([
    ["username_too_long", `user-sub_abcd-region-us-session-${"x".repeat(240)}-sesstime-30`],
    ["missing_user_prefix", "customer-sub_abcd-region-us-session-a-sesstime-30"],
    ["unknown_segment", "user-sub_abcd-region-us-zone-x-session-a-sesstime-30"],
    ["duplicate_segment", "user-sub_abcd-region-us-region-de-session-a-sesstime-30"],
    ["segment_out_of_order", "user-sub_abcd-session-a-region-us-sesstime-30"],
    ["missing_segment", "user-sub_abcd-region-us-session-a"],
    ["invalid_subuser", "user-bob-region-us-session-a-sesstime-30"],
    ["invalid_region", "user-sub_abcd-region-usa-session-a-sesstime-30"],
    ["invalid_state", "user-sub_abcd-region-us-state-cali-session-a-sesstime-30"],
    ["invalid_city", "user-sub_abcd-region-us-city-Los_Angeles-session-a-sesstime-30"],
    ["invalid_asn", "user-sub_abcd-region-us-asn-0-session-a-sesstime-30"],
    ["invalid_session_id", "user-sub_abcd-region-us-session-a.b-sesstime-30"],
    ["invalid_sesstime", "user-sub_abcd-region-us-session-a-sesstime-1h"],
    ["sesstime_out_of_range", "user-sub_abcd-region-us-session-a-sesstime-2000"],
  ])("a username breaking %s is 400 invalid_username with that reason", async (reason, name) => {
    const result = await traffic(app, name);
    expectGatewayError(result, 400, "invalid_username", "username");
    expect(result.body.error.reason).toBe(reason);
  });

  test.each([
    ["a missing body", undefined, undefined],
    ["malformed JSON", "{not json", undefined],
    [
      "a missing field",
      JSON.stringify({ username: "user-sub_abcd-region-us-session-a-sesstime-30" }),
      "requests",
    ],
    ["an unknown field", JSON.stringify({ username: "u", requests: [], extra: 1 }), "extra"],
    [
      "an empty requests array",
      JSON.stringify({ username: "user-sub_abcd-region-us-session-a-sesstime-30", requests: [] }),
      "requests",
    ],
    [
      "a bad request field",
      JSON.stringify({
        username: "user-sub_abcd-region-us-session-a-sesstime-30",
        requests: [{ ...proxied(), target_port: 0 }],
      }),
      "requests[0].target_port",
    ],
    [
      "a request of more than 1 TiB",
      JSON.stringify({
        username: "user-sub_abcd-region-us-session-a-sesstime-30",
        requests: [{ ...proxied(), bytes: 2 ** 40 + 1 }],
      }),
      "requests[0].bytes",
    ],
    [
      "a control character in a target host",
      JSON.stringify({
        username: "user-sub_abcd-region-us-session-a-sesstime-30",
        requests: [{ ...proxied(), target_host: "a.example\u0000" }],
      }),
      "requests[0].target_host",
    ],
    [
      "a non-boolean reassign_exit_ip",
      JSON.stringify({
        username: "user-sub_abcd-region-us-session-a-sesstime-30",
        requests: [proxied()],
        reassign_exit_ip: "yes",
      }),
      "reassign_exit_ip",
    ],
  ])("%s is 400 invalid_request_body naming the field", async (_, rawBody, param) => {
    const result = await app.call(
      "POST",
      "/sandbox/v1/residential/traffic",
      rawBody === undefined ? {} : { rawBody },
    );
    expectGatewayError(result, 400, "invalid_request_body");
    expect(result.body.error.param).toBe(param);
  });

  test("a body over 1 MiB is 400 invalid_request_body", async () => {
    const rawBody = JSON.stringify({ username: "x".repeat(1024 * 1024), requests: [] });
    expectGatewayError(
      await app.call("POST", "/sandbox/v1/residential/traffic", { rawBody }),
      400,
      "invalid_request_body",
    );
  });

  test("sub-user ids are per account: another account's sub-user of the same id is another sub-user", async () => {
    const subuser = newSubuser();
    const theirs = await traffic(app, username(subuser), { key: DEMO_KEYS.other });
    expect(theirs.status).toBe(201);
    // the same id in this account is free to use, and tells nothing of theirs
    const ours = await traffic(app, username(subuser));
    expect(ours.status).toBe(201);
    expect(ours.body.id).not.toBe(theirs.body.id);
    expect((await traffic(app, username(subuser), { key: DEMO_KEYS.other })).body).toMatchObject({
      id: theirs.body.id,
      requests: 2,
    });
    const listed = async (key: string) =>
      (await app.call("GET", `/v1/residential/sessions?subuser=${subuser}`, { key })).body.data.map(
        (session: { id: string }) => session.id,
      );
    expect(await listed(DEMO_KEYS.full)).toEqual([ours.body.id]);
    expect(await listed(DEMO_KEYS.other)).toEqual([theirs.body.id]);
    expectGatewayError(
      await app.call("GET", `/v1/residential/sessions/${theirs.body.id}`),
      404,
      "session_not_found",
    );
  });

  test("a key without the product or the sub-user in scope gets 403 subuser_scope_mismatch", async () => {
    expectGatewayError(
      await traffic(app, username("sub_01HX2K3PQ4M5"), { key: DEMO_KEYS.narrow, product: "mobile" }),
      403,
      "subuser_scope_mismatch",
    );
    expectGatewayError(
      await traffic(app, username(newSubuser()), { key: DEMO_KEYS.narrow }),
      403,
      "subuser_scope_mismatch",
    );
  });

  test.each(["isp", "datacenter"])("traffic for %s is 404 product_has_no_sessions", async (product) => {
    expectGatewayError(
      await traffic(app, username(newSubuser()), { product }),
      404,
      "product_has_no_sessions",
    );
  });
});

describe("GET /v1/{product}/sessions", () => {
  test("lists the key's sessions newest first, filtered by every filter", async () => {
    const subuser = newSubuser();
    const a = await traffic(app, username(subuser, "a", { region: "us", extra: "-asn-7922" }));
    app.time.now += 1000;
    const b = await traffic(app, username(subuser, "b", { region: "de", extra: "-asn-3320" }));
    app.time.now += 1000;
    const c = await traffic(app, username(subuser, "c", { region: "de", extra: "-asn-3209" }));
    await traffic(app, username(subuser, "c", { region: "de", extra: "-asn-3209" }), { reassign: true });
    const ids = async (query: string) => {
      const result = await app.call("GET", `/v1/residential/sessions?subuser=${subuser}${query}`);
      expect(result.status).toBe(200);
      expectSchema("SessionPage", result.body);
      return result.body.data.map((s: { id: string }) => s.id);
    };
    expect(await ids("")).toEqual([c.body.id, b.body.id, a.body.id]);
    expect(await ids("&region=de")).toEqual([c.body.id, b.body.id]);
    expect(await ids("&asn=3320")).toEqual([b.body.id]);
    expect(await ids("&session_id=a")).toEqual([a.body.id]);
    expect(await ids("&repinned=true")).toEqual([c.body.id]);
    expect(await ids("&repinned=false")).toEqual([b.body.id, a.body.id]);
  });

  test("pages with next_cursor without repeating or skipping, while sessions start and end", async () => {
    const subuser = newSubuser();
    const started: string[] = [];
    for (let i = 0; i < 7; i++) {
      app.time.now += 1000;
      started.push((await traffic(app, username(subuser, `p${i}`))).body.id);
    }
    const newestFirst = [...started].reverse();
    const first = await app.call("GET", `/v1/residential/sessions?subuser=${subuser}&limit=3`);
    expect(first.body.data.map((s: { id: string }) => s.id)).toEqual(newestFirst.slice(0, 3));
    // a session that starts and one that is terminated while the client pages
    app.time.now += 1000;
    await traffic(app, username(subuser, "late"));
    await app.call("DELETE", `/v1/residential/sessions/${newestFirst[1]}`);
    const second = await app.call(
      "GET",
      `/v1/residential/sessions?subuser=${subuser}&limit=3&cursor=${first.body.next_cursor}`,
    );
    expect(second.body.data.map((s: { id: string }) => s.id)).toEqual(newestFirst.slice(3, 6));
    const third = await app.call(
      "GET",
      `/v1/residential/sessions?subuser=${subuser}&limit=3&cursor=${second.body.next_cursor}`,
    );
    expect(third.body.data.map((s: { id: string }) => s.id)).toEqual(newestFirst.slice(6));
    expect(third.body.next_cursor).toBeNull();
  });

  test("a cursor is refused with other filters, by another account, or when malformed", async () => {
    const subuser = newSubuser();
    await traffic(app, username(subuser, "x1"));
    await traffic(app, username(subuser, "x2"));
    const page = await app.call("GET", `/v1/residential/sessions?subuser=${subuser}&limit=1`);
    const cursor = page.body.next_cursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    // the page size may change between pages
    expect(
      (await app.call("GET", `/v1/residential/sessions?subuser=${subuser}&limit=5&cursor=${cursor}`)).status,
    ).toBe(200);
    for (const [path, key] of [
      [`/v1/residential/sessions?subuser=${subuser}&region=de&cursor=${cursor}`, DEMO_KEYS.full],
      [`/v1/residential/sessions?subuser=${subuser}&status=all&cursor=${cursor}`, DEMO_KEYS.full],
      [`/v1/mobile/sessions?subuser=${subuser}&cursor=${cursor}`, DEMO_KEYS.full],
      [`/v1/residential/sessions?subuser=${subuser}&cursor=${cursor}`, DEMO_KEYS.other],
      [`/v1/residential/sessions?cursor=bm90LWEtY3Vyc29y`, DEMO_KEYS.full],
      [`/v1/residential/sessions?cursor=${cursor.slice(0, -3)}`, DEMO_KEYS.full],
    ] as const) {
      expectGatewayError(await app.call("GET", path, { key }), 400, "invalid_parameter", "cursor");
    }
  });

  test("status=terminated lists terminated sessions, status=all both, the default only active ones", async () => {
    const subuser = newSubuser();
    const live = await traffic(app, username(subuser, "live"));
    const ended = await traffic(app, username(subuser, "ended"));
    await app.call("DELETE", `/v1/residential/sessions/${ended.body.id}`);
    const ids = async (status: string) =>
      (await app.call("GET", `/v1/residential/sessions?subuser=${subuser}${status}`)).body.data.map(
        (s: { id: string }) => s.id,
      );
    expect(await ids("")).toEqual([live.body.id]);
    expect(await ids("&status=active")).toEqual([live.body.id]);
    expect(await ids("&status=terminated")).toEqual([ended.body.id]);
    expect((await ids("&status=all")).sort()).toEqual([live.body.id, ended.body.id].sort());
  });

  test("another account's sessions are absent from lists", async () => {
    const subuser = newSubuser();
    await traffic(app, username(subuser), { key: DEMO_KEYS.other });
    const mine = await app.call("GET", `/v1/residential/sessions?subuser=${subuser}`);
    expect(mine.body.data).toEqual([]);
    const theirs = await app.call("GET", `/v1/residential/sessions?subuser=${subuser}`, {
      key: DEMO_KEYS.other,
    });
    expect(theirs.body.data).toHaveLength(1);
  });

  test("a key limited to sub-users lists only theirs, and gets 403 for another sub-user or product", async () => {
    const outside = newSubuser();
    await traffic(app, username(outside));
    await traffic(app, username("sub_01HX2K3PQ4M5", "narrow_case"));
    const listed = await app.call("GET", "/v1/residential/sessions?limit=200", { key: DEMO_KEYS.narrow });
    expect(listed.status).toBe(200);
    expect(new Set(listed.body.data.map((s: { subuser: string }) => s.subuser))).toEqual(
      new Set(["sub_01HX2K3PQ4M5"]),
    );
    expectGatewayError(
      await app.call("GET", `/v1/residential/sessions?subuser=${outside}`, { key: DEMO_KEYS.narrow }),
      403,
      "subuser_scope_mismatch",
    );
    expectGatewayError(
      await app.call("GET", "/v1/mobile/sessions", { key: DEMO_KEYS.narrow }),
      403,
      "subuser_scope_mismatch",
    );
  });

  test.each([
    ["subuser", "bob"],
    ["session_id", "a-b"],
    ["region", "USA"],
    ["asn", "0"],
    ["asn", "abc"],
    ["asn", "4294967296"],
    ["repinned", "yes"],
    ["status", "expired"],
    ["limit", "0"],
    ["limit", "201"],
    ["limit", "1.5"],
    ["limit", ""],
    ["cursor", "has spaces"],
    ["cursor", "x".repeat(513)],
  ])("%s=%s is 400 invalid_parameter naming it", async (name, value) => {
    const result = await app.call("GET", `/v1/residential/sessions?${name}=${encodeURIComponent(value)}`);
    expectGatewayError(result, 400, "invalid_parameter", name);
    expect(result.body.error.message).toContain(name);
  });

  test("a misspelled filter is 400 invalid_parameter, never an unfiltered list", async () => {
    const result = await app.call("GET", "/v1/residential/sessions?sub_user=sub_01HX2K3PQ4M5");
    expectGatewayError(result, 400, "invalid_parameter", "sub_user");
    expect(result.body.error.message).toContain("takes subuser, session_id");
  });

  test("a parameter given twice is 400 invalid_parameter", async () => {
    expectGatewayError(
      await app.call("GET", "/v1/residential/sessions?limit=1&limit=2"),
      400,
      "invalid_parameter",
      "limit",
    );
  });

  test("the limit message states the documented range", async () => {
    const result = await app.call("GET", "/v1/residential/sessions?limit=500");
    expect(result.body.error.message).toBe("limit must be an integer from 1 to 200; got 500.");
  });

  test.each(["isp", "datacenter"])("listing %s is 404 product_has_no_sessions", async (product) => {
    expectGatewayError(await app.call("GET", `/v1/${product}/sessions`), 404, "product_has_no_sessions");
  });

  test("listing a product name outside the spec's pattern is 400 invalid_parameter", async () => {
    expectGatewayError(await app.call("GET", "/v1/ISP/sessions"), 400, "invalid_parameter", "product");
  });
});

describe("GET and DELETE /v1/{product}/sessions/{id}", () => {
  test("get returns the session; another product's or account's id is 404 session_not_found", async () => {
    const created = await traffic(app, username(newSubuser()));
    const got = await app.call("GET", `/v1/residential/sessions/${created.body.id}`);
    expect(got.status).toBe(200);
    expectSchema("SessionDetail", got.body);
    expect(got.body).toEqual(created.body);
    expectGatewayError(
      await app.call("GET", `/v1/mobile/sessions/${created.body.id}`),
      404,
      "session_not_found",
    );
    expectGatewayError(
      await app.call("GET", `/v1/residential/sessions/${created.body.id}`, { key: DEMO_KEYS.other }),
      404,
      "session_not_found",
    );
    expectGatewayError(
      await app.call("DELETE", `/v1/residential/sessions/${created.body.id}`, { key: DEMO_KEYS.other }),
      404,
      "session_not_found",
    );
    expectGatewayError(
      await app.call("GET", "/v1/residential/sessions/ses_000000000000"),
      404,
      "session_not_found",
    );
  });

  test("a key whose scope misses the session's sub-user gets 403 on get and delete", async () => {
    const created = await traffic(app, username(newSubuser()));
    for (const method of ["GET", "DELETE"]) {
      expectGatewayError(
        await app.call(method, `/v1/residential/sessions/${created.body.id}`, { key: DEMO_KEYS.narrow }),
        403,
        "subuser_scope_mismatch",
      );
    }
    const mobile = await traffic(app, username("sub_01HX2K3PQ4M5", "mob"), { product: "mobile" });
    expectGatewayError(
      await app.call("GET", `/v1/mobile/sessions/${mobile.body.id}`, { key: DEMO_KEYS.narrow }),
      403,
      "subuser_scope_mismatch",
    );
  });

  test("terminate sets status and terminated_at; terminating again returns the same record", async () => {
    const created = await traffic(app, username(newSubuser()));
    const path = `/v1/residential/sessions/${created.body.id}`;
    const first = await app.call("DELETE", path);
    expect(first.status).toBe(200);
    expectSchema("SessionDetail", first.body);
    expect(first.body).toMatchObject({
      status: "terminated",
      terminated_at: new Date(app.time.now).toISOString(),
    });
    app.time.now += 5000;
    const again = await app.call("DELETE", path);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await app.call("GET", path)).body).toEqual(first.body);
  });

  test("after terminate, the same username starts a new session on a new exit IP", async () => {
    const user = username(newSubuser());
    const first = await traffic(app, user);
    await app.call("DELETE", `/v1/residential/sessions/${first.body.id}`);
    const next = await traffic(app, user);
    expect(next.status).toBe(201);
    expect(next.body.id).not.toBe(first.body.id);
    expect(next.body.exit_ip).not.toBe(first.body.exit_ip);
    expect(next.body).toMatchObject({ bytes_used: 1000, requests: 1, status: "active" });
  });

  // a session that expired or never existed is not found, whatever shape its id has
  test.each([
    ["GET", "/v1/residential/sessions/ses_short"],
    ["GET", "/v1/residential/sessions/ses_01HX2K3PQ4MU"],
    ["DELETE", "/v1/residential/sessions/nope"],
    ["GET", "/v1/mobile/sessions/as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"],
    ["DELETE", "/v1/residential/sessions/ses%20with%20spaces"],
    ["GET", `/v1/residential/sessions/${"x".repeat(128)}`],
  ])("%s %s names no session: 404 session_not_found", async (method, path) => {
    expectGatewayError(await app.call(method, path), 404, "session_not_found");
  });

  test.each([
    ["GET", `/v1/residential/sessions/${"x".repeat(129)}`, "id"],
    ["DELETE", "/v1/residential/sessions/ses_%0A01HX2K3PQ4M5", "id"],
    ["GET", "/v1/residential/sessions/%7F", "id"],
    ["GET", "/v1/Residential/sessions/ses_01HX2K3PQ4M5", "product"],
  ])("%s %s cannot be looked up: 400 invalid_parameter naming %s", async (method, path, param) => {
    expectGatewayError(await app.call(method, path), 400, "invalid_parameter", param);
  });

  test.each(["GET", "DELETE"])(
    "%s on isp or an unknown product is 404 product_has_no_sessions",
    async (method) => {
      for (const product of ["isp", "datacenter"]) {
        expectGatewayError(
          await app.call(method, `/v1/${product}/sessions/ses_01HX2K3PQ4M5`),
          404,
          "product_has_no_sessions",
        );
      }
    },
  );
});

describe("authentication", () => {
  test.each([
    ["no key", null],
    ["an unknown key", "sk_nope_12345"],
  ])("%s is 401 with WWW-Authenticate in each family", async (_, key) => {
    const gateway = await app.call("GET", "/v1/residential/sessions", { key });
    expectGatewayError(gateway, 401, "unauthorized");
    expect(gateway.headers.get("www-authenticate")).toBe('Bearer realm="sessions-api"');
    const sandbox = await app.call("GET", "/sandbox/clock", { key });
    expectGatewayError(sandbox, 401, "unauthorized");
    const application = await app.call("GET", "/app/sessions", { key });
    expect(application.status).toBe(401);
    expect(application.body.error_code).toBe("ERR_UNAUTHORIZED");
  });

  test.each([
    ["no header", undefined, "Missing API key: send it as Authorization: Bearer <key>."],
    [
      "another scheme",
      "Basic dXNlcjpwYXNz",
      "The Authorization header is not one bearer key: send one header, Authorization: Bearer <key>.",
    ],
    [
      "two headers joined",
      `Bearer ${DEMO_KEYS.full}, Bearer ${DEMO_KEYS.other}`,
      "The Authorization header is not one bearer key: send one header, Authorization: Bearer <key>.",
    ],
  ])("%s is 401 saying what is wrong with the header", async (_, authorization, message) => {
    const response = await app.sandbox.fetch(
      new Request("http://127.0.0.1:8080/v1/residential/sessions", {
        headers: authorization === undefined ? {} : { authorization },
      }),
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
  });

  test("GET /healthz needs no key and names the store", async () => {
    const result = await app.call("GET", "/healthz", { key: null });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: "ok", store: "pglite" });
  });
});

describe("routing", () => {
  test.each([
    ["GET", "/v2/sessions", "gateway"],
    ["GET", "/nothing", "gateway"],
    ["GET", "/sandbox/nothing", "gateway"],
    ["GET", "/app/nothing", "app"],
    ["GET", "/app/sessions/as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE/extra", "app"],
    ["GET", "/sandbox/app/nothing", "app"],
  ])("%s %s is 404 in the %s error body", async (method, path, family) => {
    const result = await app.call(method, path, { key: null });
    expect(result.status).toBe(404);
    if (family === "gateway") expectGatewayError(result, 404, "not_found");
    else expect(result.body).toMatchObject({ error_code: "ERR_NOT_FOUND", status_code: 404 });
  });

  test.each([
    ["POST", "/v1/residential/sessions", "GET, HEAD", "gateway"],
    ["PUT", "/v1/residential/sessions/ses_01HX2K3PQ4M5", "GET, HEAD, DELETE", "gateway"],
    ["GET", "/sandbox/v1/residential/traffic", "POST", "gateway"],
    ["DELETE", "/sandbox/clock", "GET, HEAD", "gateway"],
    ["GET", "/sandbox/clock/advance", "POST", "gateway"],
    ["POST", "/healthz", "GET, HEAD", "gateway"],
    ["POST", "/app/sessions", "GET, HEAD", "app"],
    ["PATCH", "/app/sessions/as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE", "GET, HEAD, DELETE", "app"],
    ["GET", "/sandbox/app/sessions", "POST", "app"],
    ["GET", "/sandbox/app/sessions/as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE/activity", "POST", "app"],
  ])("%s %s is 405 with Allow: %s in the %s error body", async (method, path, allow, family) => {
    const result = await app.call(method, path, { key: null });
    expect(result.status).toBe(405);
    expect(result.headers.get("allow")).toBe(allow);
    if (family === "gateway") expectGatewayError(result, 405, "method_not_allowed");
    else expect(result.body).toMatchObject({ error_code: "ERR_METHOD_NOT_ALLOWED", status_code: 405 });
  });

  test("every response carries a fresh X-Request-Id", async () => {
    const ids = new Set<string>();
    for (const [method, path, key] of [
      ["GET", "/healthz", null],
      ["GET", "/v1/residential/sessions", DEMO_KEYS.full],
      ["GET", "/v1/residential/sessions", null],
      ["GET", "/nothing", null],
      ["POST", "/healthz", null],
      ["GET", "/app/sessions", DEMO_KEYS.full],
    ] as const) {
      const id = (await app.call(method, path, { key })).headers.get("x-request-id");
      expect(id).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
      ids.add(id as string);
    }
    expect(ids.size).toBe(6);
  });

  test("HEAD answers like GET without a body", async () => {
    const result = await app.call("HEAD", "/healthz", { key: null });
    expect(result.status).toBe(200);
    expect(result.body).toBeUndefined();
  });
});

describe("the API reference and the spec", () => {
  test("GET /docs and /openapi.json answer without a key, with a request id", async () => {
    const docs = await app.sandbox.fetch(new Request("http://127.0.0.1:8080/docs"));
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toContain("text/html");
    expect(docs.headers.get("x-request-id")).toMatch(/^req_/);
    const spec = await app.call("GET", "/openapi.json", { key: null });
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toBe("3.1.0");
  });

  test("a 304 of the docs' script, a response its handler makes itself, carries a request id too", async () => {
    const html = await (await app.sandbox.fetch(new Request("http://127.0.0.1:8080/docs"))).text();
    const script = `http://127.0.0.1:8080${html.match(/<script src="([^"]+)"/)?.[1]}`;
    const first = await app.sandbox.fetch(new Request(script));
    const etag = first.headers.get("etag");
    expect(etag).not.toBeNull();
    const again = await app.sandbox.fetch(
      new Request(script, { headers: { "if-none-match": etag as string } }),
    );
    expect(again.status).toBe(304);
    expect(again.headers.get("x-request-id")).toMatch(/^req_/);
    expect(again.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
  });

  test("POST /docs is 405 with Allow", async () => {
    const result = await app.call("POST", "/docs", { key: null });
    expectGatewayError(result, 405, "method_not_allowed");
    expect(result.headers.get("allow")).toBe("GET, HEAD");
  });
});
