import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type SessionsServer, startSessionsServer } from "../src/index.js";
import { RateLimiter } from "../src/rate-limiter.js";
import {
  createTestApp,
  DEMO_KEYS,
  expectAppError,
  expectGatewayError,
  START_TIME,
  type TestApp,
} from "./helpers.js";

describe("RateLimiter", () => {
  const allowed = { allowed: true };
  test("allows the budget, then refuses with the seconds until the next token", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 5; i++) expect(limiter.take("k", 5)).toMatchObject(allowed);
    expect(limiter.take("k", 5)).toMatchObject({ allowed: false, retryAfterSeconds: 12 });
    now += 6000;
    expect(limiter.take("k", 5)).toMatchObject({ allowed: false, retryAfterSeconds: 6 });
    now += 6000;
    expect(limiter.take("k", 5)).toMatchObject(allowed);
  });

  test("tells what is left after each request and when the budget is full again", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    expect(limiter.take("k", 5).budget).toEqual({ limit: 5, remaining: 4, resetSeconds: 12 });
    expect(limiter.take("k", 5).budget).toEqual({ limit: 5, remaining: 3, resetSeconds: 24 });
    now += 6000;
    // 3.5 tokens, one spent: 2 whole ones left, full in 2.5 * 12 s
    expect(limiter.take("k", 5).budget).toEqual({ limit: 5, remaining: 2, resetSeconds: 30 });
    expect(limiter.take("u", 0)).toEqual({ allowed: true, budget: null });
  });

  test("keeps one budget per key, and 0 means unlimited", () => {
    const limiter = new RateLimiter(() => 0);
    expect(limiter.take("a", 1)).toMatchObject(allowed);
    expect(limiter.take("b", 1)).toMatchObject(allowed);
    expect(limiter.take("a", 1).allowed).toBe(false);
    for (let i = 0; i < 1000; i++) expect(limiter.take("c", 0).allowed).toBe(true);
  });

  test("peeks at a budget without spending it", () => {
    const limiter = new RateLimiter(() => 0);
    expect(limiter.peek("a", 1)).toMatchObject(allowed);
    expect(limiter.take("a", 1)).toMatchObject(allowed);
    expect(limiter.peek("a", 1)).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.peek("a", 1)).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
  });

  test("holds a bounded number of buckets, so clients cannot grow it for ever: full ones go first", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now, 4);
    limiter.take("spent", 1);
    for (const key of ["a", "b", "c"]) limiter.take(key, 1000);
    now += 1000;
    // a, b and c have refilled (as good as new); "spent" has not, and is kept
    limiter.take("new", 1);
    expect(limiter.take("spent", 1).allowed).toBe(false);
  });

  test("past the bound with no full bucket, the oldest are forgotten (which only ever allows more)", () => {
    const limiter = new RateLimiter(() => 0, 4);
    for (const key of ["k1", "k2", "k3", "k4", "k5"]) limiter.take(key, 1);
    expect(limiter.take("k1", 1).allowed).toBe(true);
    expect(limiter.take("k5", 1).allowed).toBe(false);
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

describe("RateLimit header fields (draft-ietf-httpapi-ratelimit-headers)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  test("every answer to a known key tells its budget: successes, errors after the key was read, and the 429", async () => {
    const policy = '"default";q=5;w=60';
    const fields = (answer: { headers: Headers }) => [
      answer.headers.get("ratelimit-policy"),
      answer.headers.get("ratelimit"),
    ];
    // sk_demo_limited: 5 a minute, one more each 12 s; the app's real time stands still here
    expect(fields(await app.call("GET", "/v1/residential/sessions", { key: DEMO_KEYS.limited }))).toEqual([
      policy,
      '"default";r=4;t=12',
    ]);
    const notFound = await app.call("GET", "/v1/residential/sessions/ses_0000000000ZZ", {
      key: DEMO_KEYS.limited,
    });
    expectGatewayError(notFound, 404, "session_not_found");
    expect(fields(notFound)).toEqual([policy, '"default";r=3;t=24']);
    const badQuery = await app.call("GET", "/app/sessions?limit=0", { key: DEMO_KEYS.limited });
    expectAppError(badQuery, 400, "ERR_INVALID_PARAMETER");
    expect(fields(badQuery)).toEqual([policy, '"default";r=2;t=36']);
    const unknownProduct = await app.call("GET", "/v1/isp/sessions", { key: DEMO_KEYS.limited });
    expect(fields(unknownProduct)).toEqual([policy, '"default";r=1;t=48']);
    expect(
      fields(
        await app.call("DELETE", "/app/sessions/as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE", { key: DEMO_KEYS.limited }),
      ),
    ).toEqual([policy, '"default";r=0;t=60']);
    const refused = await app.call("GET", "/sandbox/clock", { key: DEMO_KEYS.limited });
    expectGatewayError(refused, 429, "rate_limited");
    expect(refused.headers.get("retry-after")).toBe("12");
    expect(fields(refused)).toEqual([policy, '"default";r=0;t=60']);
    app.time.now += 12_000;
    expect(fields(await app.call("GET", "/sandbox/clock", { key: DEMO_KEYS.limited }))).toEqual([
      policy,
      '"default";r=0;t=60',
    ]);
  });

  test("no key, an unknown key, or an operation without one: no budget to tell", async () => {
    for (const answer of [
      await app.call("GET", "/v1/residential/sessions", { key: null }),
      await app.call("GET", "/v1/residential/sessions", { key: "sk_unknown_1234" }),
      await app.call("GET", "/healthz", { key: null }),
    ]) {
      expect(answer.headers.get("ratelimit")).toBeNull();
      expect(answer.headers.get("ratelimit-policy")).toBeNull();
    }
  });
});

