/**
 * Gateway sticky sessions (`/v1/...`) and their sandbox (`/sandbox/v1/...`, `/sandbox/clock...`): list,
 * get and terminate, report traffic, read and move the test clock.
 *
 * @example
 * mountGatewayRoutes(app, { auth, store, clock });
 */
import type { GatewayProduct, Session, SessionPage } from "@sessions-api/openapi";
import { parseUsername, USERNAME_MAX_LENGTH, UsernameError } from "@sessions-api/username";
import type { Hono } from "hono";
import type { ApiKeyConfig } from "./api-keys.js";
import { CLOCK_LIMIT_MS, type ServerClock } from "./clock.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { ApiError } from "./errors.js";
import { freezeShared } from "./json-text.js";
import type { ServerMetrics } from "./metrics.js";
import { type AppEnv, type MountOptions, mountOperation, type QueryOf } from "./operation.js";
import type { SessionStore } from "./store/session-store.js";

export interface GatewayDeps extends MountOptions {
  store: SessionStore;
  clock: ServerClock;
  metrics: Pick<ServerMetrics, "ingested">;
}

const gatewayProducts: readonly string[] = ["residential", "mobile"] satisfies GatewayProduct[];

/**
 * Narrows a product path segment to a product with sessions.
 *
 * @throws {ApiError} `404 product_has_no_sessions` for `isp` and anything else.
 */
function sessionProduct(product: string): GatewayProduct {
  if (!gatewayProducts.includes(product)) throw ApiError.productHasNoSessions(product);
  return product as GatewayProduct;
}

function requireProductScope(key: ApiKeyConfig, product: GatewayProduct): void {
  if (!key.products.includes(product)) throw ApiError.scopeMismatch(product);
}

function requireSubuserScope(key: ApiKeyConfig, product: GatewayProduct, subuser: string): void {
  if (key.subusers !== null && !key.subusers.includes(subuser))
    throw ApiError.scopeMismatch(product, subuser);
}

function usernameError(error: unknown): unknown {
  if (!(error instanceof UsernameError)) return error;
  return new ApiError(400, "invalid_username", error.message, { param: "username", reason: error.code });
}

// a kept page answered again with the same sessions and cursor is the same frozen body, whose bytes are
// made once (pages not kept, as over PostgreSQL, are not frozen and are written afresh)
const pageBodies = new WeakMap<readonly Session[], SessionPage>();

const sessionNotFound = (id: string) =>
  new ApiError(404, "session_not_found", `No session ${id}: it expired, was purged or never existed.`);

async function listPage(
  deps: GatewayDeps,
  key: ApiKeyConfig,
  product: GatewayProduct,
  query: QueryOf<"listResidentialSessions">,
): Promise<SessionPage> {
  requireProductScope(key, product);
  if (query.subuser !== undefined) requireSubuserScope(key, product, query.subuser);
  // the cursor is bound to everything that selects sessions, but not to the page size
  const scope = {
    account: key.account,
    product,
    subuser: query.subuser,
    session_id: query.session_id,
    region: query.region,
    asn: query.asn,
    repinned: query.repinned,
    status: query.status,
  };
  const secret = deps.store.cursorSecret;
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, scope, secret);
  const time = await deps.clock.readTime(key.account);
  const page = await deps.store.listSessions(
    {
      account: key.account,
      product,
      subuserScope: key.subusers,
      ...(query.subuser === undefined ? {} : { subuser: query.subuser }),
      ...(query.session_id === undefined ? {} : { session_id: query.session_id }),
      ...(query.region === undefined ? {} : { region: query.region }),
      ...(query.asn === undefined ? {} : { asn: query.asn }),
      ...(query.repinned === undefined ? {} : { repinned: query.repinned }),
      status: query.status,
      limit: query.limit,
      ...(after === undefined ? {} : { after }),
    },
    time,
  );
  const next_cursor = page.next === null ? null : encodeCursor(page.next, scope, secret);
  const kept = pageBodies.get(page.sessions);
  if (kept?.next_cursor === next_cursor) return kept;
  const body = { data: page.sessions, next_cursor };
  if (Object.isFrozen(page.sessions)) pageBodies.set(page.sessions, freezeShared(body));
  return body;
}

