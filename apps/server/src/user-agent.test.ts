import { describe, expect, test } from "vitest";
import { parseUserAgent } from "./user-agent.js";

describe("parseUserAgent", () => {
  test.each([
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/102.0.0.0 Safari/537.36",
      ["Chrome", "102", "Desktop", "MacOS", "10.15.7"],
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.2535.51",
      ["Edge", "125", "Desktop", "Windows", "10"],
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ["Safari", "17", "Mobile", "iOS", "17.5"],
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36",
      ["Chrome", "125", "Mobile", "Android", "14"],
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
      ["Firefox", "126", "Desktop", "Linux", ""],
    ],
    ["curl/8.5.0", ["curl", "8", "", "", ""]],
    ["", ["", "", "", "", ""]],
  ])("reads %s", (raw, [browser_name, browser_version, device_type, os_name, os_version]) => {
    expect(parseUserAgent(raw)).toEqual({
      raw,
      browser_name,
      browser_version,
      device_type,
      os_name,
      os_version,
    });
  });
});
