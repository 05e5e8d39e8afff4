import * as serverModule from "@sessions-api/username";
import { describe, expect, test } from "vitest";
import * as clientModule from "../src/username.js";

describe("@sessions-api/client/username", () => {
  test("exports the very module the reference server keys sessions with", () => {
    expect(Object.keys(clientModule).sort()).toEqual(Object.keys(serverModule).sort());
    expect(clientModule.parseUsername).toBe(serverModule.parseUsername);
    expect(clientModule.UsernameError).toBe(serverModule.UsernameError);
  });

  test("formats and parses a username round trip, and names the broken rule otherwise", () => {
    const parts = {
      subuser: "sub_01HX2K3PQ4M5",
      region: "de",
      state: null,
      city: null,
      asn: 3320,
      session_id: "crawl_7",
      sesstime: 120,
    };
    const username = clientModule.formatUsername(parts);
    expect(username).toBe("user-sub_01HX2K3PQ4M5-region-de-asn-3320-session-crawl_7-sesstime-120");
    expect(clientModule.parseUsername(username)).toEqual(parts);
    const result = clientModule.safeParseUsername("user-sub_01HX2K3PQ4M5-region-us-session-a-sesstime-2000");
    expect(result.ok ? null : result.error.code).toBe("sesstime_out_of_range");
  });
});
