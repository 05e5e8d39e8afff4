/**
 * Fuzz cases of one request, derived from the document's operations: an operation is picked, each of
 * its path and query parameters and its body gets a value its schema accepts (or, now and then, one it
 * rejects, or something odd), encoded one of several ways; then the method, path, query, headers and
 * framing are mutated now and then. Nothing is listed per operation: a new operation in the document is
 * fuzzed as it is read. Whether the result breaks a rule of the document is decided afterwards, from its
 * bytes (`request-oracle.ts`), not here.
 */
import fc from "fast-check";
import { bodyArbitrary, type Framing, frame, framingArbitrary } from "./body-arbitrary.js";
import type { FuzzCase } from "./exchange.js";
import {
  authorizationArbitrary,
  contentTypeArbitrary,
  type HeaderLine,
  hostArbitrary,
  mostly,
  oddHeadersArbitrary,
} from "./header-arbitrary.js";
import type { WireRequest } from "./http-wire.js";
import { pathArbitrary, queryArbitrary, textOf } from "./parameter-arbitrary.js";
import { methodArbitrary, pathMutationArbitrary, versionArbitrary } from "./request-line-arbitrary.js";
import { type ValueContext, validArbitrary } from "./schema-arbitrary.js";
import { toWireRequest } from "./spec-request.js";
import type { FuzzSpec, SpecOperation, SpecParameter } from "./spec-walk.js";

export interface RequestContext {
  spec: FuzzSpec;
  values: ValueContext;
  /** `host:port` of the server. */
  host: string;
  /** The API keys to send, with how often. */
  keys: readonly { key: string; weight: number }[];
}

const shortly = (text: string) =>
  text.length > 24 ? `${JSON.stringify(text.slice(0, 16))}…` : JSON.stringify(text);

/** What was unusual about a request, for grouping findings: `request with Host "[::1", version HTTP/1.0`. */
function labelOf(
  operation: SpecOperation,
  host: string,
  parts: {
    method: string;
    path: { tag: string };
    version: string;
    host: HeaderLine[];
    odd: HeaderLine[];
    body: Buffer | undefined;
    framing: Framing;
    contentType: string | null;
  },
): string {
  const tags: string[] = [];
  if (parts.method !== operation.method) tags.push(`method ${shortly(parts.method)}`);
  if (parts.path.tag !== "") tags.push(parts.path.tag);
  if (parts.version !== "HTTP/1.1") tags.push(`version ${shortly(parts.version)}`);
  const [onlyHost, twice] = parts.host;
  if (onlyHost === undefined) tags.push("no Host");
  else if (twice !== undefined) tags.push("two Hosts");
  else if (onlyHost[1] !== host) tags.push(`Host ${shortly(onlyHost[1] ?? "")}`);
  for (const [name, value] of parts.odd)
    tags.push(value === null ? `header line ${shortly(name)}` : `${name}: ${shortly(value)}`);
  if (parts.body !== undefined && parts.framing !== "content-length") tags.push(`framing ${parts.framing}`);
  if (parts.body !== undefined && parts.contentType !== "application/json")
    tags.push(`Content-Type ${shortly(parts.contentType ?? "none")}`);
  return tags.length === 0 ? "request" : `request with ${tags.join(", ")}`;
}

/**
 * Fuzz cases of one request to `operation`.
 *
 * @example
 * fc.sample(operationCaseArbitrary(context, specOperation), 1);
 */
export function operationCaseArbitrary(
  context: RequestContext,
  operation: SpecOperation,
): fc.Arbitrary<FuzzCase> {
  const { spec, host } = context;
  const path = pathArbitrary(operation, context).chain((plain) =>
    mostly(fc.constant({ path: plain, tag: "" }), pathMutationArbitrary(spec, host, plain), 12),
  );
  return fc
    .record({
      method: methodArbitrary(spec, operation),
      path,
      query: queryArbitrary(operation, context),
      version: versionArbitrary,
      host: hostArbitrary(host),
      authorization: operation.secured
        ? authorizationArbitrary(context.keys)
        : mostly(fc.constant<HeaderLine[]>([]), authorizationArbitrary(context.keys), 4),
      contentType: contentTypeArbitrary,
      odd: oddHeadersArbitrary,
      body: bodyArbitrary(operation, context),
      framing: framingArbitrary,
    })
    .map((parts) => {
      const headers: HeaderLine[] = [...parts.host, ...parts.authorization];
      if (parts.body !== undefined && parts.contentType !== null)
        headers.push(["Content-Type", parts.contentType]);
      headers.push(...parts.odd);
      const target = `${parts.path.path}${parts.query}`;
      const request: WireRequest = {
        method: parts.method,
        target,
        version: parts.version,
        headers,
        body: Buffer.alloc(0),
      };
      return frame(request, parts.body, parts.framing, labelOf(operation, host, parts));
    });
}

/**
 * A well-formed request to any operation, every value valid, with a configured key: the building block
 * of pipelined and cut-short cases.
 *
 * @example
 * fc.sample(validRequestArbitrary(context), 1)[0].target; // "/v1/mobile/sessions?limit=7"
 */
export function validRequestArbitrary(context: RequestContext): fc.Arbitrary<WireRequest> {
  const key = fc.oneof(...context.keys.map(({ key, weight }) => ({ weight, arbitrary: fc.constant(key) })));
  return fc.oneof(
    ...context.spec.operations.map((operation) => {
      const textFor = (parameter: SpecParameter) =>
        validArbitrary(parameter.schema, context.values, parameter.name).map(textOf);
      const path = fc.record(
        Object.fromEntries(
          operation.parameters.filter((p) => p.in === "path").map((p) => [p.name, textFor(p)]),
        ),
      );
      const query = fc.tuple(
        ...operation.parameters
          .filter((p) => p.in === "query")
          .map((p) => {
            const present = textFor(p).map((text): [string, string][] => [[p.name, text]]);
            return p.required ? present : mostly(fc.constant<[string, string][]>([]), present, 3);
          }),
      );
      const body =
        operation.body === null
          ? fc.constant(undefined)
          : validArbitrary(operation.body.schema, context.values);
      return fc.record({ path, query, key, body }).map((parts) =>
        toWireRequest(
          {
            operation,
            path: parts.path as Record<string, string>,
            query: parts.query.flat(),
            key: parts.key,
            body: parts.body,
          },
          context.host,
        ),
      );
    }),
  );
}

/**
 * Fuzz cases of one request to any operation of the document.
 *
 * @example
 * fc.sample(requestCaseArbitrary(context), 3);
 */
export function requestCaseArbitrary(context: RequestContext): fc.Arbitrary<FuzzCase> {
  return fc.oneof(...context.spec.operations.map((operation) => operationCaseArbitrary(context, operation)));
}
