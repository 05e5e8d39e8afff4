import { describe, expect, test } from "vitest";
import { clientOf, clientOfAddress, UNKNOWN_CLIENT } from "./client-address.js";

describe("clients of failed authentications", () => {
  test.each([
    ["an IPv4 address is its own client", "203.0.113.7", "203.0.113.7"],
    ["an IPv4-mapped IPv6 address is its IPv4 address", "::ffff:203.0.113.7", "203.0.113.7"],
    ["an IPv6 address counts as its /64", "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["compressed IPv6 is expanded first", "2001:db8::1", "2001:db8:0:0::/64"],
    ["the loopback", "::1", "0:0:0:0::/64"],
    ["a zone is ignored", "fe80::1%eth0", "fe80:0:0:0::/64"],
    ["an IPv4 tail does not shift the prefix", "64:ff9b::192.0.2.1", "64:ff9b:0:0::/64"],
    ["no address shares one client", undefined, UNKNOWN_CLIENT],
  ])("%s", (_, address, client) => {
    expect(clientOfAddress(address)).toBe(client);
  });

  test("two addresses of one /64 are one client, of two /64s two", () => {
    expect(clientOfAddress("2001:db8:0:1::a")).toBe(clientOfAddress("2001:db8:0:1:ffff::b"));
    expect(clientOfAddress("2001:db8:0:1::a")).not.toBe(clientOfAddress("2001:db8:0:2::a"));
  });

  test("a request without a socket (in process) is the unknown client; X-Forwarded-For is never read", () => {
    expect(clientOf(undefined)).toBe(UNKNOWN_CLIENT);
    expect(clientOf({})).toBe(UNKNOWN_CLIENT);
  });
});
