/**
 * The service around the sessions: liveness, the grammar of proxy usernames as the sandbox enforces it,
 * and the per-key rate limit, which every operation answers with 429, Retry-After and its family's body.
 */
import type { Clock, SessionDetail, UsernameViolation } from "@sessions-api/openapi";
import { formatUsername } from "@sessions-api/username";
import { describe, expect, test } from "vitest";
import { validBaseline } from "../src/negative-cases.js";
import { useTarget } from "../src/target-context.js";
import { newSessionName, newSubuser, proxiedRequest, proxy } from "./support/scenario.js";

const target = useTarget();
const client = target.client();

describe("the service", target.requires("state"), () => {
  test("answers GET /healthz without a key", async () => {
    const { body } = await client.call("getHealth", { apiKey: null, expect: 200 });
    expect(body.status).toBe("ok");
    // it takes no key, so an unknown one is no reason to refuse it
    await client.call("getHealth", { apiKey: "sk_unknown_key", expect: 200 });
  });

  test("answers GET /readyz without a key while its store is reachable", async () => {
    const { body } = await client.call("getReadiness", { apiKey: null, expect: 200 });
    expect(body.status).toBe("ok");
    await client.call("getReadiness", { apiKey: "sk_unknown_key", expect: 200 });
  });

  test("gives every response its own request id, quoted by error bodies", async () => {
    const first = await client.call("getHealth", { apiKey: null, expect: 200 });
    const second = await client.call("listResidentialSessions", { query: { limit: 1 }, expect: 200 });
    const failed = await client.call("listMobileSessions", { apiKey: "sk_unknown_key", expect: 401 });
    const requestIds = [first.requestId, second.requestId, failed.requestId];
    expect(new Set(requestIds).size).toBe(3);
    expect(failed.body.error.request_id).toBe(failed.requestId);
  });

  test("reads the test clock", target.requires("sandbox"), async () => {
    const { body } = await client.call("getClock", { expect: 200 });
    expect(body.offset_seconds).toBeGreaterThanOrEqual(0);
  });

  test(
    "advancing another account's test clock leaves this account's sessions and clock untouched",
    target.requires("sandbox", "otherAccountKey"),
    async () => {
      const other = target.client(target.keys.other);
      const session = await proxy(client, "residential", {
        subuser: newSubuser(),
        region: "us",
        session_id: newSessionName(),
        sesstime: 5,
      });
      const mine = (await client.call<Clock>("getClock", { expect: 200 })).body;
      const theirs = (await other.call<Clock>("getClock", { expect: 200 })).body;
      const { body: moved } = await other.call<Clock>("advanceClock", {
        body: { seconds: 3_600 },
        expect: 200,
      });
      expect(moved.offset_seconds).toBe(theirs.offset_seconds + 3_600);
      const after = (await client.call<Clock>("getClock", { expect: 200 })).body;
      expect(after.offset_seconds).toBe(mine.offset_seconds);
      // real time went on for a moment at most, not the hour their clock moved
      expect(Date.parse(after.now) - Date.parse(mine.now)).toBeLessThan(3_600_000);
      const { body: read } = await client.call<SessionDetail>("getSession", {
        path: { product: "residential", id: session.id },
        expect: 200,
      });
      expect(read).toMatchObject({ id: session.id, status: "active", expires_at: session.expires_at });
    },
  );
});

