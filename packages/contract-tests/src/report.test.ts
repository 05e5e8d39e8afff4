import { describe, expect, test } from "vitest";
import { formatFailureReport, formatSkipReport, formatViolation } from "./report.js";

const exchange = {
  label: "getSession",
  method: "GET",
  url: "/v1/residential/sessions/ses_01HX2K3PQ4M5",
  status: 200,
  problems: [
    { where: "body /asn", message: "must be integer", actual: '"7922"' },
    { where: "header Retry-After", message: "required header is missing" },
    { where: "status", message: "not documented", expected: "200 | 404", actual: "410" },
  ],
};

describe("formatViolation", () => {
  test("names the operation, the request, and each problem with expected and actual", () => {
    expect(formatViolation(exchange)).toMatchInlineSnapshot(`
      "getSession: GET /v1/residential/sessions/ses_01HX2K3PQ4M5 -> 200 breaks the contract:
        - body /asn: must be integer; actual "7922"
        - header Retry-After: required header is missing
        - status: not documented; expected 200 | 404; actual 410"
    `);
  });
});

describe("formatFailureReport", () => {
  test("says so when every case passed", () => {
    expect(formatFailureReport("server", [])).toBe("Contract report (server): every case passed.");
  });

  test("groups contract violations by operation, naming each case, and lists other failures after them", () => {
    const report = formatFailureReport("proxy", [
      {
        test: "reads a session",
        file: "test/x.test.ts",
        message: "getSession: ... breaks the contract:",
        violations: [exchange],
      },
      {
        test: "pages to the end",
        file: "test/y.test.ts",
        message: "expected 3 to be 4\nmore",
        violations: [],
      },
    ]);
    expect(report).toMatchInlineSnapshot(`
      "Contract report (proxy): 2 failed case(s).

      getSession
        GET /v1/residential/sessions/ses_01HX2K3PQ4M5 -> 200
          in test/x.test.ts > reads a session
          - body /asn: must be integer; actual "7922"
          - header Retry-After: required header is missing
          - status: not documented; expected 200 | 404; actual 410

      Other failed cases
        test/y.test.ts > pages to the end
          expected 3 to be 4"
    `);
  });
});

describe("formatSkipReport", () => {
  test("says so when the target skipped nothing", () => {
    expect(formatSkipReport("server", [])).toBe("Skipped on server: nothing.");
  });

  test("lists each skipped group under the reason it was skipped for, and flags a skip without one", () => {
    const stateless = "needs state: the mock is stateless";
    const report = formatSkipReport("mock", [
      { suite: "the test clock", file: "test/test-clock.test.ts", cases: 4, reason: stateless },
      { suite: "rate limits", file: "test/service-and-limits.test.ts", cases: 3, reason: stateless },
      { suite: "mystery", file: "test/x.test.ts", cases: 1, reason: undefined },
    ]);
    expect(report).toMatchInlineSnapshot(`
      "Skipped on mock: 8 case(s) in 3 group(s).

        Because the group needs state: the mock is stateless:
          test/test-clock.test.ts > the test clock (4)
          test/service-and-limits.test.ts > rate limits (3)

        Without a reason (a bug of the suite: every skip must say why):
          test/x.test.ts > mystery (1)"
    `);
  });
});
