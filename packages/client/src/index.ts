/**
 * The Sessions API client: a typed openapi-fetch client for every operation of the spec, and a resource
 * layer with auto-paging lists, one error class hierarchy and safe retries. Every type comes from the
 * spec; timestamps are RFC 3339 strings, as on the wire. Proxy username helpers are in
 * `@sessions-api/client/username`.
 *
 * @example
 * import { createSessionsClient } from "@sessions-api/client";
 * const client = createSessionsClient({ baseUrl: "http://127.0.0.1:8080", apiKey: "sk_demo_full" });
 * const sessions = await client.gateway.sessions.list("residential", { subuser: "sub_01HX2K3PQ4M5" }).toArray();
 */
export type { ApplicationSessions } from "./application-sessions.js";
export type { CallOptions, ListOptions } from "./call.js";
export { createSessionsClient, type SessionsClient, type SessionsClientOptions } from "./client.js";
export {
  type AppErrorCode,
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  InternalServerError,
  InvalidParameterError,
  InvalidRequestBodyError,
  InvalidUsernameError,
  MalformedRequestError,
  MethodNotAllowedError,
  NotFoundError,
  ProductHasNoSessionsError,
  RateLimitedError,
  ServiceUnavailableError,
  SessionNotFoundError,
  SessionsApiConnectionError,
  SessionsApiError,
  type SessionsApiErrorBody,
  type SessionsApiErrorCode,
  type SessionsApiErrorInit,
  SessionsApiTimeoutError,
  SubuserNotFoundError,
  SubuserScopeMismatchError,
  UnauthorizedError,
} from "./errors.js";
export type { GatewaySessions } from "./gateway-sessions.js";
export type { AutoPagingList } from "./pagination.js";
export { parseRateLimit, type RateLimitState } from "./rate-limit.js";
export type { FetchFunction, RetryOptions } from "./transport.js";
export type {
  AppError,
  ApplicationSession,
  ApplicationSessionList,
  ApplicationSessionListQuery,
  components,
  GatewayError,
  GatewayErrorCode,
  GatewayProduct,
  GatewaySessionListQuery,
  operations,
  paths,
  RequestSample,
  Session,
  SessionDetail,
  SessionPage,
} from "./types.js";
