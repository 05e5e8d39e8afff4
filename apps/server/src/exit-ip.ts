/**
 * Exit IPs and networks of simulated gateway sessions. Addresses come from the documentation ranges
 * (RFC 5737 and RFC 3849), so nothing the sandbox prints is anybody's real address.
 *
 * @example
 * pickExitIp({ previous: "198.51.100.42" }); // e.g. "203.0.113.7", never "198.51.100.42"
 */
import { randomInt } from "node:crypto";

const ipv4Blocks = ["198.51.100", "203.0.113"] as const;

function randomIpv4(): string {
  return `${ipv4Blocks[randomInt(ipv4Blocks.length)]}.${randomInt(1, 255)}`;
}

function randomIpv6(): string {
  const group = () => randomInt(0x10000).toString(16);
  return `2001:db8:${group()}:${group()}::${group()}:${group()}`;
}

export interface PickExitIpOptions {
  /** The address the session (or the previous session of the same username) had: never picked again. */
  previous?: string | null;
  /** Share of IPv6 addresses, from 0 to 1. */
  ipv6Share?: number;
}

/**
 * A random exit IP different from `previous`.
 *
 * @example
 * pickExitIp({ previous: "2001:db8:85a3::8a2e:370:7334", ipv6Share: 1 });
 */
export function pickExitIp(options: PickExitIpOptions = {}): string {
  const share = options.ipv6Share ?? 0.2;
  for (;;) {
    const ip = randomInt(1000) < share * 1000 ? randomIpv6() : randomIpv4();
    if (ip !== options.previous) return ip;
  }
}

// a plausible network per country; unknown countries get a documentation ASN (RFC 5398)
const asnsByRegion: Record<string, readonly number[]> = {
  us: [7922, 7018, 20115, 22773],
  ca: [812, 577],
  gb: [2856, 5089],
  de: [3320, 3209, 6805],
  fr: [3215, 12322],
  nl: [1136, 33915],
  es: [3352, 12479],
  it: [3269, 30722],
  br: [28573, 26599],
  in: [55836, 24560],
  jp: [2516, 4713],
  au: [1221, 4804],
};

/**
 * The autonomous system of a new exit IP in a country.
 *
 * @example
 * pickAsn("de"); // 3320, 3209 or 6805
 */
export function pickAsn(region: string): number {
  const choices = asnsByRegion[region];
  if (choices === undefined) return 64496 + randomInt(16);
  return choices[randomInt(choices.length)] ?? 64496;
}
