import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { mutatedTimestamp, mutatedToken } from "./token-mutation.js";

const sample = <T>(arbitrary: fc.Arbitrary<T>) => fc.sample(arbitrary, { seed: 23, numRuns: 300 });

describe("mutatedTimestamp", () => {
  test("keeps the format and moves a field to an edge of the calendar", () => {
    const values = sample(mutatedTimestamp("2026-05-28T07:00:00.000Z"));
    expect(values).toContain("2026-02-30T07:00:00.000Z");
    expect(values).toContain("2026-05-28T24:00:00.000Z");
    for (const value of values)
      expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000(Z|[+-]\d{2}:\d{2})$/);
  });
});

describe("mutatedToken", () => {
  const cursor = Buffer.from(
    JSON.stringify({ t: "2026-05-28T07:00:00.000Z", i: "ses_01HX2K3PQ4M5", q: "abc" }),
  ).toString("base64url");

  test("changes a base64url JSON token inside, one leaf at a time, and encodes it again", () => {
    const decoded = sample(mutatedToken(cursor))
      .filter((token) => token !== cursor)
      .map((token) => {
        try {
          return JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Record<string, unknown>;
        } catch {
          return undefined;
        }
      });
    expect(decoded).toContainEqual({ t: "2026-02-30T07:00:00.000Z", i: "ses_01HX2K3PQ4M5", q: "abc" });
    expect(decoded.filter((value) => value !== undefined && value.q === "abc").length).toBeGreaterThan(100);
  });

  test("changes any other token as a string", () => {
    for (const token of sample(mutatedToken("not-json"))) expect(token).not.toBe("not-json");
  });
});
