/**
 * Gateway sticky sessions on a real server, seeded through the sandbox: listing with every filter,
 * paging while sessions start, the session key, termination, repinning, scopes and accounts. Each test
 * reads like the API's own prose. (Scenarios that move the test clock live in test-clock.test.ts.)
 */
import type { GatewayProduct, SessionDetail } from "@sessions-api/openapi";
import { formatUsername } from "@sessions-api/username";
import { describe, expect, test } from "vitest";
import { errorCodeOf, errorParamOf } from "../src/negative-cases.js";
import { useTarget } from "../src/target-context.js";
import {
  isNewestFirst,
  listAll,
  listSessions,
  newSessionName,
  newSubuser,
  proxiedRequest,
  proxy,
} from "./support/scenario.js";

const target = useTarget();
const client = target.client();
const narrow = target.client(target.keys.narrow);
const other = target.client(target.keys.other);
const products: GatewayProduct[] = ["residential", "mobile"];
const ids = (sessions: readonly { id: string }[]) => sessions.map((session) => session.id);

describe("listing sticky sessions", target.requires("sandbox"), () => {
  test.each(products)("lists %s sessions with each filter alone and combined", async (product) => {
    const subuser = newSubuser();
    const job = newSessionName();
    const otherProduct = product === "residential" ? "mobile" : "residential";
    const la = await proxy(client, product, {
      subuser,
      region: "us",
      state: "ca",
      city: "la",
      asn: 7922,
      session_id: job,
      sesstime: 30,
    });
    const berlin = await proxy(client, product, {
      subuser,
      region: "de",
      asn: 3320,
      session_id: job,
      sesstime: 60,
    });
    await proxy(
      client,
      product,
      { subuser, region: "de", asn: 3320, session_id: job, sesstime: 60 },
      { reassignExitIp: true, expect: 200 },
    );
    const crawl = await proxy(client, product, {
      subuser,
      region: "us",
      session_id: newSessionName(),
      sesstime: 120,
    });
    const elsewhere = await proxy(client, otherProduct, {
      subuser,
      region: "us",
      session_id: job,
      sesstime: 30,
    });

    const bySubuser = await listAll(client, product, { subuser });
    expect(ids(bySubuser).sort()).toEqual(ids([la, berlin, crawl]).sort());
    expect(isNewestFirst(bySubuser)).toBe(true);
    expect(ids(bySubuser)).not.toContain(elsewhere.id);

    // the server picks the exit IP (and so its ASN) of a username without -asn-: compare with what it picked
    const seeded = await Promise.all(
      [la, berlin, crawl].map(async (session) => {
        const path = { product, id: session.id };
        return (await client.call<SessionDetail>("getSession", { path, expect: 200 })).body;
      }),
    );
    const where = (matches: (session: SessionDetail) => boolean) => seeded.filter(matches);
    const combined: [Record<string, string | number | boolean>, SessionDetail[]][] = [
      [{ session_id: job }, where((s) => s.session_id === job)],
      [{ region: "us" }, where((s) => s.region === "us")],
      [{ asn: 7922 }, where((s) => s.asn === 7922)],
      [{ repinned: true }, where((s) => s.repinned)],
      [{ repinned: false }, where((s) => !s.repinned)],
      [{ region: "us", session_id: job }, where((s) => s.region === "us" && s.session_id === job)],
      [{ region: "de", asn: 3320, repinned: true, session_id: job }, [berlin]],
      [{ region: "us", asn: 3320 }, where((s) => s.region === "us" && s.asn === 3320)],
      [{ status: "active" }, seeded],
      [{ status: "terminated" }, []],
      [{ status: "all" }, seeded],
    ];
    expect(ids(combined[0]?.[1] ?? [])).toEqual(ids([la, berlin]));
    expect(ids(combined[3]?.[1] ?? [])).toEqual(ids([berlin]));
    expect(ids(combined[2]?.[1] ?? [])).toContain(la.id);
    for (const [filter, expected] of combined) {
      const listed = await listAll(client, product, { subuser, ...filter });
      expect(ids(listed).sort(), `subuser + ${JSON.stringify(filter)}`).toEqual(ids(expected).sort());
    }

    // each filter alone: other scenarios' sessions may match too, so every listed one must match it
    const alone: [
      Record<string, string | number | boolean>,
      (s: SessionDetail) => boolean,
      SessionDetail[],
    ][] = [
      [{ session_id: job }, (s) => s.session_id === job, [la, berlin]],
      [{ region: "de" }, (s) => s.region === "de", [berlin]],
      [{ asn: 7922 }, (s) => s.asn === 7922, [la]],
      [{ repinned: true }, (s) => s.repinned, [berlin]],
      [{ status: "all" }, () => true, [la, berlin, crawl]],
    ];
    for (const [filter, matches, mustInclude] of alone) {
      const listed = await listAll(client, product, filter);
      expect(
        listed.every((s) => matches(s as SessionDetail) && s.product === product),
        JSON.stringify(filter),
      ).toBe(true);
      expect(ids(listed), JSON.stringify(filter)).toEqual(expect.arrayContaining(ids(mustInclude)));
      expect(isNewestFirst(listed)).toBe(true);
    }
  });

  test("pages to the end with a small limit while sessions start, with no duplicate and no gap", async () => {
    const subuser = newSubuser();
    const seeded: string[] = [];
    for (let i = 0; i < 7; i++) {
      seeded.push(
        (await proxy(client, "residential", { subuser, region: "us", session_id: `page${i}`, sesstime: 60 }))
          .id,
      );
    }
    const listed: string[] = [];
    const startedWhilePaging: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const { body } = await listSessions(client, "residential", { subuser, limit: 2, cursor });
      expect(body.data.length).toBeLessThanOrEqual(2);
      listed.push(...ids(body.data));
      // a session starting between pages is newer than every cursor: it appears on no later page
      const late = await proxy(client, "residential", {
        subuser,
        region: "us",
        session_id: `late${page}`,
        sesstime: 60,
      });
      startedWhilePaging.push(late.id);
      if (body.next_cursor === null) break;
      cursor = body.next_cursor;
    }
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual([...seeded].reverse());
    expect(ids(await listAll(client, "residential", { subuser })).sort()).toEqual(
      [...seeded, ...startedWhilePaging].sort(),
    );
  });

  test("the last page has next_cursor null, also when it is exactly full, and no page is empty", async () => {
    const subuser = newSubuser();
    const seeded: string[] = [];
    for (let i = 0; i < 4; i++)
      seeded.push(
        (await proxy(client, "residential", { subuser, region: "us", session_id: `full${i}`, sesstime: 60 }))
          .id,
      );
    // the anchor is the 4 sessions seeded: pages of 4 and of 2 end exactly full, pages of 3 and 5 do not
    for (const limit of [4, 2, 3, 5]) {
      const sizes: number[] = [];
      const listed: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 6; page++) {
        const { body } = await listSessions(client, "residential", { subuser, limit, cursor });
        sizes.push(body.data.length);
        listed.push(...ids(body.data));
        if (body.next_cursor === null) break;
        cursor = body.next_cursor;
      }
      const expected = Array.from({ length: Math.ceil(4 / limit) }, (_, i) => Math.min(limit, 4 - i * limit));
      expect(sizes, `page sizes with limit ${limit}`).toEqual(expected);
      expect(listed, `sessions with limit ${limit}`).toEqual([...seeded].reverse());
    }
  });

  test("a page holds 50 sessions when the request gives no limit", async () => {
    const subuser = newSubuser();
    for (let i = 0; i < 51; i++)
      await proxy(client, "mobile", { subuser, region: "us", session_id: `default${i}`, sesstime: 60 });
    const first = await listSessions(client, "mobile", { subuser });
    expect(first.body.data).toHaveLength(50);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await listSessions(client, "mobile", { subuser, cursor: first.body.next_cursor ?? "" });
    expect(second.body.data).toHaveLength(1);
    expect(second.body.next_cursor).toBeNull();
  });

  test("a cursor is valid only with the product and filters that produced it", async () => {
    const subuser = newSubuser();
    for (const session_id of ["c1", "c2"])
      await proxy(client, "residential", { subuser, region: "us", session_id, sesstime: 30 });
    const first = await listSessions(client, "residential", { subuser, limit: 1 });
    const cursor = first.body.next_cursor;
    expect(cursor).toEqual(expect.any(String));
    const foreign = [
      () => listSessions(client, "mobile", { subuser, limit: 1, cursor: cursor ?? "" }, 400),
      () =>
        listSessions(client, "residential", { subuser, region: "de", limit: 1, cursor: cursor ?? "" }, 400),
      () => listSessions(client, "residential", { limit: 1, cursor: cursor ?? "" }, 400),
      () =>
        listSessions(client, "residential", { subuser, status: "all", limit: 1, cursor: cursor ?? "" }, 400),
      () => listSessions(client, "residential", { subuser, cursor: "AAAAAAAAAAAA" }, 400),
    ];
    for (const attempt of foreign) {
      const { body } = await attempt();
      expect(errorCodeOf(body)).toBe("invalid_parameter");
      expect(errorParamOf(body)).toBe("cursor");
    }
    // the page size is not part of the query: the same cursor may fetch a bigger page
    const next = await listSessions(client, "residential", { subuser, limit: 5, cursor: cursor ?? "" });
    expect(next.body.data).toHaveLength(1);
  });

  test("a cursor is not valid for another account", target.requires("otherAccountKey"), async () => {
    const subuser = newSubuser();
    for (const session_id of ["c1", "c2"])
      await proxy(client, "residential", { subuser, region: "us", session_id, sesstime: 30 });
    const cursor = (await listSessions(client, "residential", { subuser, limit: 1 })).body.next_cursor;
    expect(cursor).toEqual(expect.any(String));
    const { body } = await listSessions(
      other,
      "residential",
      { subuser, limit: 1, cursor: cursor ?? "" },
      400,
    );
    expect(errorCodeOf(body)).toBe("invalid_parameter");
    expect(errorParamOf(body)).toBe("cursor");
  });
});

