/**
 * A small User-Agent parser for sandbox application sessions: enough to fill the browser and OS fields
 * of the common desktop and mobile browsers. Whatever it cannot tell stays an empty string, as the API
 * documents.
 *
 * @example
 * parseUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/102.0.0.0 Safari/537.36");
 * // { raw: "...", browser_name: "Chrome", browser_version: "102", device_type: "Desktop", os_name: "MacOS", os_version: "10.15.7" }
 */
import type { components } from "@sessions-api/openapi";

type UserAgent = components["schemas"]["UserAgent"];

const browsers: readonly [name: string, pattern: RegExp][] = [
  ["Edge", /Edg(?:e|A|iOS)?\/(\d+)/],
  ["Opera", /(?:OPR|Opera)\/(\d+)/],
  ["Samsung Internet", /SamsungBrowser\/(\d+)/],
  ["Firefox", /(?:Firefox|FxiOS)\/(\d+)/],
  ["Chrome", /(?:Chrome|CriOS)\/(\d+)/],
  ["Safari", /Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//],
  ["curl", /^curl\/(\d+)/],
];

const dotted = (version: string | undefined) => (version ?? "").replaceAll("_", ".");

function operatingSystem(raw: string): [name: string, version: string] {
  let match = /(?:iPhone|CPU) OS (\d+(?:_\d+)*)/.exec(raw);
  if (match !== null) return ["iOS", dotted(match[1])];
  match = /Android (\d+(?:\.\d+)*)/.exec(raw);
  if (match !== null) return ["Android", match[1] ?? ""];
  match = /Mac OS X (\d+(?:[._]\d+)*)/.exec(raw);
  if (match !== null) return ["MacOS", dotted(match[1])];
  match = /Windows NT (\d+\.\d+)/.exec(raw);
  if (match !== null) return ["Windows", match[1] === "10.0" ? "10" : (match[1] ?? "")];
  if (/CrOS/.test(raw)) return ["ChromeOS", ""];
  if (/Linux/.test(raw)) return ["Linux", ""];
  return ["", ""];
}

function deviceType(raw: string): string {
  if (/iPad|Tablet/.test(raw) || (/Android/.test(raw) && !/Mobile/.test(raw))) return "Tablet";
  if (/Mobi|iPhone/.test(raw)) return "Mobile";
  if (/Macintosh|Windows NT|X11|CrOS|Linux/.test(raw)) return "Desktop";
  return "";
}

/**
 * The browser and OS a User-Agent header reveals.
 *
 * @example
 * parseUserAgent("curl/8.5.0").browser_name; // "curl"
 */
export function parseUserAgent(raw: string): UserAgent {
  let browserName = "";
  let browserVersion = "";
  for (const [name, pattern] of browsers) {
    const match = pattern.exec(raw);
    if (match !== null) {
      browserName = name;
      browserVersion = match[1] ?? "";
      break;
    }
  }
  const [osName, osVersion] = operatingSystem(raw);
  return {
    raw,
    browser_name: browserName,
    browser_version: browserVersion,
    device_type: deviceType(raw),
    os_name: osName,
    os_version: osVersion,
  };
}
