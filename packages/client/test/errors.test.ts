import { describe, expect, test } from "vitest";
import {
  createSessionsClient,
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
  SessionsApiError,
  SubuserNotFoundError,
  SubuserScopeMismatchError,
  UnauthorizedError,
} from "../src/index.js";
import { API_KEY, appError, BASE_URL, fakeFetch, gatewayError, json } from "./helpers.js";

const clientAnswering = (response: () => Response) =>
  createSessionsClient({
    baseUrl: BASE_URL,
    apiKey: API_KEY,
    fetch: fakeFetch(response).fetch,
    retry: false,
  });

async function caught(promise: Promise<unknown>): Promise<SessionsApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SessionsApiError) return error;
    throw error;
  }
  throw new Error("expected the call to throw");
}

describe("errors from the gateway error body", () => {
  test.each([
    [400, "invalid_parameter", InvalidParameterError],
    [400, "invalid_request_body", InvalidRequestBodyError],
    [400, "invalid_username", InvalidUsernameError],
    [401, "unauthorized", UnauthorizedError],
    [403, "subuser_scope_mismatch", SubuserScopeMismatchError],
    [404, "session_not_found", SessionNotFoundError],
    [404, "product_has_no_sessions", ProductHasNoSessionsError],
    [404, "subuser_not_found", SubuserNotFoundError],
    [404, "not_found", NotFoundError],
    [405, "method_not_allowed", MethodNotAllowedError],
    [400, "malformed_request", MalformedRequestError],
    [408, "malformed_request", MalformedRequestError],
    [431, "malformed_request", MalformedRequestError],
    [429, "rate_limited", RateLimitedError],
    [500, "internal_error", InternalServerError],
    [503, "service_unavailable", ServiceUnavailableError],
    [409, "idempotency_key_in_use", IdempotencyKeyInUseError],
    [400, "idempotency_key_reused", IdempotencyKeyReusedError],
  ] as const)(
    "%i %s is a %O carrying status, code, message, request id and body",
    async (status, code, ErrorClass) => {
      const client = clientAnswering(() => gatewayError(status, code));
      const error = await caught(client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5"));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(SessionsApiError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(ErrorClass.name);
      expect(error).toMatchObject({ status, code, message: `${code} happened`, requestId: "req_gateway" });
      expect(error.body).toEqual({ error: { code, message: `${code} happened`, request_id: "req_gateway" } });
    },
  );

  test("a gateway 404 for a session is also a NotFoundError", async () => {
    const client = clientAnswering(() => gatewayError(404, "session_not_found"));
    await expect(client.gateway.sessions.terminate("mobile", "ses_01HX2K3PQ4M5")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  test("invalid_parameter names the parameter at fault", async () => {
    const client = clientAnswering(() => gatewayError(400, "invalid_parameter", { param: "cursor" }));
    const error = await caught(client.gateway.sessions.listPage("residential", { cursor: "nope" }));
    expect(error.param).toBe("cursor");
  });

  test("invalid_username carries the grammar rule it breaks", async () => {
    const client = clientAnswering(() =>
      gatewayError(400, "invalid_username", { param: "username", reason: "sesstime_out_of_range" }),
    );
    const { error, response } = await client.raw.POST("/sandbox/v1/{product}/traffic", {
      params: { path: { product: "residential" } },
      body: {
        username: "user-sub_abcd-region-us-session-a-sesstime-2000",
        requests: [],
        reassign_exit_ip: false,
      },
    });
    const thrown = SessionsApiError.fromResponse(response, error);
    expect(thrown).toBeInstanceOf(InvalidUsernameError);
    expect((thrown as InvalidUsernameError).reason).toBe("sesstime_out_of_range");
  });
});

describe("errors from the application-sessions error body", () => {
  test.each([
    [400, "ERR_INVALID_PARAMETER", InvalidParameterError],
    [400, "ERR_INVALID_REQUEST_BODY", InvalidRequestBodyError],
    [401, "ERR_UNAUTHORIZED", UnauthorizedError],
    [404, "ERR_NOT_FOUND", NotFoundError],
    [405, "ERR_METHOD_NOT_ALLOWED", MethodNotAllowedError],
    [431, "ERR_MALFORMED_REQUEST", MalformedRequestError],
    [429, "ERR_RATE_LIMITED", RateLimitedError],
    [500, "ERR_INTERNAL", InternalServerError],
    [503, "ERR_INTERNAL", ServiceUnavailableError],
    [409, "ERR_CONFLICT", IdempotencyKeyInUseError],
  ] as const)(
    "%i %s is a %O carrying status, code, message, request id and body",
    async (status, code, ErrorClass) => {
      const client = clientAnswering(() => appError(status, code, { param: "limit" }));
      const error = await caught(client.app.sessions.get("as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({
        status,
        code,
        message: `${code} happened`,
        requestId: "req_app",
        param: "limit",
      });
      expect(error.body).toEqual({
        error_code: code,
        status_code: status,
        msg: `${code} happened`,
        details: { operation_id: "req_app", param: "limit" },
      });
    },
  );

  test("deleting a missing application session throws NotFoundError", async () => {
    const client = clientAnswering(() => appError(404, "ERR_NOT_FOUND"));
    await expect(client.app.sessions.delete("as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("RateLimitedError", () => {
  test("reads retryAfter in seconds from the Retry-After header of either body style", async () => {
    for (const response of [
      () => gatewayError(429, "rate_limited", {}, { "retry-after": "7" }),
      () => appError(429, "ERR_RATE_LIMITED", {}, { "retry-after": "7" }),
    ]) {
      const error = await caught(clientAnswering(response).app.sessions.listPage());
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfter).toBe(7);
    }
  });

  test("has retryAfter null without the header", async () => {
    const error = await caught(
      clientAnswering(() => gatewayError(429, "rate_limited")).gateway.sessions.listPage("mobile"),
    );
    expect((error as RateLimitedError).retryAfter).toBeNull();
  });
});

describe("error bodies that are not the API's", () => {
  test("a proxy's HTML 502 is a SessionsApiError with code null, the status and the text", async () => {
    const client = clientAnswering(
      () =>
        new Response("<h1>Bad Gateway</h1>", {
          status: 502,
          statusText: "Bad Gateway",
          headers: { "x-request-id": "req_lb" },
        }),
    );
    const error = await caught(client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5"));
    expect(error.constructor).toBe(SessionsApiError);
    expect(error).toMatchObject({ status: 502, code: null, requestId: "req_lb", body: null });
    expect(error.message).toBe("HTTP 502 Bad Gateway: <h1>Bad Gateway</h1>");
  });

  test("picks the class from the status when the body has no code", async () => {
    const error = await caught(
      clientAnswering(() => json(404, { message: "nope" })).app.sessions.get("as_x"),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBeNull();
  });

  test.each([408, 431])(
    "a bare %i (a proxy's, without the API's body) is a MalformedRequestError",
    async (status) => {
      const error = await caught(
        clientAnswering(() => new Response(null, { status })).gateway.sessions.get(
          "residential",
          "ses_01HX2K3PQ4M5",
        ),
      );
      expect(error).toBeInstanceOf(MalformedRequestError);
      expect(error).toMatchObject({ status, code: null });
    },
  );

  test("takes the request id from X-Request-Id when the body lacks one", async () => {
    const error = await caught(
      clientAnswering(
        () => new Response(null, { status: 500, headers: { "x-request-id": "req_h" } }),
      ).app.sessions.listPage(),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.requestId).toBe("req_h");
  });
});

describe("the raw client", () => {
  test("keeps openapi-fetch's contract: errors are returned, not thrown", async () => {
    const client = clientAnswering(() => gatewayError(404, "session_not_found"));
    const { data, error, response } = await client.raw.GET("/v1/{product}/sessions/{id}", {
      params: { path: { product: "residential", id: "ses_01HX2K3PQ4M5" } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual({
      error: { code: "session_not_found", message: "session_not_found happened", request_id: "req_gateway" },
    });
  });

  test("returns data on success", async () => {
    const client = clientAnswering(() => json(200, { now: "2026-05-28T07:00:00Z", offset_seconds: 0 }));
    const { data, error } = await client.raw.GET("/sandbox/clock");
    expect(error).toBeUndefined();
    expect(data).toEqual({ now: "2026-05-28T07:00:00Z", offset_seconds: 0 });
  });
});
