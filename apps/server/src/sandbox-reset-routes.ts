/**
 * The sandbox reset of the caller's account (`POST /sandbox/reset`): its sessions and application
 * sessions gone, its test clock back at real time, and, on a server that seeds demo data, the account's
 * demo data seeded again as a fresh server seeds it. Other accounts are not touched.
 *
 * @example
 * mountSandboxResetRoute(app, { auth, store, clock, seedsDemoData: true });
 */
import type { Hono } from "hono";
import type { ApiKeyConfig } from "./api-keys.js";
import type { ServerClock } from "./clock.js";
import { buildDemoDataOf } from "./demo-data.js";
import { ApiError } from "./errors.js";
import { type AppEnv, type MountOptions, mountOperation } from "./operation.js";
import type { SessionStore } from "./store/session-store.js";

export interface SandboxResetDeps extends MountOptions {
  store: SessionStore;
  clock: ServerClock;
  /** Whether the server seeds demo data, which a reset then seeds again for the account. */
  seedsDemoData: boolean;
}

// a reset empties the whole account: only a key that reaches all of it may ask for one
function requireWholeAccount(key: ApiKeyConfig): void {
  const whole = key.subusers === null && key.app_sessions === true && key.products.length === 2;
  if (!whole) {
    throw new ApiError(
      403,
      "subuser_scope_mismatch",
      "This API key's scope does not cover the whole account (both products, every sub-user and its application sessions), which a reset empties.",
    );
  }
}

/**
 * Mounts `resetSandbox`.
 *
 * @example
 * mountSandboxResetRoute(app, deps);
 */
export function mountSandboxResetRoute(app: Hono<AppEnv>, deps: SandboxResetDeps): void {
  const { store, clock } = deps;
  mountOperation(app, deps, "resetSandbox", async ({ key }) => {
    requireWholeAccount(key);
    // the account's clock is back at real time: its demo data is seeded as of real time
    const realNow = clock.realTime();
    const data = deps.seedsDemoData
      ? await buildDemoDataOf([key.account], async () => realNow)
      : { subusers: [], sessions: [], appSessions: [] };
    await store.resetAccount(key.account, data);
    const { now, offsetSeconds } = await clock.read(key.account);
    return { status: 200, body: { now: now.toISOString(), offset_seconds: offsetSeconds } };
  });
}
