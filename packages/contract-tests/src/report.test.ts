import { describe, expect, test } from "vitest";
import { formatFailureReport, formatViolation } from "./report.js";

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
    expect(formatFailureReport("server", [], [])).toBe("Contract report (server): every case passed.");
  });

  test("groups contract violations by operation and lists other failures after them", () => {
    const report = formatFailureReport(
      "proxy",
      [
        { test: "a", file: "test/x.test.ts", message: "getSession: ... breaks the contract:" },
        { test: "pages to the end", file: "test/y.test.ts", message: "expected 3 to be 4\nmore" },
      ],
      [exchange],
    );
    expect(report).toMatchInlineSnapshot(`
      "Contract report (proxy): 2 failed case(s).

      getSession
        GET /v1/residential/sessions/ses_01HX2K3PQ4M5 -> 200
          - body /asn: must be integer; actual "7922"
          - header Retry-After: required header is missing
          - status: not documented; expected 200 | 404; actual 410

      Other failed cases
        test/y.test.ts > pages to the end
          expected 3 to be 4"
    `);
  });
});
