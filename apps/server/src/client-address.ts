/**
 * Who a request came from, as the budget of failed authentications counts clients: the socket's remote
 * address (never a header such as X-Forwarded-For, which any client can write), with the addresses of one
 * IPv6 /64 counted as one client (a host is usually given a whole /64 and picks any address in it).
 *
 * @example
 * const client = clientOf(c.env); // "203.0.113.7", "2001:db8:0:1::/64", or "unknown address" in process
 */
import { isIPv6 } from "node:net";
import type { NodeBindings } from "./request-body.js";

/** The client of requests without a socket (`app.request`, `sandbox.fetch`): they share one budget. */
export const UNKNOWN_CLIENT = "unknown address";

// the eight 16-bit groups of an IPv6 address, as numbers (an IPv4 tail is two of them)
function groupsOf(address: string): number[] {
  const [head = "", tail] = (address.split("%")[0] ?? "").split("::");
  const parse = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (!group.includes(".")) return [Number.parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
          return [a * 256 + b, c * 256 + d];
        });
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The client an address counts as.
 *
 * @example
 * clientOfAddress("::ffff:203.0.113.7"); // "203.0.113.7"
 * clientOfAddress("2001:db8::1"); // "2001:db8:0:0::/64"
 */
export function clientOfAddress(address: string | undefined): string {
  if (address === undefined || address === "") return UNKNOWN_CLIENT;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (!isIPv6(address.split("%")[0] ?? "")) return address;
  const prefix = groupsOf(address)
    .slice(0, 4)
    .map((group) => group.toString(16));
  return `${prefix.join(":")}::/64`;
}

/**
 * The client of a request, from what the Node adapter passes along with it.
 *
 * @example
 * await auth.authenticate(c.req.header("authorization"), clientOf(c.env));
 */
export function clientOf(bindings: NodeBindings | undefined): string {
  return clientOfAddress(bindings?.incoming?.socket?.remoteAddress);
}
