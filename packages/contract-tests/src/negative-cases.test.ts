import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  acceptsParameterValue,
  generateNegativeCases,
  invalidBodyArbitrary,
  invalidParameterValues,
  invalidValueArbitrary,
} from "./negative-cases.js";
import { loadSpecModel } from "./spec-model.js";

const model = loadSpecModel();
const parameters = model.operations.flatMap((operation) =>
  operation.parameters.map((parameter) => ({
    operation,
    parameter,
    label: `${operation.operationId} ${parameter.name}`,
  })),
);
const cases = generateNegativeCases(model);

describe("invalidParameterValues", () => {
  test.each(parameters)("gives $label only values its schema rejects, at least one", ({ parameter }) => {
    const values = invalidParameterValues(model, parameter);
    expect(values.length).toBeGreaterThan(0);
    for (const { value } of values) expect(acceptsParameterValue(model, parameter, value)).toBe(false);
    expect(acceptsParameterValue(model, parameter, String(parameter.example))).toBe(true);
  });

  test("covers wrong type, both ends of the range and unknown enum values", () => {
    const limit = model.operation("listResidentialSessions").parameters.find((p) => p.name === "limit");
    const status = model.operation("listResidentialSessions").parameters.find((p) => p.name === "status");
    if (!limit || !status) throw new Error("the spec lost limit or status");
    expect(invalidParameterValues(model, limit).map((v) => v.value)).toEqual(["abc", "1.5", "0", "201"]);
    expect(invalidParameterValues(model, status).map((v) => v.value)).toContain("unknown_value");
  });
});

describe("generateNegativeCases", () => {
  test("gives every operation with parameters, body or key at least one case", () => {
    const covered = new Set(cases.map((c) => c.operationId));
    const expected = model.operations.filter(
      (op) => op.parameters.length > 0 || op.requestBody || op.authenticated,
    );
    expect([...covered].sort()).toEqual(expected.map((op) => op.operationId).sort());
  });

  test("asks for 401 without a key on every authenticated operation, and never on getHealth", () => {
    const missingKey = cases.filter((c) => c.apiKey === null).map((c) => c.operationId);
    expect(missingKey).toEqual(model.operations.filter((op) => op.authenticated).map((op) => op.operationId));
    expect(missingKey).not.toContain("getHealth");
  });

  test("expects the family's own code and names the culprit", () => {
    expect(cases).toContainEqual(
      expect.objectContaining({
        operationId: "getApplicationSession",
        // an id of any other shape is looked up (404); only one that cannot be an id is a 400
        path: { id: "a".repeat(129) },
        expect: { status: 400, code: "ERR_INVALID_PARAMETER", param: "id" },
      }),
    );
    expect(cases).toContainEqual(
      expect.objectContaining({
        operationId: "advanceClock",
        body: { seconds: 0 },
        expect: { status: 400, code: "invalid_request_body", param: "seconds" },
      }),
    );
  });

  test("sends an undefined query parameter to every operation that takes query parameters, and only those", () => {
    const unknownParameter = cases.filter((c) => "not_a_parameter" in c.query).map((c) => c.operationId);
    expect(unknownParameter.sort()).toEqual([
      "listApplicationSessions",
      "listMobileSessions",
      "listResidentialSessions",
    ]);
  });

  test("marks what only a real server can answer, with the reason", () => {
    const unknownKey = cases.find((c) => c.operationId === "getClock" && c.apiKey === "sk_unknown_key");
    expect(unknownKey?.mockCannot).toMatch(/any bearer token/);
    const missingKey = cases.find((c) => c.operationId === "getClock" && c.apiKey === null);
    expect(missingKey?.proxyBypass).toMatch(/missing bearer token/);
  });
});

describe("invalidBodyArbitrary", () => {
  const withBody = model.operations.filter((operation) => operation.requestBody);
  test.each(withBody.map((operation) => ({ operation, label: operation.operationId })))(
    "never yields a body that $label's schema accepts",
    ({ operation }) => {
      const schema = operation.requestBody?.schema ?? {};
      fc.assert(
        fc.property(
          invalidBodyArbitrary(model, operation),
          (body) => !model.validator.validate(schema, body).valid,
        ),
        { seed: 1, numRuns: 200 },
      );
    },
  );
});

describe("invalidValueArbitrary", () => {
  test.each(parameters)("never yields a value that $label accepts", ({ parameter }) => {
    fc.assert(
      fc.property(
        invalidValueArbitrary(model, parameter),
        (value) => !acceptsParameterValue(model, parameter, value),
      ),
      { seed: 1, numRuns: 200 },
    );
  });

  test("keeps path values free of segments a router would normalise away", () => {
    const id = model.operation("getSession").parameters.find((p) => p.name === "id");
    if (!id) throw new Error("the spec lost getSession's id");
    for (const value of fc.sample(invalidValueArbitrary(model, id), { seed: 7, numRuns: 300 })) {
      expect(value).not.toMatch(/^\.\.?$|\//);
    }
  });
});
