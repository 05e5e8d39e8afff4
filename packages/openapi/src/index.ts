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

export type GatewayProduct = Schemas["GatewayProduct"];
export type Session = Schemas["Session"];
export type SessionDetail = Schemas["SessionDetail"];
export type SessionPage = Schemas["SessionPage"];
export type RequestSample = Schemas["RequestSample"];
export type GatewayError = Schemas["GatewayError"];
export type GatewayErrorCode = Schemas["GatewayErrorCode"];
export type UsernameViolation = Schemas["UsernameViolation"];
export type TrafficReport = Schemas["TrafficReport"];
export type Clock = Schemas["Clock"];
export type ApplicationSession = Schemas["ApplicationSession"];
export type ApplicationSessionList = Schemas["ApplicationSessionList"];
export type ApplicationSessionCreate = Schemas["ApplicationSessionCreate"];
export type AppError = Schemas["AppError"];
export type Health = Schemas["Health"];
