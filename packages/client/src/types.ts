/**
 * The API's types, all generated from `spec/openapi.yaml`: nothing here is written by hand, these are
 * names for the generated schemas. Timestamps are RFC 3339 strings in UTC, exactly as on the wire
 * (`new Date(session.expires_at)` when a `Date` is needed).
 *
 * @example
 * import type { Session, paths } from "@sessions-api/client";
 * const expiresAt = (session: Session) => new Date(session.expires_at);
 */
import type { components, operations, paths } from "@sessions-api/openapi";

/**
 * Every path of the spec with its operations, for the raw client and openapi-fetch helpers.
 *
 * @example
 * type ClockResponse = paths["/sandbox/clock"]["get"]["responses"][200]["content"]["application/json"];
 */
/**
 * Every operation of the spec, by `operationId`.
 *
 * @example
 * type GetSessionParams = operations["getSession"]["parameters"]["path"];
 */
/**
 * Every schema, parameter and response of the spec.
 *
 * @example
 * type Location = components["schemas"]["Location"];
 */
export type { components, operations, paths };

type Schemas = components["schemas"];

/**
 * A gateway product that has sticky sessions: `"residential" | "mobile"`.
 *
 * @example
 * const product: GatewayProduct = "residential";
 */
export type GatewayProduct = Schemas["GatewayProduct"];

/**
 * A gateway sticky session, as listed. Timestamps are RFC 3339 strings.
 *
 * @example
 * const minutesLeft = (s: Session) => (Date.parse(s.expires_at) - Date.now()) / 60_000;
 */
export type Session = Schemas["Session"];

/**
 * A gateway sticky session with its last 10 proxied requests (`samples`), as `get` and `terminate` return it.
 *
 * @example
 * const detail: SessionDetail = await client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5");
 * console.log(detail.samples[0]?.target_host);
 */
export type SessionDetail = Schemas["SessionDetail"];

/**
 * One page of gateway sessions: `data` and the `next_cursor` of the page after it (`null` on the last).
 *
 * @example
 * const page: SessionPage = await client.gateway.sessions.listPage("mobile", { limit: 200 });
 */
export type SessionPage = Schemas["SessionPage"];

/**
 * One proxied request of a gateway session.
 *
 * @example
 * const slow = (detail: SessionDetail): RequestSample[] => detail.samples.filter((s) => s.duration_ms > 1000);
 */
export type RequestSample = Schemas["RequestSample"];

/**
 * An application session (a browser session behind an endpoint). Timestamps are RFC 3339 strings.
 *
 * @example
 * const session: ApplicationSession = await client.app.sessions.get("as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE");
 * console.log(session.browser_session.user_agent.browser_name);
 */
export type ApplicationSession = Schemas["ApplicationSession"];

/**
 * One page of application sessions, with the absolute `next_page_uri` of the page after it (`null` on the last).
 *
 * @example
 * const page: ApplicationSessionList = await client.app.sessions.listPage({ limit: 20 });
 */
export type ApplicationSessionList = Schemas["ApplicationSessionList"];

/**
 * The gateway family's error body (`/v1` and the sandbox).
 *
 * @example
 * const body: GatewayError = { error: { code: "session_not_found", message: "Gone.", request_id: "req_1" } };
 */
export type GatewayError = Schemas["GatewayError"];

/**
 * The gateway family's error codes.
 *
 * @example
 * const code: GatewayErrorCode = "subuser_scope_mismatch";
 */
export type GatewayErrorCode = Schemas["GatewayErrorCode"];

/**
 * The application-sessions family's error body (`/app`).
 *
 * @example
 * const body: AppError = { error_code: "ERR_NOT_FOUND", status_code: 404, msg: "Not found.", details: { operation_id: "req_1" } };
 */
export type AppError = Schemas["AppError"];

/**
 * Query parameters of a gateway session list: the filters, `limit` (page size, 1-200) and `cursor`
 * (where to start; the auto-paging list moves it itself).
 *
 * @example
 * const query: GatewaySessionListQuery = { subuser: "sub_01HX2K3PQ4M5", region: "us", status: "all", limit: 200 };
 */
export type GatewaySessionListQuery = NonNullable<
  operations["listResidentialSessions"]["parameters"]["query"]
>;

/**
 * Query parameters of the application session list: `limit` (page size, 1-100) and `before_id` (list
 * the sessions created before this one).
 *
 * @example
 * const query: ApplicationSessionListQuery = { limit: 50 };
 */
export type ApplicationSessionListQuery = NonNullable<
  operations["listApplicationSessions"]["parameters"]["query"]
>;