describe("the full proxy username is the session key", target.requires("sandbox"), () => {
  test("reporting more traffic on a live username grows the same session, samples newest first", async () => {
    const parts = { subuser: newSubuser(), region: "us", session_id: newSessionName(), sesstime: 30 };
    const started = await proxy(client, "residential", parts, { requests: 2 });
    const grown = await proxy(client, "residential", parts, { requests: 3, expect: 200 });
    expect(grown.id).toBe(started.id);
    expect(grown.requests).toBe(5);
    expect(grown.bytes_used).toBe(started.bytes_used + 1_000 + 1_001 + 1_002);
    expect(grown.samples).toHaveLength(5);
    const times = grown.samples.map((sample) => Date.parse(sample.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const busy = await proxy(client, "residential", parts, { requests: 8, expect: 200 });
    expect(busy.requests).toBe(13);
    expect(busy.samples).toHaveLength(10);
  });

  test("samples are the session's last 10 requests, newest first, also after a report of more than 10", async () => {
    const parts = { subuser: newSubuser(), region: "us", session_id: newSessionName(), sesstime: 30 };
    // the anchor is the bytes sent: 1000-1011 in the first report, 2000-2002 in the second
    const started = await proxy(client, "residential", parts, {
      requests: 12,
      firstBytes: 1_000,
      expect: 201,
    });
    const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);
    expect(started.requests).toBe(12);
    expect(started.samples.map((sample) => sample.bytes)).toEqual(range(1_011, 1_002));
    const grown = await proxy(client, "residential", parts, { requests: 3, firstBytes: 2_000, expect: 200 });
    const expected = [...range(2_002, 2_000), ...range(1_011, 1_005)];
    expect(grown.requests).toBe(15);
    expect(grown.bytes_used).toBe(12 * 1_000 + 66 + 3 * 2_000 + 3);
    expect(grown.samples.map((sample) => sample.bytes)).toEqual(expected);
    const { body: read } = await client.call<SessionDetail>("getSession", {
      path: { product: "residential", id: started.id },
      expect: 200,
    });
    expect(read.samples.map((sample) => sample.bytes)).toEqual(expected);
    const { bytes: _bytes, ...sent } = proxiedRequest;
    for (const sample of read.samples) expect(sample).toMatchObject(sent);
    const times = read.samples.map((sample) => Date.parse(sample.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test("a session restates its username: sub-user, session_id, region, state, city and asn", async () => {
    const subuser = newSubuser();
    const session_id = newSessionName();
    const targetedParts = {
      subuser,
      region: "us",
      state: "ca",
      city: "los_angeles",
      asn: 7922,
      session_id,
      sesstime: 30,
    };
    const targeted = await proxy(client, "residential", targetedParts);
    expect(targeted).toMatchObject({
      product: "residential",
      username: formatUsername(targetedParts),
      subuser,
      session_id,
      region: "us",
      state: "ca",
      city: "los_angeles",
      asn: 7922,
    });
    // a username that targets no state or city: both are null
    const plainParts = { subuser, region: "de", session_id, sesstime: 45 };
    const plain = await proxy(client, "mobile", plainParts);
    expect(plain).toMatchObject({
      product: "mobile",
      username: formatUsername(plainParts),
      region: "de",
      state: null,
      city: null,
    });
    // a list item is the same session as a read of it, without the samples
    for (const [product, session] of [
      ["residential", targeted],
      ["mobile", plain],
    ] as const) {
      const { samples: _samples, ...fields } = (
        await client.call<SessionDetail>("getSession", { path: { product, id: session.id }, expect: 200 })
      ).body;
      expect(await listAll(client, product, { subuser })).toEqual([fields]);
    }
  });

  test("the same session_id under another geo or sub-user is a different session", async () => {
    const subuser = newSubuser();
    const session_id = newSessionName();
    const us = await proxy(client, "residential", { subuser, region: "us", session_id, sesstime: 30 });
    const usCa = await proxy(client, "residential", {
      subuser,
      region: "us",
      state: "ca",
      session_id,
      sesstime: 30,
    });
    const de = await proxy(client, "residential", { subuser, region: "de", session_id, sesstime: 30 });
    const otherSubuser = await proxy(client, "residential", {
      subuser: newSubuser(),
      region: "us",
      session_id,
      sesstime: 30,
    });
    const otherSesstime = await proxy(client, "residential", {
      subuser,
      region: "us",
      session_id,
      sesstime: 31,
    });
    expect(new Set(ids([us, usCa, de, otherSubuser, otherSesstime])).size).toBe(5);
    expect(ids(await listAll(client, "residential", { session_id }))).toHaveLength(5);
  });

  test("a session expires at started_at + sesstime", async () => {
    for (const sesstime of [1, 30, 1440]) {
      const session = await proxy(client, "mobile", {
        subuser: newSubuser(),
        region: "gb",
        session_id: newSessionName(),
        sesstime,
      });
      expect(Date.parse(session.expires_at) - Date.parse(session.started_at)).toBe(sesstime * 60_000);
      expect(session.status).toBe("active");
      expect(session.terminated_at).toBeNull();
    }
  });

  test("an upstream reassignment moves the session to a new exit IP and marks it repinned", async () => {
    const parts = { subuser: newSubuser(), region: "us", session_id: newSessionName(), sesstime: 30 };
    // a reassignment asked for on the report that starts the session is ignored
    const started = await proxy(client, "residential", parts, { reassignExitIp: true, expect: 201 });
    expect(started.repinned).toBe(false);
    const repinned = await proxy(client, "residential", parts, { reassignExitIp: true, expect: 200 });
    expect(repinned.id).toBe(started.id);
    expect(repinned.repinned).toBe(true);
    expect(repinned.exit_ip).not.toBe(started.exit_ip);
    const { body } = await client.call<SessionDetail>("getSession", {
      path: { product: "residential", id: started.id },
      expect: 200,
    });
    expect(body).toMatchObject({ repinned: true, exit_ip: repinned.exit_ip });
    expect(ids(await listAll(client, "residential", { subuser: parts.subuser, repinned: true }))).toEqual([
      started.id,
    ]);
  });

  test("the same username after terminate starts a new session with a different exit IP", async () => {
    const parts = { subuser: newSubuser(), region: "us", session_id: newSessionName(), sesstime: 30 };
    const first = await proxy(client, "residential", parts, { expect: 201 });
    const terminated = await client.call<SessionDetail>("terminateSession", {
      path: { product: "residential", id: first.id },
      expect: 200,
    });
    expect(terminated.body).toMatchObject({
      id: first.id,
      status: "terminated",
      terminated_at: expect.any(String),
    });
    const again = await client.call<SessionDetail>("terminateSession", {
      path: { product: "residential", id: first.id },
      expect: 200,
    });
    expect(again.body.terminated_at).toBe(terminated.body.terminated_at);
    const second = await proxy(client, "residential", parts, { expect: 201 });
    expect(second.id).not.toBe(first.id);
    expect(second.exit_ip).not.toBe(first.exit_ip);
    expect(second.status).toBe("active");
  });

  test("an unknown id, or a session asked for under the other product, is 404 session_not_found", async () => {
    const session = await proxy(client, "residential", {
      subuser: newSubuser(),
      region: "us",
      session_id: "x",
      sesstime: 30,
    });
    for (const [operationId, product, id] of [
      ["getSession", "residential", "ses_0000000000ZZ"],
      ["terminateSession", "residential", "ses_0000000000ZZ"],
      ["getSession", "mobile", session.id],
      ["terminateSession", "mobile", session.id],
      // an id of another shape names no session either: not found, not malformed
      ["getSession", "residential", "job1"],
      ["terminateSession", "residential", "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"],
      ["getSession", "residential", "x".repeat(128)],
    ] as const) {
      const { body } = await client.call(operationId, { path: { product, id }, expect: 404 });
      expect(errorCodeOf(body)).toBe("session_not_found");
    }
  });

  test.each(["isp", "datacenter"])(
    "the %s product has no sessions: 404 product_has_no_sessions",
    async (product) => {
      for (const operationId of ["getSession", "terminateSession"]) {
        const { body } = await client.call(operationId, {
          path: { product, id: "ses_01HX2K3PQ4M5" },
          expect: 404,
        });
        expect(errorCodeOf(body)).toBe("product_has_no_sessions");
      }
      const { body } = await client.call("reportTraffic", {
        path: { product },
        body: {
          username: "user-sub_01HX2K3PQ4M5-region-us-session-job1-sesstime-30",
          requests: [proxiedRequest],
        },
        expect: 404,
      });
      expect(errorCodeOf(body)).toBe("product_has_no_sessions");
    },
  );
});

describe("scopes and accounts", target.requires("sandbox"), () => {
  test(
    "a narrow key gets 403 subuser_scope_mismatch outside its product or sub-user",
    target.requires("narrowKey", "otherAccountKey"),
    async () => {
      const outsider = newSubuser();
      const residential = await proxy(client, "residential", {
        subuser: outsider,
        region: "us",
        session_id: "s",
        sesstime: 30,
      });
      const inScope = await proxy(client, "residential", {
        subuser: "sub_01HX2K3PQ4M5",
        region: "us",
        session_id: newSessionName(),
        sesstime: 30,
      });
      const attempts = [
        async () =>
          (
            await narrow.call("getSession", {
              path: { product: "residential", id: residential.id },
              expect: 403,
            })
          ).body,
        async () =>
          (
            await narrow.call("terminateSession", {
              path: { product: "residential", id: residential.id },
              expect: 403,
            })
          ).body,
        async () =>
          (await narrow.call("listResidentialSessions", { query: { subuser: outsider }, expect: 403 })).body,
        async () => (await narrow.call("listMobileSessions", { expect: 403 })).body,
        () =>
          proxy(
            narrow,
            "residential",
            { subuser: outsider, region: "us", session_id: "t", sesstime: 30 },
            { expect: 403 },
          ),
        () =>
          proxy(
            narrow,
            "mobile",
            { subuser: "sub_01HX2K3PQ4M5", region: "us", session_id: "t", sesstime: 30 },
            { expect: 403 },
          ),
      ];
      for (const attempt of attempts) expect(errorCodeOf(await attempt())).toBe("subuser_scope_mismatch");
      // its own sub-user's session on a product outside its scope is still out of scope
      const mobile = await proxy(client, "mobile", {
        subuser: "sub_01HX2K3PQ4M5",
        region: "us",
        session_id: newSessionName(),
        sesstime: 30,
      });
      const { body: mobileRead } = await narrow.call("getSession", {
        path: { product: "mobile", id: mobile.id },
        expect: 403,
      });
      expect(errorCodeOf(mobileRead)).toBe("subuser_scope_mismatch");
      // another account's session is invisible to it, not forbidden
      const theirs = await proxy(other, "residential", {
        subuser: newSubuser(),
        region: "us",
        session_id: "n",
        sesstime: 30,
      });
      const { body: invisible } = await narrow.call("getSession", {
        path: { product: "residential", id: theirs.id },
        expect: 404,
      });
      expect(errorCodeOf(invisible)).toBe("session_not_found");
      // within its scope the narrow key reads normally, and its lists hold only its own sub-user
      await narrow.call("getSession", { path: { product: "residential", id: inScope.id }, expect: 200 });
      const listed = await listAll(narrow, "residential", {});
      expect(ids(listed)).toContain(inScope.id);
      expect(listed.every((session) => session.subuser === "sub_01HX2K3PQ4M5")).toBe(true);
    },
  );

  test(
    "another account's sessions are invisible: 404 by id, absent from lists",
    target.requires("otherAccountKey"),
    async () => {
      const theirs = newSubuser();
      const session = await proxy(other, "mobile", {
        subuser: theirs,
        region: "fr",
        session_id: "mine",
        sesstime: 30,
      });
      for (const operationId of ["getSession", "terminateSession"]) {
        const { body } = await client.call(operationId, {
          path: { product: "mobile", id: session.id },
          expect: 404,
        });
        expect(errorCodeOf(body)).toBe("session_not_found");
      }
      expect(await listAll(client, "mobile", { subuser: theirs })).toEqual([]);
      expect(ids(await listAll(client, "mobile", { status: "all" }))).not.toContain(session.id);
      // sub-user ids are per account: the same id in ours is another sub-user, with a session of its own
      const { body: ours } = await client.call<SessionDetail>("reportTraffic", {
        path: { product: "mobile" },
        body: {
          username: `user-${theirs}-region-fr-session-mine-sesstime-30`,
          requests: [proxiedRequest],
        },
        expect: 201,
      });
      expect(ours.id).not.toBe(session.id);
      expect(ids(await listAll(client, "mobile", { subuser: theirs }))).toEqual([ours.id]);
      // and the owner still sees theirs untouched
      const { body } = await other.call<SessionDetail>("getSession", {
        path: { product: "mobile", id: session.id },
        expect: 200,
      });
      expect(body).toMatchObject({ status: "active", requests: session.requests });
    },
  );
});