describe("throttling of unknown API keys per client address", () => {
  test("in process, where there is no address, callers share one budget: past it 429 in each family's body", async () => {
    const app = await createTestApp({ failedAuthPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) {
        expectGatewayError(
          await app.call("GET", "/v1/residential/sessions", { key: `sk_guess_${i}` }),
          401,
          "unauthorized",
        );
      }
      const gateway = await app.call("GET", "/v1/residential/sessions", { key: "sk_guess_3" });
      expectGatewayError(gateway, 429, "rate_limited");
      expect(gateway.headers.get("retry-after")).toBe("20");
      const application = await app.call("GET", "/app/sessions", { key: "sk_guess_4" });
      expectAppError(application, 429, "ERR_RATE_LIMITED");
      expect(application.headers.get("retry-after")).toBe("20");
      // whatever key comes from there: a right guess must look like a wrong one
      expectGatewayError(await app.call("GET", "/sandbox/clock"), 429, "rate_limited");
      // the budget refills with the server's real time (the app's `now`)
      app.time.now += 20_000;
      expect((await app.call("GET", "/sandbox/clock")).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  describe("over HTTP, per socket address", () => {
    const time = { now: START_TIME };
    let server: SessionsServer;
    beforeAll(async () => {
      server = await startSessionsServer({
        port: 0,
        now: () => time.now,
        purgeIntervalMs: 0,
        failedAuthPerMinute: 2,
      });
    });
    afterAll(() => server.close());

    // a request from a chosen loopback address (all of 127.0.0.0/8 reaches the server's 127.0.0.1)
    const get = (from: string, key: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
        const url = new URL("/sandbox/clock", server.url);
        const req = request(
          url,
          {
            localAddress: from,
            headers: { authorization: `Bearer ${key}`, connection: "close", ...headers },
          },
          (res) => {
            res.resume();
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                retryAfter: res.headers["retry-after"] as string | undefined,
              }),
            );
          },
        );
        req.on("error", reject);
        req.end();
      });

    test("a guessing address is refused; valid keys from other addresses are not; X-Forwarded-For changes nothing", async () => {
      expect((await get("127.0.0.2", "sk_guess_1")).status).toBe(401);
      // a header claiming another client is not believed
      expect((await get("127.0.0.2", "sk_guess_2", { "x-forwarded-for": "198.51.100.1" })).status).toBe(401);
      expect(await get("127.0.0.2", "sk_guess_3", { "x-forwarded-for": "198.51.100.2" })).toEqual({
        status: 429,
        retryAfter: "30",
      });
      expect((await get("127.0.0.2", DEMO_KEYS.full)).status).toBe(429);
      expect((await get("127.0.0.3", DEMO_KEYS.full)).status).toBe(200);
      expect((await get("127.0.0.3", "sk_guess_4")).status).toBe(401);
    });
  });
});
