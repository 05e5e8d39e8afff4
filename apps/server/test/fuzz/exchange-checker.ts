/**
 * Judges an exchange against the document: no 5xx; only statuses the operation documents (or the
 * conventions: 404 for an unknown path, 405 with `Allow` for an unsupported method, 400/408/431
 * `malformed_request` for what cannot be read); every JSON body valid against the documented schema for
 * its status; `Content-Type` and `X-Request-Id` on every answer, the same id in error bodies; headers the
 * document marks required; no 2xx for a request that breaks a rule of the document; and one answer, in
 * order, for every whole request the connection carried before it could close.
 */

import { type Expectation, expectationOf } from "./answer-expectation.js";
import type { Exchange } from "./exchange.js";
import { headerOf, parseRequestHead, type WireAnswer, type WireRequest } from "./http-wire.js";
import type { OracleContext } from "./request-oracle.js";
import type { Schema } from "./spec-walk.js";

/** One thing wrong with an exchange. */
export interface Finding {
  /** What is wrong, in words that group alike findings (`500 for listResidentialSessions`). */
  kind: string;
  /** This occurrence's particulars (the error text, the value). */
  detail: string;
}

export interface CheckContext extends OracleContext {
  /** How long the exchange waited for bytes, for the words of a timeout. */
  idleTimeoutMs: number;
}

const malformedCodes = new Set(["malformed_request", "ERR_MALFORMED_REQUEST"]);

function errorCodeOf(body: unknown): string | undefined {
  const record = body as { error?: { code?: unknown }; error_code?: unknown } | null;
  const code = record?.error?.code ?? record?.error_code;
  return typeof code === "string" ? code : undefined;
}

function requestIdOf(body: unknown): string | undefined {
  const record = body as { error?: { request_id?: unknown }; details?: { operation_id?: unknown } } | null;
  const id = record?.error?.request_id ?? record?.details?.operation_id;
  return typeof id === "string" ? id : undefined;
}

const schemaName = (schema: Schema) =>
  typeof schema.$ref === "string" ? (schema.$ref.split("/").at(-1) ?? "its schema") : "its schema";

function parseJson(body: Buffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(body.toString("utf8")) };
  } catch {
    return undefined;
  }
}

const firstError = (errors: readonly string[]) => (errors[0] ?? "").replace(/\/\d+(?=\/|:)/g, "/[]");

function checkAnswer(context: CheckContext, expectation: Expectation, answer: WireAnswer): Finding[] {
  const findings: Finding[] = [];
  const { status } = answer;
  const about = `${status} for ${expectation.subject}`;
  const add = (kind: string, detail = "") => findings.push({ kind, detail });
  const requestId = headerOf(answer.headers, "x-request-id");
  const contentType = headerOf(answer.headers, "content-type");
  const parsed = answer.body.length === 0 ? undefined : parseJson(answer.body);
  const code = errorCodeOf(parsed?.value);

  const closes = headerOf(answer.headers, "connection")?.toLowerCase() === "close";
  // a HEAD the server refused (a bad Host, say) is answered without its body, as HEAD is: its code cannot
  // be read, but a malformed_request is the only 400 that closes the connection
  const isMalformed =
    [400, 408, 431].includes(status) &&
    (code !== undefined ? malformedCodes.has(code) : expectation.isHead && closes);
  // an answer to a HEAD carries no body, though one to a HEAD the parser could not read may
  const hasContent = !expectation.isHead && status !== 204 && status !== 304;
  // Node's own answer, made before any of the server's code ran: one finding, whatever the request
  if (
    (requestId === undefined || requestId === "") &&
    (contentType ?? "") === "" &&
    answer.body.length === 0
  ) {
    add(
      `a bare ${status} (no body, no X-Request-Id, no Content-Type): Node answered, not the server`,
      expectation.subject,
    );
    return findings;
  }
  if (requestId === undefined || requestId === "") add(`no X-Request-Id on a ${about}`);
  if (hasContent && (contentType === undefined || contentType === "")) add(`no Content-Type on a ${about}`);

  let allowed = expectation.statuses.get(status);
  if (isMalformed) {
    allowed = {
      schemas: expectation.malformedFamilies.map((family) => context.spec.errorSchemas[family]),
      requiredHeaders: ["X-Request-Id"],
    };
  }
  if (status >= 500) add(`${status} for ${expectation.subject}`, answer.body.toString("utf8").slice(0, 300));
  else if (allowed === undefined) {
    // an operation's own statuses say which answer is missing; for a convention any other answer is one finding
    const what = expectation.isOperation
      ? `undocumented ${about}`
      : `an answer other than the convention's for ${expectation.subject}`;
    add(what, `${status} ${code ?? ""} ${answer.body.toString("utf8").slice(0, 200)}`.trim());
  }

  if (status >= 200 && status < 300 && expectation.violations.length > 0) {
    add(
      `${status} for a request that breaks a rule: ${expectation.violations[0]} (${expectation.subject})`,
      expectation.violations.join("; "),
    );
  }
  if (allowed === undefined) return findings;

  for (const name of allowed.requiredHeaders) {
    if (name.toLowerCase() !== "x-request-id" && headerOf(answer.headers, name) === undefined)
      add(`no ${name} header on a ${about}`);
  }
  if (status === 405 && expectation.allow !== undefined) {
    const allow = (headerOf(answer.headers, "allow") ?? "").split(",").map((method) => method.trim());
    const missing = expectation.allow.filter((method) => !allow.includes(method));
    if (missing.length > 0) add(`Allow without ${missing.join(", ")} on a ${about}`, allow.join(", "));
  }
  // a malformed_request body on a HEAD the parser could not read is checked like any other
  if (!hasContent && !(isMalformed && answer.body.length > 0)) {
    if (answer.body.length > 0) add(`a body on a ${about}`);
    return findings;
  }
  if (allowed.schemas.length === 0) {
    if (answer.body.length > 0) add(`a body where none is documented: ${about}`);
    return findings;
  }
  if (answer.body.length === 0) {
    add(`no body on a ${about}`);
    return findings;
  }
  if (contentType !== undefined && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    add(`Content-Type ${contentType.split(";")[0]} on a ${about}`);
  }
  if (parsed === undefined) {
    add(`a body that is not JSON on a ${about}`, answer.body.toString("utf8").slice(0, 200));
    return findings;
  }
  const results = allowed.schemas.map((schema) => ({
    schema,
    result: context.spec.validator.validate(schema, parsed.value),
  }));
  const otherFamily = (["gateway", "app"] as const).find(
    (family) => !expectation.malformedFamilies.includes(family),
  );
  if (isMalformed && otherFamily !== undefined && !results.some(({ result }) => result.valid)) {
    const other = context.spec.errorSchemas[otherFamily];
    if (context.spec.validator.validate(other, parsed.value).valid) {
      add(
        `malformed_request in ${schemaName(other)} where the request's path says ${schemaName(allowed.schemas[0] ?? other)}`,
        `${status} for ${expectation.subject}`,
      );
      return findings;
    }
  }
  if (!results.some(({ result }) => result.valid)) {
    const [{ schema, result }] = results as [(typeof results)[number]];
    add(
      `a body that breaks ${schemaName(schema)} (${firstError(result.errors)}) on a ${about}`,
      JSON.stringify(parsed.value).slice(0, 300),
    );
  }
  if (status >= 400) {
    const bodyId = requestIdOf(parsed.value);
    if (bodyId !== undefined && requestId !== undefined && bodyId !== requestId) {
      add(`an error body whose request id is not X-Request-Id on a ${about}`, `${bodyId} vs ${requestId}`);
    }
    const statusCode = (parsed.value as { status_code?: unknown } | null)?.status_code;
    if (statusCode !== undefined && statusCode !== status)
      add(`status_code ${String(statusCode)} in a ${about}`);
  }
  return findings;
}

