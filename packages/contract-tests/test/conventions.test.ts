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
import { fillPath, httpMethods, isSandboxPath } from "../src/spec-model.js";
import { useTarget } from "../src/target-context.js";

const target = useTarget();
const client = target.directClient();
const model = client.model;

const unsupported = [...model.paths].flatMap(([path, methods]) =>
  httpMethods
    .filter(
      (method) => !methods.includes(method) && ["get", "post", "put", "patch", "delete"].includes(method),
    )
    .map((method) => ({ path, method: method.toUpperCase() })),
);
const unknownPaths = [
  { family: "gateway" as const, url: "/v1/residential/nothing-here", code: "not_found" },
  { family: "gateway" as const, url: "/v2/residential/sessions", code: "not_found" },
  { family: "app" as const, url: "/app/nothing-here", code: "ERR_NOT_FOUND" },
  { family: "app" as const, url: "/sandbox/app/nothing-here", code: "ERR_NOT_FOUND" },
];

async function expectUnsupported({ path, method }: { path: string; method: string }) {
  const operation = model.operations.find((op) => op.path === path);
  const url = fillPath(path, operation ? validBaseline(operation).path : {});
  const response = await client.send(subjectOfUnsupportedMethod(model, path), method, url, { expect: 405 });
  expect(errorCodeOf(response.body)).toBe(
    operation?.family === "app" ? "ERR_METHOD_NOT_ALLOWED" : "method_not_allowed",
  );
}

async function expectUnknown({ family, url, code }: (typeof unknownPaths)[number]) {
  const response = await client.send(subjectOfUnknownPath(family), "GET", url, { expect: 404 });
  expect(errorCodeOf(response.body)).toBe(code);
}

describe("the spec's conventions for unknown paths and methods", target.requires("ownRouting"), () => {
  test.each(unsupported.filter(({ path }) => !isSandboxPath(path)))(
    "$method $path is 405 method_not_allowed with Allow",
    expectUnsupported,
  );
  test.each(unknownPaths.filter(({ url }) => !isSandboxPath(url)))(
    "GET $url is 404 in the $family error body",
    expectUnknown,
  );

  // a target without the sandbox has no such paths at all: what it answers there is its own affair
  describe("on the sandbox's paths", target.requires("sandboxOperations"), () => {
    test.each(unsupported.filter(({ path }) => isSandboxPath(path)))(
      "$method $path is 405 method_not_allowed with Allow",
      expectUnsupported,
    );
    test.each(unknownPaths.filter(({ url }) => isSandboxPath(url)))(
      "GET $url is 404 in the $family error body",
      expectUnknown,
    );
  });
});
