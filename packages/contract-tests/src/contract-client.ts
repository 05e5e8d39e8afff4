/**
 * The one way the suite talks to a target. Every exchange is checked against the spec (status, media
 * type, headers, body schema), recorded for the coverage gate under the operation it exercised, and
 * bounded by a timeout, so a hang fails its case instead of the run.
 *
 * @example
 * import { createContractClient } from "./contract-client.js";
 * const client = createContractClient({ baseUrl: "http://127.0.0.1:4010", apiKey: "sk_demo_full" });
 * const { body } = await client.call("getSession", {
 *   path: { product: "residential", id: "ses_01HX2K3PQ4M5" },
 *   expect: 200,
 * });
 */
import { TestRunner } from "vitest";
import { recordExchange } from "./exchange-log.js";
import { ContractViolationError, type ExchangeSummary } from "./report.js";
import { type CheckSubject, checkResponse, subjectOfOperation } from "./response-check.js";
import { fillPath, loadSpecModel, type SpecModel } from "./spec-model.js";

export interface ContractClientOptions {
  /** Origin of the target, e.g. `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** The API key sent when a call does not choose one. */
  apiKey: string;
  model?: SpecModel;
  /** A custom fetch, e.g. an in-process app's; defaults to the global fetch over real HTTP. */
  fetch?: (request: Request) => Promise<Response>;
  /** Per-request limit; a target that does not answer in time fails the case as a hang. */
  timeoutMs?: number;
  /** Whether exchanges count for the coverage gate; off for targets that are not the one under test. */
  record?: boolean;
  /**
   * Whether a 429 that the call did not expect is waited out (`Retry-After` seconds, at most a minute)
   * and the request sent again, up to 5 times. Each 429 is still held to the contract. On for external
   * targets, whose production rate limit the suite's hundreds of requests may reach.
   */
  retryRateLimited?: boolean;
}

export interface CallOptions {
  path?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  /** Path and query to use verbatim instead of the operation's template (e.g. from `next_page_uri`). */
  url?: string;
  /** A JSON body; `rawBody` sends text as is (for malformed JSON). */
  body?: unknown;
  rawBody?: string;
  /** The API key; `null` sends no Authorization header. */
  apiKey?: string | null;
  /** Prism's response selection: `code=404` or `example=terminated`. */
  prefer?: string;
  headers?: Record<string, string>;
  /** The status the case expects; any other fails the case with the whole exchange in the message. */
  expect?: number;
  /** Overrides the HTTP method (for unsupported-method cases). */
  method?: string;
}

export interface ContractResponse<T> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  requestId: string | null;
  url: string;
}

export interface ContractClient {
  readonly model: SpecModel;
  readonly baseUrl: string;
  /** Calls an operation of the spec; the response must conform to its contract. */
  // biome-ignore lint/suspicious/noExplicitAny: callers narrow the body with the spec's own types
  call<T = any>(operationId: string, options?: CallOptions): Promise<ContractResponse<T>>;
  /** Sends a request that one of the spec's conventions governs (405, unknown path). */
  // biome-ignore lint/suspicious/noExplicitAny: as above
  send<T = any>(
    subject: CheckSubject,
    method: string,
    url: string,
    options?: CallOptions,
  ): Promise<ContractResponse<T>>;
}

const maxRateLimitRetries = 5;

function waitRetryAfter(headers: Headers): Promise<void> {
  const seconds = Math.min(Math.max(Number(headers.get("retry-after")) || 1, 1), 60);
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

function buildQuery(query: CallOptions["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) params.append(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * Creates a client bound to one target.
 *
 * @example
 * const client = createContractClient({ baseUrl: prism.url, apiKey: "sk_demo_full" });
 */
export function createContractClient(options: ContractClientOptions): ContractClient {
  const model = options.model ?? loadSpecModel();
  const doFetch = options.fetch ?? ((request: Request) => fetch(request));
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function send<T>(subject: CheckSubject, method: string, url: string, call: CallOptions = {}) {
    const headers = new Headers(call.headers);
    const key = call.apiKey === undefined ? options.apiKey : call.apiKey;
    if (key !== null) headers.set("authorization", `Bearer ${key}`);
    if (call.prefer) headers.set("prefer", call.prefer);
    let body: string | undefined;
    if (call.rawBody !== undefined || call.body !== undefined) {
      body = call.rawBody ?? JSON.stringify(call.body);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const exchange = async () => {
      const request = new Request(new URL(url, options.baseUrl), {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      let response: Response;
      let text: string;
      try {
        response = await doFetch(request);
        text = await response.text();
      } catch (error) {
        const reason =
          (error as Error).name === "TimeoutError"
            ? `got no answer within ${timeoutMs} ms (a hang)`
            : String(error);
        throw new Error(`${subject.label}: ${method} ${url} ${reason}`);
      }
      const problems = checkResponse(model, subject, {
        status: response.status,
        headers: response.headers,
        text,
      });
      const summary: ExchangeSummary = {
        label: subject.label,
        method,
        url,
        status: response.status,
        problems,
      };
      if (options.record !== false) recordExchange(TestRunner.getCurrentTest()?.meta, summary);
      if (problems.length > 0) throw new ContractViolationError(summary);
      return { response, text };
    };
    let { response, text } = await exchange();
    for (let retry = 1; options.retryRateLimited && response.status === 429 && call.expect !== 429; retry++) {
      if (retry > maxRateLimitRetries) break;
      await waitRetryAfter(response.headers);
      ({ response, text } = await exchange());
    }
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    if (call.expect !== undefined && call.expect !== response.status) {
      throw new Error(
        `${subject.label}: ${method} ${url} -> expected ${call.expect}, got ${response.status}: ${text.slice(0, 500)}`,
      );
    }
    return {
      status: response.status,
      headers: response.headers,
      body: parsed as T,
      text,
      requestId: response.headers.get("x-request-id"),
      url,
    };
  }

  return {
    model,
    baseUrl: options.baseUrl,
    send,
    call(operationId, call = {}) {
      const operation = model.operation(operationId);
      const url = call.url ?? fillPath(operation.path, call.path ?? {}) + buildQuery(call.query);
      return send(subjectOfOperation(operation), call.method ?? operation.method.toUpperCase(), url, call);
    },
  };
}
