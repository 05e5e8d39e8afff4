import { Hono } from "hono";
import { PatternRouter } from "hono/router/pattern-router";
import { type ApiKeyConfig, DEMO_KEYS, demoKeyConfigs } from "./api-keys.js";
import { mountAppSessionRoutes } from "./app-session-routes.js";
import { Authenticator } from "./auth.js";
import { clientOf } from "./client-address.js";
import { ServerClock } from "./clock.js";
import { buildDemoDataOf, DEMO_ACCOUNTS } from "./demo-data.js";
import { docsRoutes } from "./docs.js";
import { docsPagePaths } from "./docs-languages.js";
import { ApiError, errorFamilyOf } from "./errors.js";
import { mountGatewayRoutes } from "./gateway-routes.js";
import { newRequestId } from "./ids.js";
import { carriesRequestId, errorResponse } from "./json-response.js";
import { describeCause, errorsOnlyLogger, type Logger } from "./logger.js";
import { createServerMetrics } from "./metrics.js";
import { type AppEnv, mountOperation, type UnsecuredOperation } from "./operation.js";
import { rateLimitFields } from "./rate-limit-fields.js";
import { findUnreadiness } from "./readiness.js";
import { refuseTrailingSlashes } from "./request-target.js";
import { validateParameter } from "./request-validation.js";
import { mountSandboxResetRoute } from "./sandbox-reset-routes.js";
import { specOperation, specOperations } from "./spec-operations.js";
import { type Database, openDatabase } from "./store/database.js";
import { loadMigrations } from "./store/migrate.js";
import { SessionStore } from "./store/session-store.js";
import { SharedRateLimiter } from "./store/shared-rate-limiter.js";
import { isStoreUnavailable } from "./store/store-unavailable.js";

/** Connections of the pool each instance keeps over PostgreSQL for the keys' budgets, beside the store's. */
const SHARED_POOL_SIZE = 4;

/**
 * Options of `createSessionsApp` (and `startSessionsServer`).
 *
 * @example
 * const options: SessionsAppOptions = { databaseUrl: process.env.DATABASE_URL, seedDemoData: true };
 */
export interface SessionsAppOptions {
  /** A PostgreSQL URL; omitted: embedded PGlite. */
  databaseUrl?: string | undefined;
  /** With `databaseUrl`: keep the tables in this schema (created if missing) instead of `public`. */
  databaseSchema?: string | undefined;
  /** PGlite's data directory; omitted: PGlite in memory (nothing kept after `close`). */
  dataDir?: string | undefined;
  /** The API keys; omitted: the demo keys (`DEMO_KEYS`). */
  keys?: ApiKeyConfig[] | undefined;
  /** Seed the demo data when the store is empty; default false. */
  seedDemoData?: boolean | undefined;
  /** Origin of absolute URIs (application sessions); default: each request's origin. */
  publicUrl?: string | undefined;
  /** Where logs go; default: errors only, as JSON lines on stderr. */
  logger?: Logger | undefined;
  /** Log one line per request (method, path, status, duration, request id); default false. */
  logRequests?: boolean | undefined;
  /**
   * Real time in milliseconds, which the sandbox clock moves forward from and rate limits refill by;
   * default `Date.now`.
   */
  now?: (() => number) | undefined;
  /**
   * Unknown API keys a client address may send per minute; past that, its requests get 429 until the
   * budget refills. Default 30; 0 for no limit.
   */
  failedAuthPerMinute?: number | undefined;
  /** How often to purge what is past keeping, in milliseconds; default one minute; 0 disables the timer. */
  purgeIntervalMs?: number | undefined;
  /**
   * A token `GET /metrics` then asks for, as `Authorization: Bearer <token>` (else `401`); default none:
   * the metrics are open, like `/healthz`.
   */
  metricsToken?: string | undefined;
}

/**
 * A running Sessions API without a port.
 *
 * @example
 * const { app, fetch, close } = await createSessionsApp();
 */
export interface SessionsSandbox {
  /** The Hono app: `app.request(path, init)` works too. */
  app: Hono<AppEnv>;
  /** Answers a request in process. */
  fetch(request: Request): Promise<Response>;
  /** The store the app runs on. */
  store: SessionStore;
  /** The accounts' sandbox clocks (real time plus each account's offset). */
  clock: ServerClock;
  /** Whether this start seeded demo data (asked for, and the store was empty). */
  seededDemoData: boolean;
  /** Stops the purge timer and closes the store. Idempotent. */
  close(): Promise<void>;
}

