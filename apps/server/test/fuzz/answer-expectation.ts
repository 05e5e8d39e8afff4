/**
 * What the document allows as the answer to a request: the operation's documented statuses, each with
 * its body's schema and required headers, or a convention's (404 for an unknown path, 405 with `Allow`
 * for a method its path lacks, 400/404/405 for a target that is no path); the error families it may
 * answer in; and the rules the request breaks.
 */
import type { WireRequest } from "./http-wire.js";
import {
  type ErrorFamily,
  familyOfPath,
  judgeRequest,
  type OracleContext,
  type RequestJudgement,
} from "./request-oracle.js";
import type { Schema } from "./spec-walk.js";

/** What an answer may be. */
export interface Expectation {
  /** Who the answer is judged as: an operation id or a convention. */
  subject: string;
  /** True when the subject is an operation of the document (its statuses are its own). */
  isOperation: boolean;
  /** Allowed statuses and the schema of each one's body (undefined: no body). */
  statuses: Map<number, { schemas: Schema[]; requiredHeaders: string[] }>;
  families: ErrorFamily[];
  /** The families a `malformed_request` answer may use: either, when the request line itself is broken. */
  malformedFamilies: ErrorFamily[];
  /** For 405: the methods the path has. */
  allow?: string[];
  violations: string[];
  isHead: boolean;
}

/**
 * What the document allows as the answer to `request` (undefined: to the bytes after the whole requests,
 * `tail`).
 *
 * @example
 * expectationOf(context, request, Buffer.alloc(0)).statuses.has(404);
 */
export function expectationOf(
  context: OracleContext,
  request: WireRequest | undefined,
  tail: Buffer,
): Expectation {
  const { spec } = context;
  const errorOf = (families: ErrorFamily[]) => ({
    schemas: families.map((family) => spec.errorSchemas[family]),
    requiredHeaders: ["X-Request-Id"],
  });
  if (request === undefined) {
    // a path is read once something ends it; "GET /app" may go on to be "GET /apple"
    const text = tail.subarray(0, 2048).toString("latin1");
    const path = /^[!-~]+ (\/[^\s?#]*)[\s?#]/.exec(text)?.[1];
    // the spec: GatewayError when the path could not be read, which includes a connection that ended
    // before the request's headers did (the server never had the request); the path's family otherwise
    const headersEnded = /\r?\n\r?\n/.test(text);
    const families: ErrorFamily[] =
      path === undefined
        ? ["gateway"]
        : headersEnded
          ? [familyOfPath(path)]
          : [familyOfPath(path), "gateway"];
    return {
      subject: "bytes that are no whole request",
      isOperation: false,
      statuses: new Map(),
      families,
      malformedFamilies: families,
      violations: [],
      isHead: false,
    };
  }
  const judgement: RequestJudgement = judgeRequest(context, request);
  const { families, operation } = judgement;

  // whether a path could be read from a request line that is itself broken is the parser's to say
  const lineIsValid =
    /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(request.method) &&
    /^HTTP\/1\.[01]$/.test(request.version) &&
    (judgement.form === "origin" || judgement.form === "absolute");
  const malformedFamilies: ErrorFamily[] = lineIsValid ? families : ["gateway", "app"];
  const isHead = request.method === "HEAD";
  const base = { families, malformedFamilies, violations: judgement.violations, isHead, isOperation: false };
  if (operation !== undefined) {
    const statuses = new Map<number, { schemas: Schema[]; requiredHeaders: string[] }>();
    for (const [status, response] of operation.responses) {
      statuses.set(status, {
        schemas: response.schema === undefined ? [] : [response.schema],
        requiredHeaders: response.requiredHeaders,
      });
    }
    return { ...base, subject: operation.id, statuses, isOperation: true };
  }
  if (judgement.pathOperations.length > 0) {
    const template = judgement.pathOperations[0]?.path ?? "";
    const allow = judgement.pathOperations.map((candidate) => candidate.method);
    return {
      ...base,
      subject: `${/^[A-Z]+$/.test(request.method) ? request.method : "an odd method"} on ${template}`,
      statuses: new Map([[405, { ...errorOf(families), requiredHeaders: ["X-Request-Id", "Allow"] }]]),
      allow,
    };
  }
  if (judgement.dotSegments) {
    return {
      ...base,
      subject: "a path with dot segments",
      statuses: new Map([
        [404, errorOf(families)],
        [400, errorOf(families)],
      ]),
    };
  }
  if (judgement.form === "origin" || judgement.form === "absolute") {
    return { ...base, subject: "an unknown path", statuses: new Map([[404, errorOf(families)]]) };
  }
  const what = { asterisk: "*", authority: "host:port", other: "a target that is no URI" }[judgement.form];
  return {
    ...base,
    subject: `${/^[A-Z]+$/.test(request.method) ? request.method : "an odd method"} ${what}`,
    statuses: new Map([400, 404, 405].map((status) => [status, errorOf(families)])),
  };
}
