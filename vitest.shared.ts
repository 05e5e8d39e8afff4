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

/**
 * The export condition under which workspace packages resolve to their TypeScript source. Node and
 * published installs never set it, so they get the built `dist`; TypeScript (`customConditions` in
 * tsconfig.base.json) and vitest (`sourceConditions`) do, so tests and typechecks need no build.
 */
export const sourceCondition = "@sessions-api/source";

/**
 * Vite's resolve options that put `sourceCondition` first in vitest's Node environment (Vite's `ssr`
 * environment). The rest are Vite's defaults for it but `module`: under `module`, Vite resolves a
 * dependency it leaves to Node to a bundler-only build (`@opentelemetry/api`, which prom-client loads,
 * has extensionless ESM imports that Node cannot load), so dependencies get what Node itself picks.
 *
 * @example
 * export default defineProject({ ...sourceConditions, test: { name: "client", ...hangGuards } });
 */
export const sourceConditions = {
  ssr: { resolve: { conditions: [sourceCondition, "node", "development|production"] } },
};
