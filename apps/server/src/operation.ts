/**
 * Typed operations: `mountOperation` registers a handler for an operation id of the spec at the spec's
 * method and path, authenticates and rate-limits the caller, validates the parameters and body against the
 * spec, and passes them typed to the handler. The handler returns `{ status, body, headers }` where the
 * status must be one of the operation's documented success statuses and the body must be that response's
 * schema type: a body the spec does not allow fails to compile.
 *
 * @example
 * mountOperation(app, auth, "getClock", async () => ({ status: 200, body: { now, offset_seconds: 0 } }));
 */
import type { operations } from "@sessions-api/openapi";
import type { Context, Hono } from "hono";
import type { ApiKeyConfig } from "./api-keys.js";
import type { Authenticator } from "./auth.js";
import { clientOf } from "./client-address.js";
import { answerIdempotently, type IdempotencyDeps } from "./idempotency.js";
import { jsonResponse } from "./json-response.js";
import { rateLimitFields } from "./rate-limit-fields.js";
import { carriesBody, type NodeBindings, readBodyText, skipIgnoredBody } from "./request-body.js";
import { validateBody, validateParameters } from "./request-validation.js";
import { type OperationId, specOperation } from "./spec-operations.js";

// read only: the query of every request that has none
const noQuery = new URLSearchParams();

/** Hono's environment of this server: what middleware leaves on the context. */
export interface AppEnv {
  Bindings: NodeBindings;
  Variables: {
    requestId: string;
    /** The spec's operation id of the route that took the request, for metrics; unset for no operation. */
    operation: OperationId | undefined;
    /** The caller's key's budget as `RateLimit` header fields, once the key is known; every answer carries them. */
    rateLimit: Readonly<Record<string, string>> | undefined;
  };
}

type Operation<Id extends OperationId> = operations[Id];
type Parameters<Id extends OperationId> = Operation<Id>["parameters"];

/** Query parameters whose schema has a default: the validator fills them in, so they are always present. */
type DefaultedQuery = "limit" | "status";

type OrEmpty<T> = [NonNullable<T>] extends [never] ? Record<string, never> : NonNullable<T>;
type WithDefaults<Q> = Omit<Q, Extract<keyof Q, DefaultedQuery>> &
  Required<Pick<Q, Extract<keyof Q, DefaultedQuery>>>;

export type PathOf<Id extends OperationId> =
  Parameters<Id> extends { path: infer P } ? P : Record<string, never>;
export type QueryOf<Id extends OperationId> = WithDefaults<
  OrEmpty<Parameters<Id> extends { query?: infer Q } ? Q : never>
>;
type RequestBody<Id extends OperationId> = NonNullable<Operation<Id>["requestBody"]>;
export type BodyOf<Id extends OperationId> = [RequestBody<Id>] extends [never]
  ? undefined
  : RequestBody<Id> extends { content: { "application/json": infer B } }
    ? B
    : undefined;

/** The operations that take no API key (`security: []`); checked against the spec at start. */
export type UnsecuredOperation = "getHealth" | "getReadiness";

export interface OperationInput<Id extends OperationId> {
  path: PathOf<Id>;
  query: QueryOf<Id>;
  body: BodyOf<Id>;
  /** The caller's key (null only for operations without security). */
  key: Id extends UnsecuredOperation ? null : ApiKeyConfig;
  /** Origin for absolute URIs: the configured public URL or the request's own. */
  origin: string;
  context: Context<AppEnv>;
}

type Responses<Id extends OperationId> = Operation<Id>["responses"];
type SuccessStatus<Id extends OperationId> = Extract<keyof Responses<Id>, 200 | 201 | 202 | 204>;
type ResultFor<Id extends OperationId, S extends SuccessStatus<Id>> = Responses<Id>[S] extends {
  content: { "application/json": infer Body };
}
  ? { status: S; body: Body; headers?: Record<string, string> }
  : { status: S; body?: undefined; headers?: Record<string, string> };

/** What a handler may return: a documented success status with exactly that response's body type. */
export type OperationResult<Id extends OperationId> = {
  [S in SuccessStatus<Id>]: ResultFor<Id, S>;
}[SuccessStatus<Id>];

export type OperationHandler<Id extends OperationId> = (
  input: OperationInput<Id>,
) => Promise<OperationResult<Id>>;

// A class with the getter on its prototype, not an object literal with a getter: measured under load,
// the literal kept each request's objects alive through V8's young-generation collections until the
// next full one (a fifth of everything a request allocated was promoted, and each young collection
// paused the server 5-15 ms); with the class, almost nothing is (`--trace-gc-nvp`: new_space_survived)
class Input {
  constructor(
    readonly path: unknown,
    readonly query: unknown,
    readonly body: unknown,
    readonly key: ApiKeyConfig | null,
    readonly context: Context<AppEnv>,
    private readonly publicUrl: string | undefined,
  ) {}

  get origin(): string {
    return this.publicUrl ?? new URL(this.context.req.url).origin;
  }
}

export interface MountOptions {
  auth: Authenticator;
  /** Origin for absolute URIs; default: the request's origin. */
  publicUrl?: string | undefined;
  /** Where the `Idempotency-Key`s of operations that take one are kept; without it, the header is ignored. */
  idempotency?: IdempotencyDeps | undefined;
}

/**
 * Registers the handler of an operation at its method and path in the spec.
 *
 * @example
 * mountOperation(app, options, "getHealth", async () => ({ status: 200, body: { status: "ok", store: "pglite" } }));
 */
export function mountOperation<Id extends OperationId>(
  app: Hono<AppEnv>,
  options: MountOptions,
  id: Id,
  handler: OperationHandler<Id>,
  hooks: { beforeSchema?: (body: unknown) => void } = {},
): void {
  const operation = specOperation(id);
  const idempotencyKey = operation.parameters.find(
    (parameter) => parameter.in === "header" && parameter.name === "Idempotency-Key",
  );
  app.on(operation.method, operation.honoPath, async (c) => {
    c.set("operation", id);
    let key: ApiKeyConfig | null = null;
    if (operation.secured) {
      const caller = await options.auth.authenticate(c.req.header("authorization"), clientOf(c.env));
      key = caller.key;
      if (caller.budget !== null) c.set("rateLimit", rateLimitFields(caller.budget));
    }
    const url = c.req.url;
    // most requests have no query string: they skip parsing the URL
    const { path, query } = validateParameters(
      operation,
      c.req.param() as Record<string, string>,
      url.includes("?") ? new URL(url).searchParams : noQuery,
    );
    // an operation that takes no body still has one read, up to a small size, before it runs
    if (operation.body === null && carriesBody(c)) await skipIgnoredBody(c);
    const body =
      operation.body === null
        ? undefined
        : validateBody(operation, await readBodyText(c), hooks.beforeSchema);
    const input = new Input(path, query, body, key, c, options.publicUrl) as unknown as OperationInput<Id>;
    const respond = async () => {
      const result: { status: number; body?: unknown; headers?: Record<string, string> } =
        await handler(input);
      return jsonResponse(c, result.status, result.body, result.headers);
    };
    if (idempotencyKey === undefined || options.idempotency === undefined || key === null) return respond();
    return answerIdempotently(
      options.idempotency,
      { context: c, parameter: idempotencyKey, apiKey: key.key, body },
      respond,
    );
  });
}
