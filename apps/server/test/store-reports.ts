// Traffic reports and accounts for the store's unit tests: a fixed clock, fresh accounts, and one proxied
// request per report, as the sandbox's traffic route hands it to the store.
import { parseUsername } from "@sessions-api/username";
import type { SessionStore } from "../src/store/session-store.js";

const t0 = Date.parse("2026-05-28T07:00:00.000Z");
/** The test clock: `seconds` after 2026-05-28T07:00:00Z. */
export const at = (seconds: number) => new Date(t0 + seconds * 1000);
export const iso = (date: Date) => date.toISOString();

let counter = 0;
/** An account no other test writes to. */
export const freshAccount = () => `acct_store_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
/** A proxy username of `subuser` in region us with session `id`. */
export const user = (subuser: string, id: string, sesstime = 30) =>
  `user-${subuser}-region-us-session-${id}-sesstime-${sesstime}`;

/** One proxied request (10 bytes to `host`) for a username. */
export function trafficInput(
  account: string,
  name: string,
  now: Date,
  { host = "www.example.com", reassign = false } = {},
) {
  return {
    account,
    product: "residential" as const,
    username: name,
    parsed: parseUsername(name),
    requests: [
      { method: "GET", target_host: host, target_port: 443, status_code: 200, bytes: 10, duration_ms: 5 },
    ],
    reassignExitIp: reassign,
    now,
  };
}

/** Reports one request of `name`, its sub-user created first as the traffic route does. */
export async function report(
  store: SessionStore,
  account: string,
  name: string,
  now: Date,
  reassign = false,
) {
  await store.ensureSubuser(account, parseUsername(name).subuser, now);
  return store.reportTraffic(trafficInput(account, name, now, { reassign }));
}
