/**
 * A local npm registry (Verdaccio) on loopback, for publishing the workspace's public packages and
 * installing them as their users do, without touching the real registry. Packages of the
 * `@sessions-api` scope are served only from what was published to it; every other package (the
 * published packages' own dependencies, such as openapi-fetch) is proxied from the upstream registry, so
 * that a clean machine needs nothing pre-seeded.
 *
 * @example
 * await using registry = await startLocalRegistry({ dir });
 * await execFile("npm", ["install", "@sessions-api/client"], { cwd: project, env: registry.env });
 */
import { once } from "node:events";
import { mkdir, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { runServer } from "verdaccio";

/** The scope whose packages the local registry keeps to itself: never proxied, publishable by anyone. */
export const localScope = "@sessions-api";

/**
 * The registry every other package comes from: `SESSIONS_API_UPSTREAM_REGISTRY`, or npm's.
 *
 * @example
 * upstreamRegistry({}); // "https://registry.npmjs.org/"
 */
export function upstreamRegistry(env: NodeJS.ProcessEnv = process.env): string {
  return env.SESSIONS_API_UPSTREAM_REGISTRY || "https://registry.npmjs.org/";
}

/**
 * Checks that the local registry can proxy `name` from upstream, and says why it cannot otherwise: a
 * package it cannot get looks to npm like one that does not exist (E404).
 *
 * @throws {Error} naming the package, the upstream registry and what to check.
 * @example
 * await checkUpstream(registry, "openapi-fetch");
 */
export async function checkUpstream(registry: LocalRegistry, name: string): Promise<void> {
  const response = await fetch(`${registry.url}${name.replace("/", "%2f")}`);
  await response.body?.cancel();
  if (response.ok) return;
  throw new Error(
    `The local registry cannot get ${name} from ${registry.upstream} (HTTP ${response.status}). ` +
      "It needs that registry, as pnpm install does: behind a proxy or a TLS-intercepting CA, the test needs " +
      "HTTPS_PROXY or NODE_EXTRA_CA_CERTS (turbo passes them through: packages/registry-walkthrough/turbo.json); " +
      "set SESSIONS_API_UPSTREAM_REGISTRY to use a mirror.",
  );
}

/** A started local registry. */
export interface LocalRegistry extends AsyncDisposable {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  /** The registry it proxies every package outside the `@sessions-api` scope from. */
  upstream: string;
  /** The `.npmrc` that points npm and pnpm at it, with a token for publishing (any token will do). */
  npmrc: string;
  /** The npm cache every install through this registry shares (in `dir`, so no other cache sees it). */
  cache: string;
  /**
   * The environment of a user whose npm and pnpm use this registry: `process.env` without npm's and
   * pnpm's per-script variables (a shell outside any package), plus `npm_config_userconfig`,
   * `npm_config_registry` and `npm_config_cache`.
   */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/**
 * Starts Verdaccio in this process, listening on a free port of 127.0.0.1, with its storage, its
 * `.npmrc` and an npm cache in `dir`.
 *
 * @example
 * const registry = await startLocalRegistry({ dir: await mkdtemp(join(tmpdir(), "registry-")) });
 */
export async function startLocalRegistry(options: {
  dir: string;
  upstream?: string;
}): Promise<LocalRegistry> {
  const { dir } = options;
  const upstream = options.upstream ?? upstreamRegistry();
  await mkdir(join(dir, "storage"), { recursive: true });
  const server: Server = await runServer({
    self_path: dir,
    storage: join(dir, "storage"),
    auth: { htpasswd: { file: join(dir, "htpasswd"), max_users: -1 } },
    uplinks: { upstream: { url: upstream, timeout: "60s" } },
    packages: {
      // never proxied: an install gets what the walk-through published, or fails
      [`${localScope}/*`]: { access: "$all", publish: "$all", unpublish: "$all" },
      "**": { access: "$all", proxy: "upstream" },
    },
    log: { type: "stdout", format: "json", level: "error" },
    web: { enable: false },
  } as Parameters<typeof runServer>[0]);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const npmrc = join(dir, "npmrc");
  const hostPath = url.replace(/^http:/, "");
  await writeFile(npmrc, `registry=${url}\n${hostPath}:_authToken=walkthrough-dummy-token\n`);
  const cache = join(dir, "npm-cache");
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_|pnpm_|PNPM_|INIT_CWD$|NODE_OPTIONS$|VITEST|TURBO_)/i.test(key),
    ),
  );
  Object.assign(env, {
    npm_config_userconfig: npmrc,
    npm_config_registry: url,
    npm_config_cache: cache,
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
  });
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url, upstream, npmrc, cache, env, close, [Symbol.asyncDispose]: close };
}
