/**
 * Request-line mutations: methods other than the operation's (another of its path's, unknown ones,
 * lower-case and non-ASCII ones), paths with dot segments (back out and into another operation's path,
 * above the root) or otherwise odd (trailing slash, case, encoded letters, absolute form), versions other
 * than HTTP/1.1.
 */
import fc from "fast-check";
import { mostly } from "./header-arbitrary.js";
import { pathOf } from "./spec-request.js";
import type { FuzzSpec, SpecOperation } from "./spec-walk.js";

/** Turns a path into one with dot segments: the same route, another route, or out of the root. */
function dotSegmentsArbitrary(spec: FuzzSpec, path: string): fc.Arbitrary<string> {
  const dots = fc.constantFrom("..", "%2e%2e", "%2E%2E", ".%2e", "%2e.");
  const dot = fc.constantFrom(".", "%2e", "%2E");
  const segments = path.split("/").filter((segment) => segment !== "");
  const otherPaths = spec.operations.map((operation) => pathOf(operation, {}, () => "x"));
  return fc.oneof(
    // back out of every segment, then down into another operation's path
    fc
      .tuple(dots, fc.constantFrom(...otherPaths))
      .map(([up, other]) => `${path}${`/${up}`.repeat(segments.length)}${other}`),
    // a same-place segment in the middle
    fc
      .tuple(dot, fc.nat({ max: segments.length }))
      .map(([here, at]) => `/${[...segments.slice(0, at), here, ...segments.slice(at)].join("/")}`),
    // up and back down to the same segment
    fc
      .tuple(dots, fc.nat({ max: Math.max(0, segments.length - 1) }))
      .map(([up, at]) => `/${[...segments.slice(0, at + 1), up, ...segments.slice(at)].join("/")}`),
    // above the root
    fc.tuple(dots).map(([up]) => `/${up}${path}`),
  );
}

/** The path changed one way, with a tag saying how, for the case's label. */
export function pathMutationArbitrary(
  spec: FuzzSpec,
  host: string,
  path: string,
): fc.Arbitrary<{ path: string; tag: string }> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: dotSegmentsArbitrary(spec, path).map((dotted) => ({ path: dotted, tag: "dot segments" })),
    },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(
          `${path}/`,
          `/${path}`,
          path.replace("/", "//"),
          path.toUpperCase(),
          path.replace(/[a-z]/, (letter) => `%${letter.charCodeAt(0).toString(16)}`),
          `${path};x=1`,
          `${path}%2F`,
          path.replaceAll("/", "\\"),
          `${path}#fragment`,
          `http://${host}${path}`,
          `https://evil.example${path}`,
          path.slice(0, -1),
          `${path}/extra`,
        )
        .map((odd) => ({ path: odd, tag: odd.startsWith("/") ? "an odd path" : "an absolute-form target" })),
    },
  );
}

/** The operation's method mostly, else another of its path's, an unknown or a malformed one. */
export function methodArbitrary(spec: FuzzSpec, operation: SpecOperation): fc.Arbitrary<string> {
  const samePath = spec.operations
    .filter((other) => other.path === operation.path)
    .map((other) => other.method);
  return mostly(
    fc.constant(operation.method),
    fc.oneof(
      fc.constantFrom(...samePath, ...(operation.method === "GET" ? ["HEAD"] : [])),
      fc.constantFrom(
        "GET",
        "HEAD",
        "POST",
        "PUT",
        "PATCH",
        "DELETE",
        "OPTIONS",
        "TRACE",
        "PROPFIND",
        "SEARCH",
        "QUERY",
      ),
      fc.constantFrom("get", "Get", "GETT", "G\u00c9T", "X".repeat(64), "M-SEARCH", "BREW"),
    ),
    10,
  );
}

/** HTTP/1.1 nearly always, else another version, none, or a malformed one. */
export const versionArbitrary: fc.Arbitrary<string> = mostly(
  fc.constant("HTTP/1.1"),
  fc.constantFrom("HTTP/1.0", "", "HTTP/1.2", "HTTP/2.0", "http/1.1", "HTTP/1.1 extra", "HTTP/1.10"),
  40,
);
