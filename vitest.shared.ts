/**
 * Settings every package's vitest config shares.
 *
 * @example
 * export default defineProject({ test: { name: "client", ...hangGuards } });
 */

/**
 * How long a test or a hook may run before vitest calls it hung. These are hang guards, not speed
 * targets: on a busy two-core machine a test that starts PGlite, Prism or Chromium may take minutes,
 * and must still pass. A test that waits for something bounds the wait the same way, never tighter.
 */
export const hangGuards = { testTimeout: 300_000, hookTimeout: 300_000 } as const;
