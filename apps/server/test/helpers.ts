// Shared helpers of the in-process tests: one app per test file (PGlite takes seconds to start), calls
// that return status, headers and parsed body, and a check of bodies against the spec's schemas.
import { randomBytes } from "node:crypto";
import { createSchemaValidator } from "@sessions-api/openapi/validator";
import { expect } from "vitest";
import { createSessionsApp, DEMO_KEYS, type SessionsAppOptions, type SessionsSandbox } from "../src/index.js";

export { DEMO_KEYS };

const validator = createSchemaValidator();

// biome-ignore lint/suspicious/noExplicitAny: tests read response fields directly; expectSchema checks their shape against the spec
type Json = any;

export interface CallResult<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestApp {
  sandbox: SessionsSandbox;
  /** Real time the test controls (the sandbox clock adds its offset). */
  time: { now: number };
  call<T = Json>(
    method: string,
    path: string,
    options?: { key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<CallResult<T>>;
  close(): Promise<void>;
}

export const START_TIME = Date.parse("2026-05-28T07:00:00.000Z");

export async function createTestApp(options: SessionsAppOptions = {}): Promise<TestApp> {
  const time = { now: START_TIME };
  const sandbox = await createSessionsApp({ now: () => time.now, purgeIntervalMs: 0, ...options });
  return {
    sandbox,
    time,
    async call(method, path, { key = DEMO_KEYS.full, body, rawBody, headers: extra = {} } = {}) {
      const headers: Record<string, string> = { ...extra };
      if (key !== null) headers.authorization = `Bearer ${key}`;
      let payload: string | undefined = rawBody;
      if (body !== undefined) {
        payload = JSON.stringify(body);
        headers["content-type"] = "application/json";
      }
      const response = await sandbox.fetch(
        new Request(`http://127.0.0.1:8080${path}`, { method, headers, body: payload }),
      );
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text === "" ? undefined : JSON.parse(text),
      };
    },
    close: () => sandbox.close(),
  };
}

/** A sub-user id nobody has used yet, so tests sharing one store do not see each other's sessions. */
export function newSubuser(): string {
  return `sub_T${randomBytes(6).toString("hex")}`;
}

export function username(
  subuser: string,
  sessionId = "job1",
  { region = "us", sesstime = 30, extra = "" }: { region?: string; sesstime?: number; extra?: string } = {},
): string {
  return `user-${subuser}-region-${region}${extra}-session-${sessionId}-sesstime-${sesstime}`;
}

export function proxied(bytes = 1000, host = "www.example.com") {
  return { method: "GET", target_host: host, target_port: 443, status_code: 200, bytes, duration_ms: 120 };
}

/** Reports traffic and returns the response (201 for a new session, 200 for a live one). */
export function traffic(
  app: TestApp,
  user: string,
  options: { product?: string; key?: string; requests?: unknown[]; reassign?: boolean } = {},
) {
  const body: Record<string, unknown> = { username: user, requests: options.requests ?? [proxied()] };
  if (options.reassign !== undefined) body.reassign_exit_ip = options.reassign;
  return app.call("POST", `/sandbox/v1/${options.product ?? "residential"}/traffic`, {
    ...(options.key === undefined ? {} : { key: options.key }),
    body,
  });
}

/** Asserts that a body is valid against a component schema of the spec. */
export function expectSchema(schema: string, body: unknown): void {
  const result = validator.validate({ $ref: `#/components/schemas/${schema}` }, body);
  expect(result.errors, `${schema}: ${JSON.stringify(body)}`).toEqual([]);
}

/** Asserts a gateway-family error: status, code, the request id in header and body, and the schema. */
export function expectGatewayError(result: CallResult, status: number, code: string, param?: string): void {
  expect({ status: result.status, code: result.body?.error?.code }).toEqual({ status, code });
  expectSchema("GatewayError", result.body);
  expect(result.body.error.request_id).toBe(result.headers.get("x-request-id"));
  if (param !== undefined) expect(result.body.error.param).toBe(param);
}

/** Asserts an application-family error. */
export function expectAppError(result: CallResult, status: number, code: string, param?: string): void {
  expect({ status: result.status, code: result.body?.error_code }).toEqual({ status, code });
  expectSchema("AppError", result.body);
  expect(result.body.status_code).toBe(status);
  expect(result.body.details.operation_id).toBe(result.headers.get("x-request-id"));
  if (param !== undefined) expect(result.body.details.param).toBe(param);
}
