/**
 * An injected `fetch` for unit tests, in openapi-fetch's own style: each call is answered by a handler
 * and recorded, so tests assert what was sent without a network mocking library.
 *
 * @example
 * const server = fakeFetch(() => json(200, { data: [], next_cursor: null }));
 * const client = createSessionsClient({ baseUrl: "http://api.test", apiKey: "sk_test", fetch: server.fetch });
 */
import type { SessionsApiErrorBody } from "../src/index.js";

export const BASE_URL = "http://api.test";
export const API_KEY = "sk_test_key";

export interface FakeFetch {
  fetch: (request: Request) => Promise<Response>;
  requests: Request[];
  urls: () => string[];
}

/** Answers every request with `handler` (which may throw, to simulate a network error) and records it. */
export function fakeFetch(
  handler: (request: Request, index: number) => Response | Promise<Response>,
): FakeFetch {
  const requests: Request[] = [];
  return {
    requests,
    urls: () => requests.map((request) => request.url),
    fetch: async (request) => {
      requests.push(request);
      return handler(request, requests.length - 1);
    },
  };
}

/** Answers with the given responses in order (the last one repeats). */
export function sequence(...responses: (() => Response | Promise<Response>)[]): FakeFetch {
  return fakeFetch((_request, index) => {
    const next = responses[Math.min(index, responses.length - 1)];
    if (!next) throw new Error("sequence() needs at least one response");
    return next();
  });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-request-id": "req_from_header", ...headers },
  });
}

export function gatewayError(
  status: number,
  code: Extract<SessionsApiErrorBody, { error: unknown }>["error"]["code"],
  extra: Record<string, string> = {},
  headers: Record<string, string> = {},
): Response {
  return json(
    status,
    { error: { code, message: `${code} happened`, request_id: "req_gateway", ...extra } },
    headers,
  );
}

export function appError(
  status: number,
  code: Extract<SessionsApiErrorBody, { error_code: unknown }>["error_code"],
  details: Record<string, string> = {},
  headers: Record<string, string> = {},
): Response {
  return json(
    status,
    {
      error_code: code,
      status_code: status,
      msg: `${code} happened`,
      details: { operation_id: "req_app", ...details },
    },
    headers,
  );
}

/** A `fetch` that never answers until the request's signal aborts, like a hung server. */
export function hangingFetch(): FakeFetch {
  return fakeFetch(
    (request) =>
      new Promise<Response>((_resolve, reject) => {
        request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
      }),
  );
}

/** A session list item with the given id, valid against the spec's `Session`. */
export function session(id: string) {
  return {
    id,
    product: "residential" as const,
    username: "user-sub_01HX2K3PQ4M5-region-us-session-job1-sesstime-30",
    subuser: "sub_01HX2K3PQ4M5",
    session_id: "job1",
    region: "us",
    state: null,
    city: null,
    asn: 7922,
    exit_ip: "198.51.100.42",
    started_at: "2026-05-28T07:00:00Z",
    expires_at: "2026-05-28T07:30:00Z",
    bytes_used: 0,
    requests: 1,
    repinned: false,
    status: "active" as const,
    terminated_at: null,
  };
}

/** A session as `GET /v1/{product}/sessions/{id}` answers it, valid against the spec's `SessionDetail`. */
export function sessionDetail(id: string) {
  return { ...session(id), samples: [] };
}
