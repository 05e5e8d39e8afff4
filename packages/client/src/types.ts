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

export type {
  AppError,
  ApplicationSession,
  ApplicationSessionList,
  GatewayError,
  GatewayErrorCode,
  GatewayProduct,
  RequestSample,
  Session,
  SessionDetail,
  SessionPage,
} from "@sessions-api/openapi";

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
 * the sessions created before this one). The spec's `beforeId` alias, kept for another vendor's client,
 * is left out: this client sends `before_id`.
 *
 * @example
 * const query: ApplicationSessionListQuery = { limit: 50 };
 */
export type ApplicationSessionListQuery = Omit<
  NonNullable<operations["listApplicationSessions"]["parameters"]["query"]>,
  "beforeId"
>;
