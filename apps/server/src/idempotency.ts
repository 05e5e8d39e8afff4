/**
 * Idempotent sandbox writes, with Stripe's semantics: an operation whose spec takes the `Idempotency-Key`
 * header runs once per key of an API key. The first request claims the key in the store and its answer
 * is kept there; a retry with the same request replays that answer (status, body and headers) marked
 * `Idempotent-Replayed: true`, on this instance or any other over the database. The same key with another
 * request is `400 idempotency_key_reused` (as Stripe answers it); one that arrives while the first still runs is `409
 * idempotency_key_in_use` with `Retry-After`. A 5xx is not kept: the key is released for a retry.
 *
 * @example
 * return answerIdempotently(deps, { context: c, parameter, apiKey: key.key, body }, () => respond());
 */
import { createHash } from "node:crypto";
import type { Context } from "hono";
import { ApiError } from "./errors.js";
import { errorResponse, keptResponse } from "./json-response.js";
import type { AppEnv } from "./operation.js";
import { validateParameter } from "./request-validation.js";
import type { ParameterSpec } from "./spec-operations.js";
import type { IdempotencyKeys, KeptAnswer } from "./store/idempotency-keys.js";

/** The header that marks a replayed answer. */
export const REPLAYED_HEADER = "Idempotent-Replayed";
/** How long a request is told to wait while the first with its key still runs (`Retry-After`, seconds). */
export const IN_USE_RETRY_AFTER_SECONDS = 1;

/** What idempotent operations need: the store's keys and real time (keys do not follow test clocks). */
export interface IdempotencyDeps {
  keys: IdempotencyKeys;
  realTime: () => Date;
}

/** One request of an operation that takes an `Idempotency-Key`. */
export interface IdempotentRequest {
  context: Context<AppEnv>;
  /** The operation's `Idempotency-Key` header parameter, as the spec declares it. */
  parameter: ParameterSpec;
  /** The caller's API key: keys are its own. */
  apiKey: string;
  /** The validated JSON body (undefined for an operation without one). */
  body: unknown;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

/**
 * What the store keeps of an API key to scope its idempotency keys: a digest, never the key.
 *
 * @example
 * apiKeyDigestOf("sk_demo_full"); // "…43 base64url characters"
 */
export function apiKeyDigestOf(apiKey: string): string {
  return sha256(apiKey);
}

/**
 * What tells two requests of one key apart: the method, the path and the body as parsed (a retry that
 * spaces its JSON otherwise is the same request).
 *
 * @example
 * fingerprintOf("POST", "/sandbox/clock/advance", { seconds: 60 });
 */
export function fingerprintOf(method: string, path: string, body: unknown): string {
  return sha256(`${method} ${path}\n${JSON.stringify(body ?? null)}`);
}

/**
 * The answer to an idempotent operation's request: `respond()`'s, run at most once per key, or the kept
 * answer of the first request with the key.
 *
 * @throws {ApiError} `400 invalid_parameter` for a key that breaks the spec's bounds, `409
 * idempotency_key_in_use` while the first request with the key runs, `400 idempotency_key_reused` for a
 * key sent with another request.
 */
export async function answerIdempotently(
  deps: IdempotencyDeps,
  request: IdempotentRequest,
  respond: () => Promise<Response>,
): Promise<Response> {
  const { context: c, parameter } = request;
  const key = c.req.header(parameter.name);
  if (key === undefined) return respond();
  validateParameter(parameter, key);
  const method = c.req.method;
  const path = c.req.path;
  const apiKeyDigest = apiKeyDigestOf(request.apiKey);
  const fingerprint = fingerprintOf(method, path, request.body);
  const claim = await deps.keys.claim({ apiKeyDigest, key, fingerprint, now: deps.realTime() });
  switch (claim.kind) {
    case "replay":
      return replay(claim.answer);
    case "in_flight":
      throw new ApiError(
        409,
        "idempotency_key_in_use",
        `A request with this ${parameter.name} is still running; retry in ${IN_USE_RETRY_AFTER_SECONDS} s to get its answer.`,
        { param: parameter.name, headers: { "Retry-After": String(IN_USE_RETRY_AFTER_SECONDS) } },
      );
    case "reused":
      throw new ApiError(
        400,
        "idempotency_key_reused",
        `This ${parameter.name} was sent with another request (not this ${method} ${path} with this body); use a new key for a new request.`,
        { param: parameter.name },
      );
  }
  let response: Response;
  try {
    response = await respond();
  } catch (error) {
    // an answer the operation gave (a 4xx) is kept like any other; a failure is not an answer
    if (error instanceof ApiError && error.status < 500) response = errorResponse(c, error);
    else {
      await deps.keys.release(apiKeyDigest, key).catch(() => {});
      throw error;
    }
  }
  const answer: KeptAnswer = {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: response.body === null ? null : await response.clone().text(),
  };
  await deps.keys.complete(apiKeyDigest, key, answer);
  return response;
}

function replay(answer: KeptAnswer): Response {
  return keptResponse(answer.status, answer.body, { ...answer.headers, [REPLAYED_HEADER]: "true" });
}
