/**
 * Application sessions (`/app/sessions...`), wire-compatible with the API they were specified from, and
 * their sandbox (`/sandbox/app/sessions...`): create, record activity.
 *
 * @example
 * mountAppSessionRoutes(app, { auth, store, clock, publicUrl: "http://127.0.0.1:8080" });
 */
import { randomInt } from "node:crypto";
import type { ApplicationSession, ApplicationSessionCreate } from "@sessions-api/openapi";
import type { Hono } from "hono";
import type { ApiKeyConfig } from "./api-keys.js";
import type { ServerClock } from "./clock.js";
import { ApiError } from "./errors.js";
import { newUlid } from "./ids.js";
import { type AppEnv, type MountOptions, mountOperation, type QueryOf } from "./operation.js";
import type { AppSessionRecord, SessionStore } from "./store/session-store.js";
import { parseUserAgent } from "./user-agent.js";

export interface AppSessionDeps extends MountOptions {
  store: SessionStore;
  clock: ServerClock;
}

/** The browser a sandbox application session gets when the request leaves it out. */
export const DEFAULT_USER_AGENT =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/102.0.0.0 Safari/537.36";

const defaultLocation = {
  country_code: "US",
  latitude: 37.7749,
  longitude: -122.4194,
  lat_long_radius_km: 20,
};

/**
 * Where the resources an application session refers to live: its user, endpoint, edge and route are
 * resources of the API this family was specified from, not of this server, so their URIs point there.
 */
export const VENDOR_API_ORIGIN = "https://api.ngrok.com";

/**
 * The API view of a stored application session: its own URI under `origin` (this server), the URIs of
 * the resources it refers to under `VENDOR_API_ORIGIN`.
 *
 * @example
 * toApplicationSession(record, "http://127.0.0.1:8080").uri; // "http://127.0.0.1:8080/app/sessions/as_..."
 */
export function toApplicationSession(record: AppSessionRecord, origin: string): ApplicationSession {
  const edge =
    record.edge_id === null
      ? null
      : { id: record.edge_id, uri: `${VENDOR_API_ORIGIN}/edges/https/${record.edge_id}` };
  return {
    id: record.id,
    uri: `${origin}/app/sessions/${record.id}`,
    public_url: record.public_url,
    browser_session: record.browser_session,
    application_user: {
      id: record.application_user_id,
      uri: `${VENDOR_API_ORIGIN}/app/users/${record.application_user_id}`,
    },
    created_at: record.created_at.toISOString(),
    last_active: record.last_active.toISOString(),
    expires_at: record.expires_at.toISOString(),
    endpoint: { id: record.endpoint_id, uri: `${VENDOR_API_ORIGIN}/endpoints/${record.endpoint_id}` },
    edge,
    route:
      edge === null || record.route_id === null
        ? null
        : { id: record.route_id, uri: `${edge.uri}/routes/${record.route_id}` },
  };
}

/**
 * A new application session record as a browser visiting an endpoint would make it; what `input` leaves
 * out gets a realistic default.
 *
 * @example
 * newAppSessionRecord("acct_demo", { ttl_seconds: 3600 }, new Date());
 */
export function newAppSessionRecord(
  account: string,
  input: Partial<ApplicationSessionCreate>,
  now: Date,
): AppSessionRecord {
  const time = now.getTime();
  const agentInitiated = input.agent_initiated ?? false;
  return {
    id: `as_${newUlid(time)}`,
    account,
    public_url: input.public_url ?? "https://app.example.com",
    browser_session: {
      user_agent: parseUserAgent(input.user_agent ?? DEFAULT_USER_AGENT),
      ip_address: input.ip_address ?? `203.0.113.${randomInt(1, 255)}`,
      location: input.location ?? defaultLocation,
    },
    application_user_id: input.application_user_id ?? `au_${newUlid(time)}`,
    endpoint_id: `ep_${newUlid(time)}`,
    edge_id: agentInitiated ? null : `edghts_${newUlid(time)}`,
    route_id: agentInitiated ? null : `edghtsrt_${newUlid(time)}`,
    created_at: now,
    last_active: now,
    expires_at: new Date(time + (input.ttl_seconds ?? 86_400) * 1000),
  };
}

const notFound = (id: string) => new ApiError(404, "not_found", `Application session ${id} not found.`);

