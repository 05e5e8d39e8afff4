/**
 * A request to an operation of the document, by its parts (path and query parameters, key, JSON body),
 * written as a well-formed HTTP/1.1 request; and the ways a part can be percent-encoded, equivalent or
 * not. The sandbox seeding and follow-up requests are written this way; fuzzed requests take the same
 * parts and mutate them.
 */
import type { WireRequest } from "./http-wire.js";
import type { SpecOperation } from "./spec-walk.js";

/** A request to an operation, by its parts, unencoded. */
export interface SpecRequest {
  operation: SpecOperation;
  path: Record<string, string>;
  query: [string, string][];
  /** The API key; null sends no Authorization header. */
  key: string | null;
  /** A JSON value, or undefined for no body. */
  body?: unknown;
}

/** How a path segment or query component is percent-encoded. */
export type Encoding =
  | "standard"
  | "every-byte"
  | "lower-hex"
  | "plus-for-space"
  | "raw"
  | "double"
  | "broken";

const everyByte = (text: string) =>
  [...Buffer.from(text, "utf8")]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`)
    .join("");

// a lone surrogate has no UTF-8 form: encodeURIComponent throws, Buffer writes U+FFFD's bytes
function encodeUtf8(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return everyByte(text);
  }
}

/**
 * `text` encoded for a path segment or a query component. `standard`, `every-byte`, `lower-hex` and (in a
 * query) `plus-for-space` decode back to `text`; `raw`, `double` and `broken` do not, or not reliably.
 *
 * @example
 * encodeComponent("a b", "plus-for-space"); // "a+b"
 */
export function encodeComponent(text: string, encoding: Encoding): string {
  switch (encoding) {
    case "standard":
      return encodeUtf8(text);
    case "every-byte":
      return everyByte(text);
    case "lower-hex":
      return encodeUtf8(text).replace(/%[0-9A-F]{2}/g, (encoded) => encoded.toLowerCase());
    case "plus-for-space":
      return encodeUtf8(text).replaceAll("%20", "+");
    case "raw":
      return text;
    case "double":
      return encodeURIComponent(encodeUtf8(text));
    case "broken":
      return `${encodeUtf8(text)}%`;
  }
}

/** The path of a request to `operation` with these (unencoded) parameters. */
export function pathOf(
  operation: SpecOperation,
  values: Record<string, string>,
  encode: (text: string) => string = encodeUtf8,
): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encode(values[name] ?? ""));
}

/**
 * A well-formed HTTP/1.1 request for `request`, to `host`.
 *
 * @example
 * toWireRequest({ operation: getClock, path: {}, query: [], key: "sk_demo_full" }, "127.0.0.1:8080");
 */
export function toWireRequest(request: SpecRequest, host: string): WireRequest {
  const query = new URLSearchParams(request.query).toString();
  const headers: [string, string | null][] = [["Host", host]];
  if (request.key !== null) headers.push(["Authorization", `Bearer ${request.key}`]);
  let body = Buffer.alloc(0);
  if (request.body !== undefined) {
    body = Buffer.from(JSON.stringify(request.body), "utf8");
    headers.push(["Content-Type", "application/json"]);
  }
  if (body.length > 0 || request.operation.body !== null)
    headers.push(["Content-Length", String(body.length)]);
  return {
    method: request.operation.method,
    target: `${pathOf(request.operation, request.path)}${query === "" ? "" : `?${query}`}`,
    version: "HTTP/1.1",
    headers,
    body,
  };
}
