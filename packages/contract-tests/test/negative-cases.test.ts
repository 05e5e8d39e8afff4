/**
 * Bad input, generated from the spec: every operation and parameter gets values its schema rejects,
 * bodies go missing or malformed, the API key goes missing or unknown. Each must get the documented
 * 4xx in its family's error body, naming the culprit; never a 5xx and never a hang (the client's
 * per-request timeout fails a case that gets no answer). fast-check adds generated values with a fixed
 * seed, so a failure reproduces.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { NegativeCase } from "../src/negative-cases.js";
import {
  errorCodeOf,
  errorParamOf,
  generateNegativeCases,
  invalidBodyArbitrary,
  invalidValueArbitrary,
  validBaseline,
} from "../src/negative-cases.js";
import { useTarget } from "../src/target-context.js";

const target = useTarget();
const client = target.client();
const model = client.model;
const seed = 20_260_528;

// On the proxy, the cases Prism does not pass on (a missing bearer token, which it answers itself; a
// body that does not parse, which it never answers) go to the server directly; an unknown key still
// goes through Prism, which validates the server's 401.
const clientFor = (negative: NegativeCase) =>
  target.name === "proxy" && negative.proxyBypass !== undefined ? target.directClient() : client;

// The sandbox operations exist only on some implementations: their cases run where the target has them.
const productionOperations = model.operations.filter((operation) => !operation.sandbox);
const sandboxOperations = model.operations.filter((operation) => operation.sandbox);
const groups = [
  { label: "", operations: productionOperations, options: {} },
  {
    label: " (sandbox operations)",
    operations: sandboxOperations,
    options: target.requires("sandboxOperations"),
  },
];

for (const { label, operations, options } of groups) {
  const covers = (operationId: string) =>
    operations.some((operation) => operation.operationId === operationId);

  describe(
    `every operation answers bad input with its documented 4xx, in its family's error body${label}`,
    options,
    () => {
      const cases = generateNegativeCases(model).filter(
        (c) => covers(c.operationId) && (target.stateful || c.mockCannot === undefined),
      );
      test.each(cases)("$operationId: $name -> $expect.status", async (negative) => {
        const response = await clientFor(negative).call(negative.operationId, {
          path: negative.path,
          query: negative.query,
          body: negative.body,
          ...(negative.rawBody === undefined ? {} : { rawBody: negative.rawBody }),
          ...(negative.apiKey === undefined ? {} : { apiKey: negative.apiKey }),
          ...(negative.headers === undefined ? {} : { headers: negative.headers }),
          expect: negative.expect.status,
        });
        // Prism's mock serves the spec's example body, so only a server is held to the code and the param
        if (target.stateful) {
          expect(errorCodeOf(response.body)).toBe(negative.expect.code);
          if (negative.expect.param) expect(errorParamOf(response.body)).toBe(negative.expect.param);
        }
      });
    },
  );

  describe(
    `generated values that a parameter's schema rejects get 400 naming the parameter${label}`,
    options,
    () => {
      const parameters = operations.flatMap((operation) =>
        operation.parameters
          .filter((parameter) => parameter.in === "query" || parameter.in === "path")
          .map((parameter) => ({
            operation,
            parameter,
            label: `${operation.operationId} ${parameter.in} ${parameter.name}`,
          })),
      );
      test.each(parameters)("$label", async ({ operation, parameter }) => {
        const base = validBaseline(operation);
        await fc.assert(
          fc.asyncProperty(invalidValueArbitrary(model, parameter), async (value) => {
            const response = await client.call(operation.operationId, {
              path: parameter.in === "path" ? { ...base.path, [parameter.name]: value } : base.path,
              query: parameter.in === "query" ? { [parameter.name]: value } : {},
              body: base.body,
              expect: 400,
            });
            if (target.stateful) expect(errorParamOf(response.body)).toBe(parameter.name);
          }),
          { seed, numRuns: 12, endOnFailure: true },
        );
      });
    },
  );

  // no production operation takes a body: the group exists for the sandbox's
  const withBody = operations.filter((operation) => operation.requestBody);
  if (withBody.length === 0) continue;
  describe(
    `generated request bodies that the body schema rejects get 400 in the family's body${label}`,
    options,
    () => {
      test.each(withBody.map((operation) => ({ operation, label: operation.operationId })))(
        "$label",
        async ({ operation }) => {
          const base = validBaseline(operation);
          const codes =
            operation.family === "app"
              ? ["ERR_INVALID_REQUEST_BODY"]
              : ["invalid_request_body", "invalid_username"];
          await fc.assert(
            fc.asyncProperty(invalidBodyArbitrary(model, operation), async (body) => {
              // Prism 5.14.2's proxy forwards a falsy JSON body (false, 0, null, "") as no body at all
              const via = target.name === "proxy" && !body ? target.directClient() : client;
              const response = await via.call(operation.operationId, { path: base.path, body, expect: 400 });
              if (target.stateful) expect(codes).toContain(errorCodeOf(response.body));
            }),
            { seed, numRuns: 25, endOnFailure: true },
          );
        },
      );
    },
  );
}
