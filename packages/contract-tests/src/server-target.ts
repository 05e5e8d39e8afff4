/**
 * The reference server as a target: `startSessionsServer` from @sessions-api/server on a free loopback
 * port, over a fresh in-memory PGlite store, with the demo keys plus the suite's own accounts.
 *
 * In process rather than spawning `apps/server/dist/main.js`: the store is fresh by construction (the
 * CLI defaults to a data directory on disk and seeds demo data), no build has to precede the run, the
 * suite can configure its own keys, and closing it is a call rather than a signal. The CLI wraps this
 * same function, so the HTTP behaviour under test is the one it serves.
 *
 * @example
 * const server = await startServerTarget();
 * await fetch(`${server.url}/healthz`);
 * await server.close();
 */
import { DEMO_KEYS, demoKeyConfigs, startSessionsServer } from "@sessions-api/server";
import type { TargetKeys } from "./target-context.js";

export interface ServerTarget {
  url: string;
  keys: TargetKeys;
  close(): Promise<void>;
}

const suiteKeys = { exhausted: "sk_ct_exhausted", appPaging: "sk_ct_app_paging" };

/**
 * Starts the reference server for a contract run.
 *
 * @example
 * const { url, keys, close } = await startServerTarget();
 */
export async function startServerTarget(): Promise<ServerTarget> {
  const server = await startSessionsServer({
    port: 0,
    host: "127.0.0.1",
    keys: [
      ...demoKeyConfigs(),
      // one request a minute: everything after the first is 429, however slow the machine
      {
        key: suiteKeys.exhausted,
        account: "acct_ct_exhausted",
        products: ["residential", "mobile"],
        subusers: null,
        app_sessions: true,
        rate_limit_per_minute: 1,
      },
      {
        key: suiteKeys.appPaging,
        account: "acct_ct_app_paging",
        products: ["residential", "mobile"],
        subusers: null,
        app_sessions: true,
      },
    ],
  });
  return {
    url: server.url,
    keys: { full: DEMO_KEYS.full, narrow: DEMO_KEYS.narrow, other: DEMO_KEYS.other, ...suiteKeys },
    close: () => server.close(),
  };
}