/**
 * Mounts the gateway and gateway-sandbox operations.
 *
 * @example
 * mountGatewayRoutes(app, { auth, store, clock, publicUrl: undefined });
 */
export function mountGatewayRoutes(app: Hono<AppEnv>, deps: GatewayDeps): void {
  const { store, clock } = deps;

  mountOperation(app, deps, "listResidentialSessions", async ({ key, query }) => ({
    status: 200,
    body: await listPage(deps, key, "residential", query),
  }));
  mountOperation(app, deps, "listMobileSessions", async ({ key, query }) => ({
    status: 200,
    body: await listPage(deps, key, "mobile", query),
  }));

  mountOperation(app, deps, "getSession", async ({ key, path }) => {
    const product = sessionProduct(path.product);
    const session = await store.findSession(key.account, product, path.id, await clock.readTime(key.account));
    if (session === null) throw sessionNotFound(path.id);
    requireProductScope(key, product);
    requireSubuserScope(key, product, session.subuser);
    return { status: 200, body: session };
  });

  mountOperation(app, deps, "terminateSession", async ({ key, path }) => {
    const product = sessionProduct(path.product);
    const now = await clock.now(key.account);
    const session = await store.findSession(key.account, product, path.id, now);
    if (session === null) throw sessionNotFound(path.id);
    requireProductScope(key, product);
    requireSubuserScope(key, product, session.subuser);
    if (session.status === "terminated") return { status: 200, body: session };
    const terminated = await store.terminateSession(key.account, product, path.id, now);
    // it can expire between the read and the update when the clock moves
    if (terminated === null) throw sessionNotFound(path.id);
    return { status: 200, body: terminated };
  });

  mountOperation(
    app,
    deps,
    "reportTraffic",
    async ({ key, path, body }) => {
      const product = sessionProduct(path.product);
      let parsed: ReturnType<typeof parseUsername>;
      try {
        parsed = parseUsername(body.username);
      } catch (error) {
        throw usernameError(error);
      }
      requireProductScope(key, product);
      requireSubuserScope(key, product, parsed.subuser);
      const now = await clock.now(key.account);
      // first use creates the sub-user in the key's account; other accounts' sub-users are not in the way
      await store.ensureSubuser(key.account, parsed.subuser, now);
      const { created, session } = await store.reportTraffic({
        account: key.account,
        product,
        username: body.username,
        parsed,
        requests: body.requests,
        reassignExitIp: body.reassign_exit_ip === true,
        now,
      });
      deps.metrics.ingested(product, body.requests.length);
      return created
        ? { status: 201, body: session, headers: { Location: `/v1/${product}/sessions/${session.id}` } }
        : { status: 200, body: session };
    },
    {
      // the schema's maxLength would answer first; the grammar's own rule names the violation
      beforeSchema: (value) => {
        const username = (value as { username?: unknown } | null)?.username;
        if (typeof username === "string" && username.length > USERNAME_MAX_LENGTH) {
          try {
            parseUsername(username);
          } catch (error) {
            throw usernameError(error);
          }
        }
      },
    },
  );

  mountOperation(app, deps, "getClock", async ({ key }) => {
    const { now, offsetSeconds } = await clock.read(key.account);
    return { status: 200, body: { now: now.toISOString(), offset_seconds: offsetSeconds } };
  });

  mountOperation(app, deps, "advanceClock", async ({ key, body }) => {
    const advanced = await clock.advance(key.account, body.seconds);
    if (advanced === null) {
      const { now: current } = await clock.read(key.account);
      throw ApiError.invalidBody(
        `The sandbox clock cannot move past ${new Date(CLOCK_LIMIT_MS).toISOString()}; it is at ${current.toISOString()}.`,
        "seconds",
      );
    }
    const { now, offsetSeconds } = advanced;
    await store.purge(clock.realTime());
    return { status: 200, body: { now: now.toISOString(), offset_seconds: offsetSeconds } };
  });
}
