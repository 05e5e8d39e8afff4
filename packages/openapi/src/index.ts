/**
 * Types of the Sessions API, generated from `spec/openapi.yaml`.
 *
 * `paths`, `operations` and `components` come straight from openapi-typescript; the aliases below only
 * name the schemas that every consumer reaches for, so nobody re-declares them by hand.
 *
 * @example
 * import type { Session, paths } from "@sessions-api/openapi";
 * const first: Session | undefined = page.data[0];
 */
import type { components } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";

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
 * The grammar rule a proxy username breaks, as the API's `reason` field names it.
 *
 * @example
 * const reason: UsernameViolation = "sesstime_out_of_range";
 */
export type UsernameViolation = Schemas["UsernameViolation"];

/**
 * A sandbox report of proxied traffic for one username.
 *
 * @example
 * const report: TrafficReport = { username, requests: [{ method: "GET", target_host: "example.com", target_port: 443, status_code: 200, bytes: 512, duration_ms: 80 }] };
 */
export type TrafficReport = Schemas["TrafficReport"];

/**
 * The sandbox test clock: the server's now and how far it is ahead of real time.
 *
 * @example
 * const ahead = (clock: Clock) => clock.offset_seconds / 3600; // hours
 */
export type Clock = Schemas["Clock"];

/**
 * What the sandbox takes to create an application session; every field is optional.
 *
 * @example
 * const body: ApplicationSessionCreate = { ttl_seconds: 3600 };
 */
export type ApplicationSessionCreate = Schemas["ApplicationSessionCreate"];

/**
 * The body of `GET /healthz`.
 *
 * @example
 * const healthy = (health: Health) => health.status === "ok";
 */
export type Health = Schemas["Health"];