const internalMessage = {
  gateway: "An unexpected error occurred; quote the request id to support.",
  app: "An unexpected error occurred; quote the operation id to support.",
} as const;

// every path the server answers on, with its methods, for 405 and its Allow header
function knownPaths(): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const add = (path: string, method: string) => {
    const methods = paths.get(path) ?? [];
    if (!methods.includes(method)) methods.push(method);
    if (method === "GET" && !methods.includes("HEAD")) methods.push("HEAD");
    paths.set(path, methods);
  };
  for (const operation of specOperations.values()) add(operation.honoPath, operation.method);
  // a product segment that is not a product still names this path, answered 404 product_has_no_sessions
  add("/v1/:product/sessions", "GET");
  for (const path of ["/", "/docs", "/openapi.json", "/metrics", ...docsPagePaths]) add(path, "GET");
  return paths;
}

// the origin absolute URIs start with: an http(s) URL, perhaps with a path prefix, nothing after it
function publicOrigin(publicUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(publicUrl);
  } catch {
    url = undefined;
  }
  if (url === undefined || !/^https?:$/.test(url.protocol) || url.search !== "" || url.hash !== "") {
    throw new Error(
      `publicUrl (SESSIONS_API_PUBLIC_URL) must be an http(s) URL such as https://sandbox.example.com, without a query; got ${JSON.stringify(publicUrl)}.`,
    );
  }
  return publicUrl.replace(/\/+$/, "");
}

/**
 * Creates the app over a fresh or existing store.
 *
 * @example
 * const sandbox = await createSessionsApp({ dataDir: ".data", seedDemoData: true });
 */
