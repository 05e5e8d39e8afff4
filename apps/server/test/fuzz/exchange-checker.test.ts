import { describe, expect, test } from "vitest";
import type { Exchange, FuzzCase } from "./exchange.js";
import { type CheckContext, checkExchange } from "./exchange-checker.js";
import type { WireAnswer, WireRequest } from "./http-wire.js";
import { judgeRequest } from "./request-oracle.js";
import { readFuzzSpec } from "./spec-walk.js";

const spec = readFuzzSpec();
const context: CheckContext = {
  spec,
  accounts: new Map([
    ["sk_demo_full", "acct_demo"],
    ["sk_demo_other", "acct_other"],
  ]),
  ownersOf: (value) => (value === "ses_01HX2K3PQ4M5" ? new Set(["acct_demo"]) : undefined),
  idleTimeoutMs: 8000,
};

const get = (target: string, key = "sk_demo_full"): WireRequest => ({
  method: "GET",
  target,
  version: "HTTP/1.1",
  headers: [
    ["Host", "127.0.0.1:8080"],
    ["Authorization", `Bearer ${key}`],
  ],
  body: Buffer.alloc(0),
});

const answer = (status: number, body: unknown, headers: [string, string][] = []): WireAnswer => ({
  status,
  head: `HTTP/1.1 ${status}`,
  headers: [["content-type", "application/json"], ["x-request-id", "req_1"], ...headers],
  body: Buffer.from(body === undefined ? "" : JSON.stringify(body)),
});

const gatewayError = (code: string) => ({ error: { code, message: "m", request_id: "req_1" } });

const exchangeOf = (
  fuzzCase: Partial<FuzzCase>,
  answers: WireAnswer[],
  end: Exchange["end"] = "answered",
): Exchange => ({
  fuzzCase: { label: "request", requests: [], tail: Buffer.alloc(0), ending: "answers", ...fuzzCase },
  answers,
  end,
  readProblem: undefined,
  socketError: undefined,
});

const kinds = (exchange: Exchange) => checkExchange(context, exchange).map((finding) => finding.kind);

describe("judgeRequest", () => {
  test("finds the operation, decoding percent-encoded unreserved characters of the path", () => {
    expect(judgeRequest(context, get("/v1/residenti%61l/sessions")).operation?.id).toBe(
      "listResidentialSessions",
    );
    expect(judgeRequest(context, get("/v1/residential/sessions/ses_01HX2K3PQ4M5")).operation?.id).toBe(
      "getSession",
    );
  });

  test("reaches no operation through dot segments, plain or encoded", () => {
    const judgement = judgeRequest(context, get("/app/%2e%2e/v1/residential/sessions"));
    expect(judgement).toMatchObject({
      dotSegments: true,
      operation: undefined,
      families: ["gateway", "app"],
    });
  });

  test("names the rules a request breaks, and only those", () => {
    expect(judgeRequest(context, get("/v1/residential/sessions?limit=0&colour=red")).violations).toEqual([
      "unknown query parameter",
      "query limit breaks its schema",
    ]);
    // read leniently: " 5" is the number 5
    expect(judgeRequest(context, get("/v1/residential/sessions?limit=%205")).violations).toEqual([]);
    // an operation without query parameters ignores them, as the conventions allow
    expect(judgeRequest(context, get("/sandbox/clock?colour=red")).violations).toEqual([]);
    expect(judgeRequest(context, get("/sandbox/clock", "sk_nope")).violations).toEqual(["unknown API key"]);
  });

  test("says when a path names another account's id", () => {
    const judgement = judgeRequest(
      context,
      get("/v1/residential/sessions/ses_01HX2K3PQ4M5", "sk_demo_other"),
    );
    expect(judgement.violations).toEqual(["path id is another account's"]);
  });
});