describe(
  "proxy usernames that break the grammar get 400 invalid_username naming the rule",
  target.requires("sandbox"),
  () => {
    const broken: [string, UsernameViolation][] = [
      ["sub_01HX2K3PQ4M5-region-us-session-a-sesstime-30", "missing_user_prefix"],
      ["user-sub_01HX2K3PQ4M5-region-us-colour-red-session-a-sesstime-30", "unknown_segment"],
      ["user-sub_01HX2K3PQ4M5-region-us-region-de-session-a-sesstime-30", "duplicate_segment"],
      ["user-sub_01HX2K3PQ4M5-session-a-region-us-sesstime-30", "segment_out_of_order"],
      ["user-sub_01HX2K3PQ4M5-region-us-sesstime-30", "missing_segment"],
      ["user-sub_x-region-us-session-a-sesstime-30", "invalid_subuser"],
      ["user-sub_01HX2K3PQ4M5-region-usa-session-a-sesstime-30", "invalid_region"],
      // the grammar's country is two lower-case letters: an upper-case one is not folded into it
      ["user-sub_01HX2K3PQ4M5-region-US-session-a-sesstime-30", "invalid_region"],
      ["user-sub_01HX2K3PQ4M5-region-us-state-CA-session-a-sesstime-30", "invalid_state"],
      ["user-sub_01HX2K3PQ4M5-region-us-state-cali-session-a-sesstime-30", "invalid_state"],
      ["user-sub_01HX2K3PQ4M5-region-us-city-1la-session-a-sesstime-30", "invalid_city"],
      ["user-sub_01HX2K3PQ4M5-region-us-city-LA-session-a-sesstime-30", "invalid_city"],
      ["user-sub_01HX2K3PQ4M5-region-us-asn-4294967296-session-a-sesstime-30", "invalid_asn"],
      ["user-sub_01HX2K3PQ4M5-region-us-session-a.b-sesstime-30", "invalid_session_id"],
      [`user-sub_01HX2K3PQ4M5-region-us-session-${"a".repeat(65)}-sesstime-30`, "invalid_session_id"],
      ["user-sub_01HX2K3PQ4M5-region-us-session-a-sesstime-0", "sesstime_out_of_range"],
      ["user-sub_01HX2K3PQ4M5-region-us-session-a-sesstime-1441", "sesstime_out_of_range"],
      ["user-sub_01HX2K3PQ4M5-region-us-asn-0-session-a-sesstime-30", "invalid_asn"],
      ["user-sub_01HX2K3PQ4M5-region-us-session-a-sesstime-1.5", "invalid_sesstime"],
      ["user-sub_01HX2K3PQ4M5-region-us-session-a-sesstime-2000", "sesstime_out_of_range"],
      [`user-sub_01HX2K3PQ4M5-region-us-session-${"a".repeat(240)}-sesstime-30`, "username_too_long"],
    ];
    test.each(broken)("%s -> %s", async (username, reason) => {
      const { body } = await client.call("reportTraffic", {
        path: { product: "residential" },
        body: { username, requests: [proxiedRequest] },
        expect: 400,
      });
      expect(body.error).toMatchObject({ code: "invalid_username", param: "username", reason });
    });

    test("a username with an upper-case region touches no session of its lower-case twin", async () => {
      const parts = { subuser: newSubuser(), region: "us", session_id: newSessionName(), sesstime: 30 };
      const session = await proxy(client, "residential", parts, { expect: 201 });
      const upper = formatUsername(parts).replace("-region-us-", "-region-US-");
      const { body } = await client.call("reportTraffic", {
        path: { product: "residential" },
        body: { username: upper, requests: [proxiedRequest] },
        expect: 400,
      });
      expect(body.error).toMatchObject({ code: "invalid_username", reason: "invalid_region" });
      const { body: read } = await client.call<SessionDetail>("getSession", {
        path: { product: "residential", id: session.id },
        expect: 200,
      });
      expect(read.requests).toBe(1);
    });
  },
);

describe("rate limits", target.requires("suiteAccounts"), () => {
  // the suite's exhausted key has a budget of one request a minute: after one, everything is 429
  const limited = target.client(target.keys.exhausted);
  const operations = client.model.operations.filter((operation) => operation.authenticated);

  test("every operation answers a key past its budget with 429, Retry-After and the family's body", async () => {
    const first = await limited.call("getClock");
    // the one request of the budget: none left, full again in a minute
    expect(first.headers.get("ratelimit-policy")).toBe('"default";q=1;w=60');
    expect(first.headers.get("ratelimit")).toMatch(/^"default";r=0;t=(60|59)$/);
    for (const operation of operations) {
      const base = validBaseline(operation);
      const { body, headers } = await limited.call(operation.operationId, {
        path: base.path,
        body: base.body,
        expect: 429,
      });
      expect(Number(headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(headers.get("ratelimit-policy")).toBe('"default";q=1;w=60');
      expect(headers.get("ratelimit")).toMatch(/^"default";r=0;t=\d+$/);
      expect(operation.family === "app" ? body.error_code : body.error.code).toBe(
        operation.family === "app" ? "ERR_RATE_LIMITED" : "rate_limited",
      );
    }
  });

  test("a key's budget is its own: other keys are not limited by it", async () => {
    await limited.call("getClock", { expect: 429 });
    await client.call("getClock", { expect: 200 });
  });
});