// a request after which the connection may close: the client or the server said so, or it was refused
function closesAfter(request: WireRequest, answer: WireAnswer | undefined): boolean {
  const asked = (headerOf(request.headers, "connection") ?? "").toLowerCase();
  if (asked.includes("close") || (request.version === "HTTP/1.0" && !asked.includes("keep-alive")))
    return true;
  if (request.version !== "HTTP/1.1") return true;
  if (answer === undefined) return false;
  if ((headerOf(answer.headers, "connection") ?? "").toLowerCase().includes("close")) return true;
  const code = errorCodeOf(parseJson(answer.body)?.value);
  return code !== undefined && malformedCodes.has(code);
}

// the kind of case, without what varies from one to the next (its tags, how many requests)
const caseKindOf = (label: string) =>
  label.replace(/^request with .*/, "request").replace(/^\d+ pipelined/, "pipelined");

const isMalformedAnswer = (answer: WireAnswer) => {
  const code = errorCodeOf(parseJson(answer.body)?.value);
  return code !== undefined && malformedCodes.has(code);
};

/**
 * Every finding of an exchange.
 *
 * @example
 * const findings = checkExchange(context, await runExchange(address, fuzzCase, 8000));
 */
export function checkExchange(context: CheckContext, exchange: Exchange): Finding[] {
  const { fuzzCase, answers } = exchange;
  const findings: Finding[] = [];
  const seconds = context.idleTimeoutMs / 1000;
  const caseKind = caseKindOf(fuzzCase.label);
  // answers go to the requests in order; a malformed_request answer to a well-formed request is the tail's
  let answered = 0;
  const tailAnswers: WireAnswer[] = [];
  for (const answer of answers) {
    const request = fuzzCase.requests[answered];
    if (
      tailAnswers.length === 0 &&
      request !== undefined &&
      !(fuzzCase.wellFormed === true && isMalformedAnswer(answer))
    ) {
      findings.push(...checkAnswer(context, expectationOf(context, request, fuzzCase.tail), answer));
      answered += 1;
    } else {
      tailAnswers.push(answer);
    }
  }
  // a tail whose head is whole is a request the server may answer early (a 401 before its body)
  const tailRequest = parseRequestHead(fuzzCase.tail);
  for (const [index, answer] of tailAnswers.entries()) {
    findings.push(
      ...checkAnswer(
        context,
        expectationOf(context, index === 0 ? tailRequest : undefined, fuzzCase.tail),
        answer,
      ),
    );
  }
  if (tailAnswers.length > 1) {
    findings.push({
      kind: "two answers to one request: an early answer, then malformed_request when its body never came",
      detail: tailAnswers.map((a) => a.status).join(", "),
    });
  }
  if (exchange.readProblem !== undefined) {
    findings.push({ kind: `answers that cannot be read (${caseKind})`, detail: exchange.readProblem });
  }
  let owed = 0;
  for (const [index, request] of fuzzCase.requests.entries()) {
    owed = index + 1;
    if (closesAfter(request, index < answered ? answers[index] : undefined)) break;
  }
  if (answered < owed) {
    findings.push({
      kind:
        exchange.end === "timed-out"
          ? `no answer within ${seconds} s to a whole request (${caseKind})`
          : `connection closed with a whole request unanswered (${caseKind})`,
      detail: `${answered} of ${owed} answered${exchange.socketError === undefined ? "" : `, ${exchange.socketError}`}`,
    });
  } else if (fuzzCase.ending === "server-close" && exchange.end === "timed-out") {
    findings.push({ kind: `bytes that are no request left open for ${seconds} s (${caseKind})`, detail: "" });
  }
  return findings;
}
