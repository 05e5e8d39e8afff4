/**
 * The service around the sessions: liveness, the grammar of proxy usernames as the sandbox enforces it,
 * and the per-key rate limit, which every operation answers with 429, Retry-After and its family's body.
 */
import type { UsernameViolation } from "@sessions-api/openapi";
import { describe, expect, test } from "vitest";
import { validBaseline } from "../src/negative-cases.js";
import { useTarget } from "../src/target-context.js";
import { proxiedRequest } from "./support/scenario.js";

const target = useTarget();
const client = target.client();

describe("the service", target.requires("state"), () => {
  test("answers GET /healthz without a key", async () => {
    const { body } = await client.call("getHealth", { apiKey: null, expect: 200 });
    expect(body.status).toBe("ok");
    // it takes no key, so an unknown one is no reason to refuse it
    await client.call("getHealth", { apiKey: "sk_unknown_key", expect: 200 });
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
  },
);

describe("rate limits", target.requires("suiteAccounts"), () => {
  // the suite's exhausted key has a budget of one request a minute: after one, everything is 429
  const limited = target.client(target.keys.exhausted);
  const operations = client.model.operations.filter((operation) => operation.authenticated);

  test("every operation answers a key past its budget with 429, Retry-After and the family's body", async () => {
    await limited.call("getClock");
    for (const operation of operations) {
      const base = validBaseline(operation);
      const { body, headers } = await limited.call(operation.operationId, {
        path: base.path,
        body: base.body,
        expect: 429,
      });
      expect(Number(headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
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
