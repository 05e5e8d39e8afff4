import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RateLimiter } from "../src/rate-limiter.js";
import { createTestApp, DEMO_KEYS, expectAppError, expectGatewayError, type TestApp } from "./helpers.js";

describe("RateLimiter", () => {
  test("allows the budget, then refuses with the seconds until the next token", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 5; i++) expect(limiter.take("k", 5)).toEqual({ allowed: true });
    expect(limiter.take("k", 5)).toEqual({ allowed: false, retryAfterSeconds: 12 });
    now += 6000;
    expect(limiter.take("k", 5)).toEqual({ allowed: false, retryAfterSeconds: 6 });
    now += 6000;
    expect(limiter.take("k", 5)).toEqual({ allowed: true });
  });

  test("keeps one budget per key, and 0 means unlimited", () => {
    const limiter = new RateLimiter(() => 0);
    expect(limiter.take("a", 1)).toEqual({ allowed: true });
    expect(limiter.take("b", 1)).toEqual({ allowed: true });
    expect(limiter.take("a", 1).allowed).toBe(false);
    for (let i = 0; i < 1000; i++) expect(limiter.take("c", 0).allowed).toBe(true);
  });
});

describe("rate limiting of API keys", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  test("past its budget a key gets 429 with Retry-After in each family's body; other keys are unaffected", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await app.call("GET", "/v1/residential/sessions", { key: DEMO_KEYS.limited })).status).toBe(
        200,
      );
    }
    const gateway = await app.call("GET", "/v1/residential/sessions", { key: DEMO_KEYS.limited });
    expectGatewayError(gateway, 429, "rate_limited");
    expect(Number(gateway.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const application = await app.call("GET", "/app/sessions", { key: DEMO_KEYS.limited });
    expectAppError(application, 429, "ERR_RATE_LIMITED");
    expect(Number(application.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await app.call("GET", "/v1/residential/sessions", { key: DEMO_KEYS.full })).status).toBe(200);
  });
});