export async function createSessionsApp(options: SessionsAppOptions = {}): Promise<SessionsSandbox> {
  const logger = options.logger ?? errorsOnlyLogger();
  // checked before the store opens: a bad option must not leave the data directory locked
  const publicUrl = options.publicUrl === undefined ? undefined : publicOrigin(options.publicUrl);
  const unsecured: UnsecuredOperation[] = ["getHealth", "getReadiness"];
  for (const operation of specOperations.values()) {
    if (operation.secured === unsecured.includes(operation.id as UnsecuredOperation)) {
      throw new Error(`${operation.id}: the spec's security and UnsecuredOperation disagree`);
    }
  }
  const metrics = createServerMetrics();
  const latestMigration = Math.max(0, ...(await loadMigrations()).map((migration) => migration.version));
  const store = await SessionStore.open({
    observer: metrics.databaseObserver("store"),
    ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
    ...(options.databaseSchema === undefined ? {} : { schema: options.databaseSchema }),
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    onBackgroundError: (error) => logger.error("store maintenance failed", describeCause(error)),
  });
  const clock = new ServerClock(store, options.now);
  let seededDemoData = false;
  // over PostgreSQL, a small pool of its own for what each request asks besides the store (its key's
  // budget, shared by every instance): it never waits behind the store's long statements
  let shared: Database | undefined;
  try {
    if (options.seedDemoData === true)
      seededDemoData = await store.seedIfEmpty(
        await buildDemoDataOf(DEMO_ACCOUNTS, (account) => clock.now(account)),
      );
    if (options.databaseUrl !== undefined) {
      shared = await openDatabase({
        databaseUrl: options.databaseUrl,
        ...(options.databaseSchema === undefined ? {} : { schema: options.databaseSchema }),
        poolSize: SHARED_POOL_SIZE,
        observer: metrics.databaseObserver("shared"),
      });
    }
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }

  const auth = new Authenticator(options.keys ?? demoKeyConfigs(), {
    nowMs: options.now,
    failedAuthPerMinute: options.failedAuthPerMinute,
    keyBudgets: shared === undefined ? undefined : new SharedRateLimiter(shared, options.now),
    onRefused: (budget) => metrics.refused(budget),
  });
  // Hono's default (a RegExpRouter, which refuses this route set, falling back to its trie) cost a
  // quarter of a cached read's CPU; the pattern router matches these few dozen routes for much less
  const app = new Hono<AppEnv>({ router: new PatternRouter() });

  app.use(async (c, next) => {
    const requestId = newRequestId();
    const started = performance.now();
    c.set("requestId", requestId);
    await next();
    // the API's own responses carry it already; the docs' pages and redirects take it here
    if (!carriesRequestId(c.res)) c.res.headers.set("X-Request-Id", requestId);
    const seconds = (performance.now() - started) / 1000;
    metrics.observeRequest(c.get("operation") ?? "none", c.res.status, seconds);
    if (options.logRequests === true) {
      logger.info("request", {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        duration_ms: Math.round(seconds * 100_000) / 100,
        request_id: requestId,
      });
    }
  });

  // a trailing slash names no documented path; /docs/ is a page's, which redirects to /docs
  app.use(refuseTrailingSlashes(["/docs/"]));

  // PostgreSQL comes back by itself; the embedded store, once it has failed, only with a restart
  let embeddedStoreFailed = false;
  const noteStoreUnavailable = () => {
    if (store.kind === "pglite") embeddedStoreFailed = true;
  };
  const idempotency = { keys: store.idempotencyKeys, realTime: () => clock.realTime() };
  const deps = { auth, store, clock, publicUrl, metrics, idempotency };
  mountGatewayRoutes(app, deps);
  mountAppSessionRoutes(app, deps);
  mountSandboxResetRoute(app, { ...deps, seedsDemoData: options.seedDemoData === true });
  // alive: the process answers; nothing is asked of the store, so a database outage never gets it
  // restarted. The embedded store is the process's own, and one that has failed never recovers
  mountOperation(app, deps, "getHealth", async () => {
    if (embeddedStoreFailed) throw ApiError.embeddedStoreFailed();
    return { status: 200, body: { status: "ok" as const, store: store.kind } };
  });
  mountOperation(app, deps, "getReadiness", async () => {
    const unready = await findUnreadiness({ store, shared, latestMigration });
    if (unready !== null) {
      if (unready.storeUnreachable) noteStoreUnavailable();
      logger.error("not ready", { reason: unready.reason });
      throw ApiError.notReady(unready.reason);
    }
    return { status: 200, body: { status: "ok" as const, store: store.kind } };
  });
  app.get("/metrics", async (c) => {
    if (
      options.metricsToken !== undefined &&
      c.req.header("authorization") !== `Bearer ${options.metricsToken}`
    ) {
      throw ApiError.unauthorized(
        "GET /metrics needs the metrics token: send Authorization: Bearer <token>.",
      );
    }
    const text = await metrics.registry.metrics();
    return c.body(text, 200, { "Content-Type": metrics.registry.contentType });
  });
  // the spec lists sessions only under /v1/residential and /v1/mobile; any other product is told why
  const productParameter = specOperation("getSession").parameters.find((p) => p.name === "product");
  app.get("/v1/:product/sessions", async (c) => {
    const caller = await auth.authenticate(c.req.header("authorization"), clientOf(c.env));
    if (caller.budget !== null) c.set("rateLimit", rateLimitFields(caller.budget));
    const product = c.req.param("product");
    if (productParameter !== undefined) validateParameter(productParameter, product);
    throw ApiError.productHasNoSessions(product);
  });
  // with the demo keys on, the docs page's "Try it" works as it opens: it sends the full demo key
  app.route("/", docsRoutes({ demoKey: options.keys === undefined ? DEMO_KEYS.full : undefined, publicUrl }));

  for (const [path, allow] of knownPaths()) {
    app.all(path, (c) => {
      // a listed method lands here only when no route serves this exact path: it is not there
      if (allow.includes(c.req.method)) throw ApiError.routeNotFound(c.req.method, c.req.path);
      throw ApiError.methodNotAllowed(c.req.method, c.req.path, allow);
    });
  }
  app.notFound((c) => errorResponse(c, ApiError.routeNotFound(c.req.method, c.req.path)));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    const request = { request_id: c.get("requestId"), method: c.req.method, path: c.req.path };
    if (isStoreUnavailable(error)) {
      noteStoreUnavailable();
      logger.error("store unavailable", { ...request, ...describeCause(error) });
      return errorResponse(c, ApiError.storeUnavailable());
    }
    logger.error("unhandled error", { ...request, ...describeCause(error) });
    const family = errorFamilyOf(c.req.path);
    return errorResponse(c, new ApiError(500, "internal_error", internalMessage[family]));
  });

  const purgeIntervalMs = options.purgeIntervalMs ?? 60_000;
  const purgeTimer =
    purgeIntervalMs > 0
      ? setInterval(() => {
          const realNow = clock.realTime();
          Promise.all([store.purge(realNow), store.idempotencyKeys.purge(realNow)]).catch((error: unknown) =>
            logger.error("purge failed", describeCause(error)),
          );
        }, purgeIntervalMs)
      : undefined;
  purgeTimer?.unref();

  let closing: Promise<void> | undefined;
  return {
    app,
    store,
    clock,
    seededDemoData,
    fetch: async (request) => app.fetch(request),
    close() {
      clearInterval(purgeTimer);
      closing ??= Promise.all([store.close(), shared?.close()]).then(() => {});
      return closing;
    },
  };
}
