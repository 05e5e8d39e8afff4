import { describe, expect, test } from "vitest";
import { formatUsername, parseUsername, safeParseUsername, UsernameError } from "./username.js";

describe("parseUsername", () => {
  test("reads every segment of a fully targeted username", () => {
    expect(
      parseUsername("user-sub_01HX2K3PQ4M5-region-us-state-ca-city-la-asn-7922-session-job1-sesstime-30"),
    ).toEqual({
      subuser: "sub_01HX2K3PQ4M5",
      region: "us",
      state: "ca",
      city: "la",
      asn: 7922,
      session_id: "job1",
      sesstime: 30,
    });
  });

  test("leaves optional targeting null when the username omits it", () => {
    expect(parseUsername("user-sub_acme-region-de-session-crawl_7-sesstime-120")).toMatchObject({
      state: null,
      city: null,
      asn: null,
    });
  });

  test.each([
    ["username_too_long", `user-sub_acme-region-us-session-${"a".repeat(240)}-sesstime-30`],
    ["missing_user_prefix", "sub_acme-region-us-session-job1-sesstime-30"],
    ["missing_user_prefix", "customer-sub_acme-region-us-session-job1-sesstime-30"],
    ["invalid_subuser", "user-acme-region-us-session-job1-sesstime-30"],
    ["unknown_segment", "user-sub_acme-country-us-session-job1-sesstime-30"],
    ["duplicate_segment", "user-sub_acme-region-us-region-de-session-job1-sesstime-30"],
    ["segment_out_of_order", "user-sub_acme-region-us-session-job1-city-la-sesstime-30"],
    ["missing_segment", "user-sub_acme-region-us-session-job1"],
    ["missing_segment", "user-sub_acme-session-job1-sesstime-30"],
    ["invalid_region", "user-sub_acme-region-USA-session-job1-sesstime-30"],
    ["invalid_state", "user-sub_acme-region-us-state-cali-session-job1-sesstime-30"],
    ["invalid_city", "user-sub_acme-region-us-city-Los_Angeles-session-job1-sesstime-30"],
    ["invalid_asn", "user-sub_acme-region-us-asn-0-session-job1-sesstime-30"],
    ["invalid_asn", "user-sub_acme-region-us-asn-4294967296-session-job1-sesstime-30"],
    ["invalid_session_id", "user-sub_acme-region-us-session-job.1-sesstime-30"],
    ["invalid_session_id", `user-sub_acme-region-us-session-${"a".repeat(65)}-sesstime-30`],
    ["invalid_session_id", "user-sub_acme-region-us-session--sesstime-30"],
    ["invalid_sesstime", "user-sub_acme-region-us-session-job1-sesstime-30m"],
    ["invalid_sesstime", "user-sub_acme-region-us-session-job1-sesstime-030"],
    ["invalid_sesstime", "user-sub_acme-region-us-session-job1-sesstime"],
    ["sesstime_out_of_range", "user-sub_acme-region-us-session-job1-sesstime-0"],
    ["sesstime_out_of_range", "user-sub_acme-region-us-session-job1-sesstime-1441"],
  ])("rejects with %s: %s", (code, username) => {
    expect(() => parseUsername(username)).toThrowError(
      expect.objectContaining({ name: "UsernameError", code }),
    );
  });

  test("accepts the bounds of sesstime", () => {
    expect(parseUsername("user-sub_acme-region-us-session-a-sesstime-1").sesstime).toBe(1);
    expect(parseUsername("user-sub_acme-region-us-session-a-sesstime-1440").sesstime).toBe(1440);
  });

  test("explains the rule in the message", () => {
    expect(() => parseUsername("user-sub_acme-region-us-session-job1-sesstime-2000")).toThrowError(
      "sesstime must be from 1 to 1440 minutes; got 2000.",
    );
  });
});

describe("safeParseUsername", () => {
  test("returns the error instead of throwing", () => {
    const result = safeParseUsername("user-sub_acme-region-us");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeInstanceOf(UsernameError);
  });
});

describe("formatUsername", () => {
  test("writes segments in the grammar's order and skips absent targeting", () => {
    expect(
      formatUsername({
        subuser: "sub_01HX2K3PQ4M5",
        region: "de",
        asn: 3320,
        session_id: "crawl_7",
        sesstime: 120,
      }),
    ).toBe("user-sub_01HX2K3PQ4M5-region-de-asn-3320-session-crawl_7-sesstime-120");
  });

  test("round-trips through parseUsername", () => {
    const parts = {
      subuser: "sub_acme",
      region: "us",
      state: "ca",
      city: "la",
      asn: 7922,
      session_id: "j",
      sesstime: 5,
    };
    expect(parseUsername(formatUsername(parts))).toEqual(parts);
  });

  test("rejects a part that breaks its rule", () => {
    expect(() =>
      formatUsername({ subuser: "sub_acme", region: "us", session_id: "a-b", sesstime: 30 }),
    ).toThrowError(expect.objectContaining({ code: "invalid_session_id" }));
  });
});
