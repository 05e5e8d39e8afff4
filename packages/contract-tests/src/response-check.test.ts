import { describe, expect, test } from "vitest";
import {
  checkResponse,
  type ObservedResponse,
  prismResponseViolations,
  subjectOfOperation,
  subjectOfUnknownPath,
  subjectOfUnsupportedMethod,
} from "./response-check.js";
import { loadSpecModel } from "./spec-model.js";

const model = loadSpecModel();
const getSession = subjectOfOperation(model.operation("getSession"));

const session = {
  id: "ses_01HX2K3PQ4M5",
  product: "residential",
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
  bytes_used: 10,
  requests: 1,
  repinned: false,
  status: "active",
  terminated_at: null,
  samples: [],
};

function observed(status: number, body: unknown, headers: Record<string, string> = {}): ObservedResponse {
  return {
    status,
    headers: new Headers({ "content-type": "application/json", "x-request-id": "req_1", ...headers }),
    text: body === undefined ? "" : JSON.stringify(body),
  };
}

describe("checkResponse", () => {
  test("accepts a response that conforms to the operation's contract", () => {
    expect(checkResponse(model, getSession, observed(200, session))).toEqual([]);
  });

  test("names the field of a wrong type, with expected and actual", () => {
    expect(checkResponse(model, getSession, observed(200, { ...session, asn: "7922" }))).toEqual([
      { where: "body /asn", message: "must be integer", actual: '"7922"' },
    ]);
  });

  test("checks formats, not only types", () => {
    const problems = checkResponse(model, getSession, observed(200, { ...session, started_at: "yesterday" }));
    expect(problems).toEqual([
      { where: "body /started_at", message: 'must match format "date-time"', actual: '"yesterday"' },
    ]);
  });

  test("requires every timestamp in UTC, which format: date-time alone does not", () => {
    const shifted = {
      ...session,
      started_at: "2026-05-28T09:00:00+02:00",
      expires_at: "2026-05-28T07:30:00+00:00",
    };
    expect(checkResponse(model, getSession, observed(200, shifted))).toEqual([
      {
        where: "body /started_at",
        message: "a timestamp must be in UTC (Z)",
        actual: '"2026-05-28T09:00:00+02:00"',
      },
    ]);
  });

  test("rejects a status the operation does not document", () => {
    const [problem] = checkResponse(model, getSession, observed(410, { error: "gone" }));
    expect(problem).toMatchObject({
      where: "status",
      actual: "410",
      expected: "200 | 400 | 401 | 403 | 404 | 429 | 500 | 503",
    });
  });

  test("requires X-Request-Id on every response, and Retry-After on 429", () => {
    const body = { error: { code: "rate_limited", message: "slow down", request_id: "req_1" } };
    const response = observed(429, body);
    response.headers.delete("x-request-id");
    expect(checkResponse(model, getSession, response).map((p) => p.where)).toEqual([
      "header X-Request-Id",
      "header Retry-After",
    ]);
    expect(checkResponse(model, getSession, observed(429, body, { "retry-after": "0" }))).toEqual([
      { where: "header Retry-After", message: "must be >= 1", actual: '"0"' },
    ]);
  });

  test("rejects a body on a response the spec documents without content", () => {
    const subject = subjectOfOperation(model.operation("deleteApplicationSession"));
    expect(checkResponse(model, subject, { ...observed(204, undefined) })).toEqual([]);
    expect(checkResponse(model, subject, observed(204, {}))).toEqual([
      { where: "body", message: "a 204 has no body", actual: '"{}"' },
    ]);
  });

  test("rejects a media type the response does not document", () => {
    const problems = checkResponse(
      model,
      getSession,
      observed(200, session, { "content-type": "text/plain" }),
    );
    expect(problems).toEqual([
      {
        where: "content-type",
        message: "media type is not documented for this response",
        expected: "application/json",
        actual: '"text/plain"',
      },
    ]);
  });

  test("requires an error body to quote the response's request id, and the app family's status", () => {
    const app = subjectOfOperation(model.operation("getApplicationSession"));
    const body = {
      error_code: "ERR_NOT_FOUND",
      status_code: 400,
      msg: "no",
      details: { operation_id: "req_2" },
    };
    expect(checkResponse(model, app, observed(404, body)).map((p) => p.where)).toEqual([
      "body /details/operation_id",
      "body /status_code",
    ]);
  });

  test("holds a 405 to the family body and an Allow header naming the path's methods", () => {
    const subject = subjectOfUnsupportedMethod(model, "/app/sessions/{id}");
    const body = {
      error_code: "ERR_METHOD_NOT_ALLOWED",
      status_code: 405,
      msg: "no",
      details: { operation_id: "req_1" },
    };
    expect(checkResponse(model, subject, observed(405, body, { allow: "GET, DELETE" }))).toEqual([]);
    expect(checkResponse(model, subject, observed(405, body, { allow: "GET" }))).toEqual([
      {
        where: "header Allow",
        message: "must list the path's methods",
        expected: "DELETE, GET",
        actual: '"GET"',
      },
    ]);
  });

  test("holds an unknown path to its family's error body", () => {
    const problems = checkResponse(
      model,
      subjectOfUnknownPath("gateway"),
      observed(404, { error_code: "ERR_NOT_FOUND" }),
    );
    expect(problems.map((p) => p.where)).toContain("body /");
  });
});

describe("prismResponseViolations", () => {
  test("reports what Prism's proxy found wrong with the response, not with the request", () => {
    const headers = new Headers({
      "sl-violations": JSON.stringify([
        {
          location: ["request", "query", "limit"],
          severity: "Error",
          code: "maximum",
          message: "limit must be <= 200",
        },
        {
          location: ["response", "body", "asn"],
          severity: "Error",
          code: "type",
          message: "Response body property asn must be integer",
        },
      ]),
    });
    expect(prismResponseViolations(headers)).toEqual([
      { where: "prism response.body.asn", message: "Response body property asn must be integer" },
    ]);
  });
});
