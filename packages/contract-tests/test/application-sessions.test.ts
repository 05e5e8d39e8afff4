/**
 * Application sessions on a real server, seeded through the sandbox: paging the vendor's way
 * (`limit`, `before_id`, `next_page_uri`), reading, deleting, and the vendor's error body.
 */
import type { ApplicationSession, ApplicationSessionList } from "@sessions-api/openapi";
import { describe, expect, test } from "vitest";
import { errorCodeOf, errorParamOf } from "../src/negative-cases.js";
import { useTarget } from "../src/target-context.js";
import { createAppSession, listApplicationSessionPages, pathOf } from "./support/scenario.js";

const target = useTarget();
const client = target.client();
// an account of its own, so that "every session of the account" is exactly what the test created
const paging = target.client(target.keys.appPaging);
const other = target.client(target.keys.other);
// residential and one sub-user only: its scope leaves application sessions out
const narrow = target.client(target.keys.narrow);
const chromeOnMac =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/102.0.0.0 Safari/537.36";

describe("application sessions", target.requires("sandbox"), () => {
  test(
    "creates several, then pages with limit and before_id following next_page_uri to the end",
    target.requires("suiteAccounts"),
    async () => {
      const created: ApplicationSession[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await createAppSession(paging, { public_url: `https://app${i}.example.com` });
        expect(response.headers.get("location")).toBe(response.body.uri);
        created.push(response.body);
      }
      const listed: string[] = [];
      let url: string | null = "/app/sessions?limit=2";
      let pages = 0;
      while (url !== null && pages < 10) {
        const response: { body: ApplicationSessionList } = await paging.call<ApplicationSessionList>(
          "listApplicationSessions",
          { url, expect: 200 },
        );
        const page = response.body;
        pages += 1;
        expect(page.application_sessions.length).toBeLessThanOrEqual(2);
        expect(pathOf(page.uri)).toBe(url);
        listed.push(...page.application_sessions.map((session) => session.id));
        if (page.next_page_uri !== null) {
          const next = new URL(page.next_page_uri);
          expect(next.pathname).toBe("/app/sessions");
          expect(next.searchParams.get("limit")).toBe("2");
          expect(next.searchParams.get("before_id")).toBe(page.application_sessions.at(-1)?.id);
        }
        url = page.next_page_uri === null ? null : pathOf(page.next_page_uri);
      }
      expect(pages).toBe(3);
      expect(listed).toEqual(created.map((session) => session.id).reverse());
    },
  );

  test("gets a session, deletes it (204, no body), then reads 404 in the vendor's error body", async () => {
    const { body: created } = await createAppSession(client, {
      user_agent: chromeOnMac,
      ip_address: "203.0.113.24",
    });
    const { body: read } = await client.call<ApplicationSession>("getApplicationSession", {
      path: { id: created.id },
      expect: 200,
    });
    expect(read).toEqual(created);
    const deleted = await client.call("deleteApplicationSession", { path: { id: created.id }, expect: 204 });
    expect(deleted.text).toBe("");
    for (const operationId of [
      "getApplicationSession",
      "deleteApplicationSession",
      "recordApplicationSessionActivity",
    ]) {
      const { body } = await client.call(operationId, { path: { id: created.id }, expect: 404 });
      expect(body).toMatchObject({ error_code: "ERR_NOT_FOUND", status_code: 404 });
    }
    const { body: list } = await client.call<ApplicationSessionList>("listApplicationSessions", {
      query: { limit: 100 },
      expect: 200,
    });
    expect(list.application_sessions.map((session) => session.id)).not.toContain(created.id);
    // a session deleted in the last 24 hours still anchors a page, so paging survives deletions
    await client.call("listApplicationSessions", { query: { before_id: created.id }, expect: 200 });
  });

  test("parses the raw user agent and keeps the browser's address", async () => {
    const { body } = await createAppSession(client, {
      user_agent: chromeOnMac,
      ip_address: "2001:db8::1",
      agent_initiated: true,
    });
    expect(body.browser_session.user_agent).toMatchObject({
      raw: chromeOnMac,
      browser_name: "Chrome",
      browser_version: "102",
      os_name: "MacOS",
    });
    expect(body.browser_session.ip_address).toBe("2001:db8::1");
    expect(body.edge).toBeNull();
    expect(body.route).toBeNull();
    expect(Date.parse(body.expires_at) - Date.parse(body.created_at)).toBe(86_400_000);
  });

  test("an ordinary session has an edge and a route; an agent-initiated one has neither", async () => {
    const ref = { id: expect.any(String), uri: expect.any(String) };
    for (const body of [{}, { agent_initiated: false }]) {
      const { body: ordinary } = await createAppSession(client, body);
      expect(ordinary, JSON.stringify(body)).toMatchObject({ edge: ref, route: ref });
      const { body: read } = await client.call<ApplicationSession>("getApplicationSession", {
        path: { id: ordinary.id },
        expect: 200,
      });
      expect(read.edge).toEqual(ordinary.edge);
      expect(read.route).toEqual(ordinary.route);
    }
    const { body: agent } = await createAppSession(client, { agent_initiated: true });
    expect(agent).toMatchObject({ edge: null, route: null });
  });

  test("a session says what its creation gave, and its uri and Location read it back", async () => {
    const location = { country_code: "DE", latitude: 52.52, longitude: 13.405, lat_long_radius_km: 10 };
    const given = {
      public_url: "https://shop.example.com",
      ip_address: "198.51.100.7",
      location,
      application_user_id: "user_42",
    };
    const response = await createAppSession(client, given);
    const created = response.body;
    expect(created).toMatchObject({
      public_url: given.public_url,
      browser_session: { ip_address: given.ip_address, location },
      application_user: { id: "user_42" },
    });
    expect(response.headers.get("location")).toBe(created.uri);
    expect(new URL(created.uri).pathname).toBe(`/app/sessions/${created.id}`);
    const { body: read } = await client.call<ApplicationSession>("getApplicationSession", {
      url: pathOf(created.uri),
      expect: 200,
    });
    expect(read).toEqual(created);
    // left out, the application user is a new one each time
    const [first, second] = await Promise.all([createAppSession(client), createAppSession(client)]);
    expect(first.body.application_user.id).not.toBe(second.body.application_user.id);
  });

  test("when the sessions end exactly at a page boundary, that last full page has next_page_uri null", async () => {
    const limit = 5;
    // the anchor is the account's own count: top it up to a whole number of pages, at least two
    let total = (await listApplicationSessionPages(client, 100)).flat().length;
    const created: string[] = [];
    while (total < 2 * limit || total % limit !== 0) {
      created.push((await createAppSession(client, { ttl_seconds: 3_600 })).body.id);
      total += 1;
    }
    const pages = await listApplicationSessionPages(client, limit);
    expect(pages.map((page) => page.length)).toEqual(Array.from({ length: total / limit }, () => limit));
    const listed = pages.flat();
    expect(new Set(listed).size).toBe(total);
    expect(listed.slice(0, created.length)).toEqual([...created].reverse());
  });

  test("recording activity moves last_active and leaves expires_at", async () => {
    const { body: created } = await createAppSession(client, { ttl_seconds: 600 });
    const { body: active } = await client.call<ApplicationSession>("recordApplicationSessionActivity", {
      path: { id: created.id },
      expect: 200,
    });
    expect(Date.parse(active.last_active)).toBeGreaterThanOrEqual(Date.parse(created.last_active));
    expect(active.expires_at).toBe(created.expires_at);
    expect(Date.parse(created.expires_at) - Date.parse(created.created_at)).toBe(600_000);
  });

  test("an id of any other shape names no session: 404 in the vendor's error body", async () => {
    for (const [operationId, id] of [
      ["getApplicationSession", "ses_01HX2K3PQ4M5"],
      ["deleteApplicationSession", "as_nope"],
      ["recordApplicationSessionActivity", "x".repeat(128)],
    ] as const) {
      const { body } = await client.call(operationId, { path: { id }, expect: 404 });
      expect(body).toMatchObject({ error_code: "ERR_NOT_FOUND", status_code: 404 });
    }
  });

  test("an unknown before_id is 400 naming before_id", async () => {
    const { body } = await client.call("listApplicationSessions", {
      query: { before_id: "as_00000000000000000000000000" },
      expect: 400,
    });
    expect(errorCodeOf(body)).toBe("ERR_INVALID_PARAMETER");
    expect(errorParamOf(body)).toBe("before_id");
  });

  test(
    "another account's application sessions are invisible",
    target.requires("otherAccountKey"),
    async () => {
      const { body: created } = await createAppSession(client);
      for (const operationId of [
        "getApplicationSession",
        "deleteApplicationSession",
        "recordApplicationSessionActivity",
      ]) {
        await other.call(operationId, { path: { id: created.id }, expect: 404 });
      }
      const { body } = await other.call<ApplicationSessionList>("listApplicationSessions", { expect: 200 });
      expect(body.application_sessions.map((session) => session.id)).not.toContain(created.id);
      // another account's id is not an anchor for this one's pages either
      await other.call("listApplicationSessions", { query: { before_id: created.id }, expect: 400 });
      await client.call("getApplicationSession", { path: { id: created.id }, expect: 200 });
    },
  );

  test(
    "a key whose scope leaves application sessions out gets 403 ERR_UNAUTHORIZED on each operation",
    target.requires("narrowKey"),
    async () => {
      const { body: created } = await createAppSession(client);
      const refusals = [
        await narrow.call("listApplicationSessions", { expect: 403 }),
        await narrow.call("createApplicationSession", { body: {}, expect: 403 }),
        ...(await Promise.all(
          ["getApplicationSession", "deleteApplicationSession", "recordApplicationSessionActivity"].map(
            (operationId) => narrow.call(operationId, { path: { id: created.id }, expect: 403 }),
          ),
        )),
      ];
      for (const { body } of refusals) {
        expect(body).toMatchObject({ error_code: "ERR_UNAUTHORIZED", status_code: 403 });
      }
      // nothing was deleted
      await client.call("getApplicationSession", { path: { id: created.id }, expect: 200 });
    },
  );
});
