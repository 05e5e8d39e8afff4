import { describe, expect, test } from "vitest";
import { ApiError } from "./errors.js";
import { validateBody, validateParameters } from "./request-validation.js";
import { specOperation } from "./spec-operations.js";

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError)
      return { code: error.code, message: error.message, param: error.details.param };
    throw error;
  }
  throw new Error("expected a validation failure");
};

describe("validateParameters", () => {
  const list = specOperation("listResidentialSessions");

  test("coerces query strings to the schema's types and fills in the spec's defaults", () => {
    const { query } = validateParameters(list, {}, new URLSearchParams("asn=7922&repinned=false&region=us"));
    expect(query).toEqual({ asn: 7922, repinned: false, region: "us", status: "active", limit: 50 });
  });

  test("rejects a query parameter the operation does not define, naming the ones it takes", () => {
    expect(failure(() => validateParameters(list, {}, new URLSearchParams("sub_user=sub_acme")))).toEqual({
      code: "invalid_parameter",
      param: "sub_user",
      message:
        "Unknown query parameter sub_user: this operation takes subuser, session_id, region, asn, repinned, status, limit, cursor.",
    });
  });

  test("ignores query parameters on an operation that takes none (it documents no 400)", () => {
    expect(validateParameters(specOperation("getClock"), {}, new URLSearchParams("x=1")).query).toEqual({});
  });

  test.each([
    ["limit=0", "limit", "limit must be an integer from 1 to 200; got 0."],
    ["status=gone", "status", 'status must be one of active, terminated, all; got "gone".'],
    ["repinned=1", "repinned", "repinned must be true or false; got 1."],
    [
      "subuser=x",
      "subuser",
      'subuser must be sub-user id, `sub_` followed by 4 to 32 letters or digits; got "x".',
    ],
  ])("%s fails naming %s with what was expected", (search, param, message) => {
    expect(failure(() => validateParameters(list, {}, new URLSearchParams(search)))).toEqual({
      code: "invalid_parameter",
      param,
      message,
    });
  });

  test("quotes only the start of a long value, with its length", () => {
    const long = "x".repeat(5000);
    expect(
      failure(() => validateParameters(list, {}, new URLSearchParams(`session_id=${long}`))),
    ).toMatchObject({
      param: "session_id",
      message: expect.stringMatching(new RegExp(`; got "${"x".repeat(64)}"… \\(5000 characters\\)\\.$`)),
    });
  });

  test("validates path parameters", () => {
    const get = specOperation("getSession");
    expect(
      validateParameters(get, { product: "isp", id: "ses_01HX2K3PQ4M5" }, new URLSearchParams()).path,
    ).toEqual({
      product: "isp",
      id: "ses_01HX2K3PQ4M5",
    });
    // any id is looked up; only a value that cannot be one is refused here
    expect(
      validateParameters(get, { product: "residential", id: "ses_1" }, new URLSearchParams()).path,
    ).toEqual({ product: "residential", id: "ses_1" });
    expect(
      failure(() => validateParameters(get, { product: "isp", id: "x".repeat(129) }, new URLSearchParams())),
    ).toEqual({
      code: "invalid_parameter",
      param: "id",
      message: `id must be an id of any shape, up to 128 characters, with no control character; got "${"x".repeat(64)}"… (129 characters).`,
    });
  });
});

describe("validateBody", () => {
  test("a value that is in none of several formats is told the formats in one phrase", () => {
    const create = specOperation("createApplicationSession");
    expect(failure(() => validateBody(create, '{"ip_address": "999.1.1.1"}'))).toEqual({
      code: "invalid_request_body",
      param: "ip_address",
      message: "ip_address must be in the format ipv4 or ipv6.",
    });
  });

  test("parses, validates and fills in top-level defaults", () => {
    const body = validateBody(
      specOperation("reportTraffic"),
      JSON.stringify({
        username: "user-sub_abcd-region-us-session-a-sesstime-30",
        requests: [
          { method: "GET", target_host: "a", target_port: 1, status_code: 200, bytes: 0, duration_ms: 0 },
        ],
      }),
    );
    expect(body).toMatchObject({ reassign_exit_ip: false });
  });

  test("an empty optional body reads as an empty object with defaults", () => {
    expect(validateBody(specOperation("createApplicationSession"), "")).toEqual({
      agent_initiated: false,
      ttl_seconds: 86400,
    });
  });

  test.each([
    ["", undefined, "A JSON body is required."],
    ["[]", undefined, "The JSON body must be object."],
    ['{"seconds": 0}', "seconds", "seconds must be >= 1."],
    ['{"seconds": 5, "x": 1}', "x", "x is not a known field."],
    ["{}", "seconds", "seconds is required."],
  ])("%j fails with param %s", (text, param, message) => {
    expect(failure(() => validateBody(specOperation("advanceClock"), text))).toEqual({
      code: "invalid_request_body",
      param,
      message,
    });
  });
});
