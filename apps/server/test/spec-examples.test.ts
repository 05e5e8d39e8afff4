// Every example value the spec gives a request (parameters, path ids, bodies) works against a fresh
// server's demo data with the demo key: the API reference pre-fills its "Try it" with them, so an example
// the server refuses is a docs page that fails out of the box.
import { openapiDocument } from "@sessions-api/openapi/document";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSessionsApp, DEMO_KEYS, type SessionsSandbox } from "../src/index.js";
import { schemaValidator, specOperations } from "../src/spec-operations.js";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  schema?: { examples?: unknown[] };
}

interface ExampleRequest {
  operationId: string;
  /** What the request sends, in words. */
  name: string;
  method: string;
  target: string;
  body?: unknown;
}

const resolve = <T>(node: unknown) => schemaValidator.resolve<T>(node);

// the values a parameter's examples offer: its own, its named ones, its schema's
function examplesOf(parameter: Parameter): unknown[] {
  const values = [
    ...(parameter.example === undefined ? [] : [parameter.example]),
    ...Object.values(parameter.examples ?? {}).map((example) => resolve<{ value: unknown }>(example).value),
    ...(resolve<{ examples?: unknown[] }>(parameter.schema ?? {}).examples ?? []),
  ];
  return values.filter(
    (value, index) => values.findIndex((other) => String(other) === String(value)) === index,
  );
}

function targetOf(path: string, values: Map<Parameter, unknown>): string {
  let target = path;
  const query = new URLSearchParams();
  for (const [parameter, value] of values) {
    if (parameter.in === "path")
      target = target.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    else query.set(parameter.name, String(value));
  }
  const search = query.toString();
  return search === "" ? target : `${target}?${search}`;
}

// per operation: every parameter at its first example (what the docs page sends by default) with each
// body example, then each example of each parameter on its own (required ones at their first)
function exampleRequests(): ExampleRequest[] {
  const requests: ExampleRequest[] = [];
  for (const [path, item] of Object.entries(openapiDocument.paths) as [string, Record<string, unknown>][]) {
    for (const method of ["get", "post", "delete"]) {
      const operation = item[method] as
        | { operationId: string; parameters?: unknown[]; requestBody?: unknown }
        | undefined;
      if (operation === undefined) continue;
      const parameters = [...((item.parameters as unknown[]) ?? []), ...(operation.parameters ?? [])].map(
        (node) => resolve<Parameter>(node),
      );
      const missing = parameters.filter((p) => p.required && examplesOf(p).length === 0);
      expect(
        missing.map((p) => p.name),
        `${operation.operationId}: required parameters without example`,
      ).toEqual([]);
      const firsts = new Map(
        parameters.filter((p) => examplesOf(p).length > 0).map((p) => [p, examplesOf(p)[0]] as const),
      );
      const required = new Map([...firsts].filter(([p]) => p.required === true));
      const content = operation.requestBody
        ? resolve<{ content: Record<string, { examples?: Record<string, unknown> }> }>(operation.requestBody)
            .content["application/json"]
        : undefined;
      const bodies = Object.entries(content?.examples ?? {}).map(
        ([name, example]) => [name, resolve<{ value: unknown }>(example).value] as const,
      );
      const common = { operationId: operation.operationId, method: method.toUpperCase() };
      for (const [name, body] of bodies.length > 0 ? bodies : [["no body", undefined] as const]) {
        requests.push({
          ...common,
          name: `every parameter at its example, ${name}`,
          target: targetOf(path, firsts),
          body,
        });
      }
      for (const parameter of parameters.filter((p) => p.required !== true)) {
        for (const value of examplesOf(parameter)) {
          requests.push({
            ...common,
            name: `${parameter.name}=${String(value)} alone`,
            target: targetOf(path, new Map([...required, [parameter, value]])),
            body: bodies[0]?.[1],
          });
        }
      }
    }
  }
  return requests;
}

async function send(sandbox: SessionsSandbox, request: ExampleRequest) {
  const headers: Record<string, string> = { authorization: `Bearer ${DEMO_KEYS.full}` };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  const response = await sandbox.fetch(
    new Request(`http://127.0.0.1:8080${request.target}`, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    }),
  );
  return { status: response.status, text: await response.text() };
}

describe("the spec's request examples", () => {
  const requests = exampleRequests();
  const operations = [...new Set(requests.map((request) => request.operationId))];
  // reads share one server; every write gets a fresh one, so that a delete or a clock jump does not
  // change what another example finds
  let reads: SessionsSandbox;
  beforeAll(async () => {
    reads = await createSessionsApp({ seedDemoData: true, purgeIntervalMs: 0 });
  });
  afterAll(() => reads?.close());

  test("name every operation", () => {
    expect([...operations].sort()).toEqual([...specOperations.keys()].sort());
  });

  test.each(operations)("%s succeeds with each of its examples on a fresh server's demo data", async (id) => {
    const mine = requests.filter((request) => request.operationId === id);
    for (const request of mine) {
      const sandbox =
        request.method === "GET"
          ? reads
          : await createSessionsApp({ seedDemoData: true, purgeIntervalMs: 0 });
      try {
        const { status, text } = await send(sandbox, request);
        const what = `${request.name}: ${request.method} ${request.target} answered ${status} ${text}`;
        expect(status >= 200 && status < 300, what).toBe(true);
      } finally {
        if (sandbox !== reads) await sandbox.close();
      }
    }
  });
});
