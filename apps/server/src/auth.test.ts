import { describe, expect, test } from "vitest";
import { demoKeyConfigs } from "./api-keys.js";
import { Authenticator } from "./auth.js";
import { ApiError } from "./errors.js";

const guesser = "203.0.113.7";
const bystander = "198.51.100.9";

async function refusal(
  attempt: () => Promise<unknown>,
): Promise<{ status: number; code: string; retryAfter?: string }> {
  try {
    await attempt();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const retryAfter = error.details.headers?.["Retry-After"];
    return { status: error.status, code: error.code, ...(retryAfter === undefined ? {} : { retryAfter }) };
  }
  throw new Error("accepted");
}

function authenticator(failedAuthPerMinute = 3) {
  const time = { now: 0 };
  return { time, auth: new Authenticator(demoKeyConfigs(), { nowMs: () => time.now, failedAuthPerMinute }) };
}

describe("Authenticator", () => {
  test("a client past its budget of unknown keys gets 429 with Retry-After for whatever key it sends", async () => {
    const { auth } = authenticator(3);
    for (let i = 0; i < 3; i++) {
      expect(await refusal(() => auth.authenticate(`Bearer sk_guess_${i}`, guesser))).toEqual({
        status: 401,
        code: "unauthorized",
      });
    }
    expect(await refusal(() => auth.authenticate("Bearer sk_guess_3", guesser))).toEqual({
      status: 429,
      code: "rate_limited",
      retryAfter: "20",
    });
    // a guess that hits is not told apart from one that misses
    expect(await refusal(() => auth.authenticate("Bearer sk_demo_full", guesser))).toMatchObject({
      status: 429,
    });
  });

  test("another client's keys keep working while one client is refused", async () => {
    const { auth } = authenticator(3);
    for (let i = 0; i < 5; i++) await refusal(() => auth.authenticate(`Bearer sk_guess_${i}`, guesser));
    expect((await auth.authenticate("Bearer sk_demo_full", bystander)).key.key).toBe("sk_demo_full");
    expect(await refusal(() => auth.authenticate("Bearer sk_guess_x", bystander))).toMatchObject({
      status: 401,
    });
  });

  test("the budget refills with time: one unknown key per 60/budget seconds", async () => {
    const { time, auth } = authenticator(3);
    for (let i = 0; i < 3; i++) await refusal(() => auth.authenticate(`Bearer sk_guess_${i}`, guesser));
    time.now += 19_999;
    expect(await refusal(() => auth.authenticate("Bearer sk_demo_full", guesser))).toEqual({
      status: 429,
      code: "rate_limited",
      retryAfter: "1",
    });
    time.now += 1;
    expect((await auth.authenticate("Bearer sk_demo_full", guesser)).key.key).toBe("sk_demo_full");
    expect(await refusal(() => auth.authenticate("Bearer sk_guess_4", guesser))).toMatchObject({
      status: 401,
    });
    expect(await refusal(() => auth.authenticate("Bearer sk_demo_full", guesser))).toMatchObject({
      status: 429,
    });
  });

  test.each([
    ["no header", undefined],
    ["an empty header", " "],
    ["another scheme", "Basic c2tfZGVtbzp4"],
    ["two keys in one header", "Bearer sk_a_12345678, Bearer sk_b_12345678"],
  ])("%s is 401 but no guess: it spends nothing of the client's budget", async (_, header) => {
    const { auth } = authenticator(1);
    for (let i = 0; i < 5; i++)
      expect((await refusal(() => auth.authenticate(header, guesser))).status).toBe(401);
    expect((await auth.authenticate("Bearer sk_demo_full", guesser)).key.key).toBe("sk_demo_full");
  });

  test("a budget of 0 never refuses a client", async () => {
    const { auth } = authenticator(0);
    for (let i = 0; i < 100; i++) await refusal(() => auth.authenticate(`Bearer sk_guess_${i}`, guesser));
    expect((await auth.authenticate("Bearer sk_demo_full", guesser)).key.key).toBe("sk_demo_full");
  });

  test("past its own budget a key gets 429, as before", async () => {
    const { auth } = authenticator();
    for (let i = 0; i < 5; i++) await auth.authenticate("Bearer sk_demo_limited", bystander);
    expect(await refusal(() => auth.authenticate("Bearer sk_demo_limited", bystander))).toEqual({
      status: 429,
      code: "rate_limited",
      retryAfter: "12",
    });
  });
});

describe("Authenticator's RateLimit fields", () => {
  test("a key's budget is told after each request, and with its 429", async () => {
    const { time, auth } = authenticator();
    // sk_demo_limited: 5 a minute, one more every 12 s
    const first = await auth.authenticate("Bearer sk_demo_limited", bystander);
    expect(first.budget).toEqual({ limit: 5, remaining: 4, resetSeconds: 12 });
    for (let i = 0; i < 4; i++) await auth.authenticate("Bearer sk_demo_limited", bystander);
    try {
      await auth.authenticate("Bearer sk_demo_limited", bystander);
      expect.unreachable("the sixth request is refused");
    } catch (error) {
      expect((error as ApiError).details.headers).toEqual({
        "Retry-After": "12",
        "RateLimit-Policy": '"default";q=5;w=60',
        RateLimit: '"default";r=0;t=60',
      });
    }
    time.now += 30_000;
    expect((await auth.authenticate("Bearer sk_demo_limited", bystander)).budget).toEqual({
      limit: 5,
      remaining: 1,
      resetSeconds: 42,
    });
  });

  test("an unlimited key has no budget to tell", async () => {
    const keys = demoKeyConfigs().map((config) => ({ ...config, rate_limit_per_minute: 0 }));
    const auth = new Authenticator(keys);
    expect((await auth.authenticate("Bearer sk_demo_limited", bystander)).budget).toBeNull();
  });
});