describe("checkExchange", () => {
  test("finds nothing wrong with a documented answer whose body fits its schema", () => {
    const exchange = exchangeOf({ requests: [get("/sandbox/clock")] }, [
      answer(200, { now: "2026-05-28T07:00:00Z", offset_seconds: 0 }),
    ]);
    expect(kinds(exchange)).toEqual([]);
  });

  test("finds a 5xx, an undocumented status, and a body that breaks its schema", () => {
    expect(
      kinds(exchangeOf({ requests: [get("/sandbox/clock")] }, [answer(500, gatewayError("internal_error"))])),
    ).toEqual(["500 for getClock"]);
    expect(
      kinds(
        exchangeOf({ requests: [get("/sandbox/clock")] }, [answer(400, gatewayError("invalid_parameter"))]),
      ),
    ).toEqual(["undocumented 400 for getClock"]);
    expect(
      kinds(
        exchangeOf({ requests: [get("/sandbox/clock")] }, [
          answer(200, { now: "yesterday", offset_seconds: 0 }),
        ]),
      ),
    ).toEqual(['a body that breaks Clock (/now: must match format "date-time") on a 200 for getClock']);
  });

  test("sums up Node's own bare answer as one finding", () => {
    const bare: WireAnswer = {
      status: 400,
      head: "HTTP/1.1 400",
      headers: [["connection", "close"]],
      body: Buffer.alloc(0),
    };
    expect(kinds(exchangeOf({ requests: [get("/sandbox/clock")] }, [bare]))).toEqual([
      "a bare 400 (no body, no X-Request-Id, no Content-Type): Node answered, not the server",
    ]);
  });

  test("finds a 2xx for a request that breaks a rule", () => {
    const exchange = exchangeOf({ requests: [get("/v1/residential/sessions?limit=0")] }, [
      answer(200, { data: [], next_cursor: null }),
    ]);
    expect(kinds(exchange)).toEqual([
      "200 for a request that breaks a rule: query limit breaks its schema (listResidentialSessions)",
    ]);
  });

  test("owes an answer to every whole pipelined request before the garbage after them", () => {
    const exchange = exchangeOf(
      {
        label: "3 pipelined + garbage",
        requests: [get("/healthz"), get("/healthz"), get("/healthz")],
        tail: Buffer.from("\u0000"),
        ending: "server-close",
        wellFormed: true,
      },
      [
        answer(200, { status: "ok", store: "pglite" }),
        answer(400, gatewayError("malformed_request"), [["connection", "close"]]),
      ],
      "server-closed",
    );
    expect(kinds(exchange)).toEqual([
      "connection closed with a whole request unanswered (pipelined + garbage)",
    ]);
  });

  test("names the family a malformed_request answer should have used, once whatever the request", () => {
    const appMalformed = {
      error_code: "ERR_MALFORMED_REQUEST",
      status_code: 400,
      msg: "m",
      details: { operation_id: "req_1" },
    };
    const exchange = exchangeOf(
      {
        label: "1 pipelined + garbage",
        requests: [get("/app/sessions")],
        tail: Buffer.from("\u0000"),
        ending: "server-close",
        wellFormed: true,
      },
      [
        answer(200, { application_sessions: [], uri: "http://x/app/sessions", next_page_uri: null }),
        answer(400, appMalformed),
      ],
      "server-closed",
    );
    expect(kinds(exchange)).toEqual([
      "malformed_request in AppError where the request's path says GatewayError",
    ]);
  });

  test("wants 405 with Allow for an unsupported method, 404 for an unknown path", () => {
    const post = { ...get("/sandbox/clock"), method: "PUT" };
    expect(
      kinds(
        exchangeOf({ requests: [post] }, [
          answer(405, gatewayError("method_not_allowed"), [["allow", "GET, HEAD"]]),
        ]),
      ),
    ).toEqual([]);
    expect(
      kinds(exchangeOf({ requests: [post] }, [answer(405, gatewayError("method_not_allowed"))])),
    ).toEqual([
      "no Allow header on a 405 for PUT on /sandbox/clock",
      "Allow without GET on a 405 for PUT on /sandbox/clock",
    ]);
    expect(kinds(exchangeOf({ requests: [get("/nope")] }, [answer(200, {})]))).toEqual([
      "an answer other than the convention's for an unknown path",
    ]);
  });
});
