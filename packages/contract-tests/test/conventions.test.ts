/**
 * The conventions of the spec's description that no single operation documents: a method a path does
 * not support gets `405 method_not_allowed` with `Allow`, and a path that does not exist gets `404
 * not_found`, each in the error body of the family the path belongs to. Prism answers both itself (with
 * problem+json), so these run against the server only: on the server target, and directly on the
 * server beside the proxy.
 */
import { describe, expect, test } from "vitest";
import { errorCodeOf, validBaseline } from "../src/negative-cases.js";
import { subjectOfUnknownPath, subjectOfUnsupportedMethod } from "../src/response-check.js";
import { fillPath, httpMethods } from "../src/spec-model.js";
import { useTarget } from "../src/target-context.js";

const target = useTarget();
const client = target.directClient();
const model = client.model;

describe("the spec's conventions for unknown paths and methods", target.requires("ownRouting"), () => {
  const unsupported = [...model.paths].flatMap(([path, methods]) =>
    httpMethods
      .filter(
        (method) => !methods.includes(method) && ["get", "post", "put", "patch", "delete"].includes(method),
      )
      .map((method) => ({ path, method: method.toUpperCase() })),
  );
  test.each(unsupported)("$method $path is 405 method_not_allowed with Allow", async ({ path, method }) => {
    const operation = model.operations.find((op) => op.path === path);
    const url = fillPath(path, operation ? validBaseline(operation).path : {});
    const response = await client.send(subjectOfUnsupportedMethod(model, path), method, url, { expect: 405 });
    expect(errorCodeOf(response.body)).toBe(
      operation?.family === "app" ? "ERR_METHOD_NOT_ALLOWED" : "method_not_allowed",
    );
  });

  test.each([
    { family: "gateway" as const, url: "/v1/residential/nothing-here", code: "not_found" },
    { family: "gateway" as const, url: "/v2/residential/sessions", code: "not_found" },
    { family: "app" as const, url: "/app/nothing-here", code: "ERR_NOT_FOUND" },
    { family: "app" as const, url: "/sandbox/app/nothing-here", code: "ERR_NOT_FOUND" },
  ])("GET $url is 404 in the $family error body", async ({ family, url, code }) => {
    const response = await client.send(subjectOfUnknownPath(family), "GET", url, { expect: 404 });
    expect(errorCodeOf(response.body)).toBe(code);
  });
});
