import { describe, expect, test } from "vitest";
import { demoKeyConfigs } from "./api-keys.js";
import { Authenticator } from "./auth.js";
import { ApiError } from "./errors.js";

const guesser = "203.0.113.7";
const bystander = "198.51.100.9";

function refusal(attempt: () => unknown): { status: number; code: string; retryAfter?: string } {
  try {
    attempt();
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
  test("a client past its budget of unknown keys gets 429 with Retry-After for whatever key it sends", () => {
    const { auth } = authenticator(3);
    for (let i = 0; i < 3; i++) {
      expect(refusal(() => auth.authenticate(`Bearer sk_guess_${i}`, guesser))).toEqual({
        status: 401,
        code: "unauthorized",
      });
    }
    expect(refusal(() => auth.authenticate("Bearer sk_guess_3", guesser))).toEqual({
      status: 429,
      code: "rate_limited",
      retryAfter: "20",
    });
    // a guess that hits is not told apart from one that misses
    expect(refusal(() => auth.authenticate("Bearer sk_demo_full", guesser))).toMatchObject({ status: 429 });
  });

  test("another client's keys keep working while one client is refused", () => {
    const { auth } = authenticator(3);
    for (let i = 0; i < 5; i++) refusal(() => auth.authenticate(`Bearer sk_guess_${i}`, guesser));
    expect(auth.authenticate("Bearer sk_demo_full", bystander).key).toBe("sk_demo_full");
    expect(refusal(() => auth.authenticate("Bearer sk_guess_x", bystander))).toMatchObject({ status: 401 });
  });

  test("the budget refills with time: one unknown key per 60/budget seconds", () => {
    const { time, auth } = authenticator(3);
    for (let i = 0; i < 3; i++) refusal(() => auth.authenticate(`Bearer sk_guess_${i}`, guesser));
    time.now += 19_999;
    expect(refusal(() => auth.authenticate("Bearer sk_demo_full", guesser))).toEqual({
      status: 429,
      code: "rate_limited",
      retryAfter: "1",
    });
    time.now += 1;
    expect(auth.authenticate("Bearer sk_demo_full", guesser).key).toBe("sk_demo_full");
    expect(refusal(() => auth.authenticate("Bearer sk_guess_4", guesser))).toMatchObject({ status: 401 });
    expect(refusal(() => auth.authenticate("Bearer sk_demo_full", guesser))).toMatchObject({ status: 429 });
  });

  test.each([
    ["no header", undefined],
    ["an empty header", " "],
    ["another scheme", "Basic c2tfZGVtbzp4"],
    ["two keys in one header", "Bearer sk_a_12345678, Bearer sk_b_12345678"],
  ])("%s is 401 but no guess: it spends nothing of the client's budget", (_, header) => {
    const { auth } = authenticator(1);
    for (let i = 0; i < 5; i++) expect(refusal(() => auth.authenticate(header, guesser)).status).toBe(401);
    expect(auth.authenticate("Bearer sk_demo_full", guesser).key).toBe("sk_demo_full");
  });

  test("a budget of 0 never refuses a client", () => {
    const { auth } = authenticator(0);
    for (let i = 0; i < 100; i++) refusal(() => auth.authenticate(`Bearer sk_guess_${i}`, guesser));
    expect(auth.authenticate("Bearer sk_demo_full", guesser).key).toBe("sk_demo_full");
  });

  test("past its own budget a key gets 429, as before", () => {
    const { auth } = authenticator();
    for (let i = 0; i < 5; i++) auth.authenticate("Bearer sk_demo_limited", bystander);
    expect(refusal(() => auth.authenticate("Bearer sk_demo_limited", bystander))).toEqual({
      status: 429,
      code: "rate_limited",
      retryAfter: "12",
    });
  });
});