// the list's `before_id`, or its alias `beforeId` (what the vendor's own client sends), with the name the
// request used: a 400 that names the parameter names the one the caller sent
function readBeforeId(
  query: Pick<QueryOf<"listApplicationSessions">, "before_id" | "beforeId">,
): { id: string; param: "before_id" | "beforeId" } | undefined {
  const { before_id: canonical, beforeId: alias } = query;
  if (canonical !== undefined && alias !== undefined && canonical !== alias) {
    throw ApiError.invalidParameter(
      "beforeId",
      `beforeId is an alias of before_id: give one of them, or both equal; got before_id=${canonical} and beforeId=${alias}.`,
    );
  }
  if (canonical !== undefined) return { id: canonical, param: "before_id" };
  return alias === undefined ? undefined : { id: alias, param: "beforeId" };
}

// a key's scope names application sessions explicitly: one limited to some sub-users or gateway products
// must not reach every application session of its account
function requireAppSessionScope(key: ApiKeyConfig): void {
  if (key.app_sessions !== true) {
    // answered as ERR_UNAUTHORIZED with status 403, the family's code for a scope that falls short
    throw new ApiError(
      403,
      "subuser_scope_mismatch",
      'This API key\'s scope does not cover application sessions (a keys file grants them with "app_sessions": true).',
    );
  }
}

/**
 * Mounts the application-session operations and their sandbox.
 *
 * @example
 * mountAppSessionRoutes(app, deps);
 */
export function mountAppSessionRoutes(app: Hono<AppEnv>, deps: AppSessionDeps): void {
  const { store, clock } = deps;

  mountOperation(app, deps, "listApplicationSessions", async ({ key, query, origin, context }) => {
    requireAppSessionScope(key);
    const time = await clock.readTime(key.account);
    const before = readBeforeId(query);
    if (before !== undefined && !(await store.isPagingAnchor(key.account, before.id, time))) {
      throw ApiError.invalidParameter(
        before.param,
        `${before.param} must name an application session of this account; ${before.id} is not one.`,
      );
    }
    const page = await store.listAppSessions(
      key.account,
      { limit: query.limit, ...(before === undefined ? {} : { beforeId: before.id }) },
      time,
    );
    // this page's URI echoes the paging parameters the request gave, by their canonical names; the next
    // page's always carries both
    const given = new URL(context.req.url).searchParams;
    const self = new URLSearchParams();
    if (before !== undefined) self.set("before_id", before.id);
    if (given.has("limit")) self.set("limit", String(query.limit));
    const last = page.sessions.at(-1);
    const selfQuery = self.toString();
    return {
      status: 200,
      body: {
        application_sessions: page.sessions.map((record) => toApplicationSession(record, origin)),
        uri: `${origin}/app/sessions${selfQuery === "" ? "" : `?${selfQuery}`}`,
        next_page_uri:
          page.hasMore && last !== undefined
            ? `${origin}/app/sessions?${new URLSearchParams({ before_id: last.id, limit: String(query.limit) })}`
            : null,
      },
    };
  });

  mountOperation(app, deps, "getApplicationSession", async ({ key, path, origin }) => {
    requireAppSessionScope(key);
    const record = await store.findAppSession(key.account, path.id, await clock.readTime(key.account));
    if (record === null) throw notFound(path.id);
    return { status: 200, body: toApplicationSession(record, origin) };
  });

  mountOperation(app, deps, "deleteApplicationSession", async ({ key, path }) => {
    requireAppSessionScope(key);
    if (!(await store.deleteAppSession(key.account, path.id, await clock.now(key.account))))
      throw notFound(path.id);
    return { status: 204 };
  });

  mountOperation(app, deps, "createApplicationSession", async ({ key, body, origin }) => {
    requireAppSessionScope(key);
    const record = await store.createAppSession(
      newAppSessionRecord(key.account, body, await clock.now(key.account)),
    );
    const session = toApplicationSession(record, origin);
    return { status: 201, body: session, headers: { Location: session.uri } };
  });

  mountOperation(app, deps, "recordApplicationSessionActivity", async ({ key, path, origin }) => {
    requireAppSessionScope(key);
    const record = await store.touchAppSession(key.account, path.id, await clock.now(key.account));
    if (record === null) throw notFound(path.id);
    return { status: 200, body: toApplicationSession(record, origin) };
  });
}
