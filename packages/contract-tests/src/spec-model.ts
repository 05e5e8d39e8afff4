/**
 * The operations of the OpenAPI document as the suite needs them: method, path, family, parameters and
 * the responses each documents, with every `$ref` followed. Everything the suite checks or generates is
 * derived from here, so a change to the spec changes the suite without anyone editing a list.
 *
 * @example
 * import { loadSpecModel } from "./spec-model.js";
 * const model = loadSpecModel();
 * model.operation("getSession").responses.get("404")?.schema; // the GatewayError schema
 */
import type { OpenApiDocument } from "@sessions-api/openapi/document";
import { openapiDocument } from "@sessions-api/openapi/document";
import { createSchemaValidator, type SchemaValidator } from "@sessions-api/openapi/validator";

/** The two error families of the API: each path belongs to one and answers every error in its body. */
export type ErrorFamily = "gateway" | "app";

export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  /** The parameter's schema with its top-level `$ref` followed. */
  schema: Record<string, unknown>;
  example: unknown;
}

export interface SpecHeader {
  name: string;
  required: boolean;
  schema: Record<string, unknown>;
}

export interface SpecResponse {
  status: string;
  /** Media types the response documents; empty for a response without a body (a 204). */
  mediaTypes: string[];
  /** The schema of the `application/json` body, if any. */
  schema: Record<string, unknown> | undefined;
  /** Named examples of the `application/json` body. */
  exampleNames: string[];
  headers: SpecHeader[];
}

export interface SpecRequestBody {
  required: boolean;
  schema: Record<string, unknown>;
  examples: unknown[];
}

export interface SpecOperation {
  operationId: string;
  method: HttpMethod;
  path: string;
  family: ErrorFamily;
  /** Whether the operation takes the bearer API key (every operation but `getHealth` and `getReadiness`). */
  authenticated: boolean;
  /** Whether it is a sandbox operation (`/sandbox/...`), which only some implementations have. */
  sandbox: boolean;
  parameters: SpecParameter[];
  requestBody: SpecRequestBody | undefined;
  responses: Map<string, SpecResponse>;
}

export interface SpecModel {
  document: OpenApiDocument;
  validator: SchemaValidator;
  operations: SpecOperation[];
  /** Every path template with the methods it supports, upper case. */
  paths: Map<string, HttpMethod[]>;
  operation(operationId: string): SpecOperation;
}

/**
 * The family a path belongs to, as the spec's conventions assign it (`/app`, `/sandbox/app`: app).
 *
 * @example
 * familyOfPath("/sandbox/app/sessions"); // "app"
 */
export function familyOfPath(path: string): ErrorFamily {
  return path === "/app" ||
    path.startsWith("/app/") ||
    path.startsWith("/sandbox/app/") ||
    path === "/sandbox/app"
    ? "app"
    : "gateway";
}

/**
 * Whether a path is one of the sandbox's, which the spec says only the reference server has.
 *
 * @example
 * isSandboxPath("/sandbox/clock"); // true
 */
export function isSandboxPath(path: string): boolean {
  return path === "/sandbox" || path.startsWith("/sandbox/");
}

/**
 * The schema of a family's error body.
 *
 * @example
 * validator.validate(errorSchemaOf("gateway"), body);
 */
export function errorSchemaOf(family: ErrorFamily): { $ref: string } {
  return { $ref: family === "app" ? "#/components/schemas/AppError" : "#/components/schemas/GatewayError" };
}

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json {
  return value !== null && typeof value === "object" ? (value as Json) : {};
}

/**
 * Reads the document into a model. Pass another document (for example a copy with an extra operation)
 * to see what the suite would make of it.
 *
 * @example
 * loadSpecModel().operation("getSession").path; // "/v1/{product}/sessions/{id}"
 */
export function loadSpecModel(document: OpenApiDocument = openapiDocument): SpecModel {
  const validator = createSchemaValidator(document);
  const resolve = (node: unknown): Json => asRecord(validator.resolve(node));
  const globalSecurity = document.security as unknown[] | undefined;
  const operations: SpecOperation[] = [];
  const paths = new Map<string, HttpMethod[]>();

  for (const [path, rawItem] of Object.entries(document.paths)) {
    const item = resolve(rawItem);
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    const methods: HttpMethod[] = [];
    for (const method of httpMethods) {
      const raw = item[method];
      if (raw === undefined) continue;
      methods.push(method);
      const op = resolve(raw);
      const byKey = new Map<string, SpecParameter>();
      for (const rawParameter of [...shared, ...((op.parameters as unknown[] | undefined) ?? [])]) {
        const p = resolve(rawParameter);
        const parameter: SpecParameter = {
          name: String(p.name),
          in: p.in as SpecParameter["in"],
          required: p.required === true,
          schema: resolve(p.schema),
          example: p.example,
        };
        byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      const responses = new Map<string, SpecResponse>();
      for (const [status, rawResponse] of Object.entries(asRecord(op.responses))) {
        const response = resolve(rawResponse);
        const content = asRecord(response.content);
        const json = asRecord(content["application/json"]);
        responses.set(status, {
          status,
          mediaTypes: Object.keys(content),
          schema: json.schema === undefined ? undefined : asRecord(json.schema),
          exampleNames: Object.keys(asRecord(json.examples)),
          headers: Object.entries(asRecord(response.headers)).map(([name, rawHeader]) => {
            const header = resolve(rawHeader);
            return { name, required: header.required === true, schema: resolve(header.schema) };
          }),
        });
      }
      let requestBody: SpecRequestBody | undefined;
      if (op.requestBody !== undefined) {
        const body = resolve(op.requestBody);
        const json = asRecord(asRecord(body.content)["application/json"]);
        requestBody = {
          required: body.required === true,
          schema: asRecord(json.schema),
          examples: Object.values(asRecord(json.examples)).map((example) => resolve(example).value),
        };
      }
      const security = (op.security as unknown[] | undefined) ?? globalSecurity ?? [];
      operations.push({
        operationId: String(op.operationId),
        method,
        path,
        family: familyOfPath(path),
        authenticated: security.length > 0,
        sandbox: isSandboxPath(path),
        parameters: [...byKey.values()],
        requestBody,
        responses,
      });
    }
    paths.set(path, methods);
  }

  const byId = new Map(operations.map((op) => [op.operationId, op]));
  return {
    document,
    validator,
    operations,
    paths,
    operation(operationId) {
      const found = byId.get(operationId);
      if (!found) throw new Error(`The spec has no operation ${operationId}`);
      return found;
    },
  };
}

/**
 * Fills a path template (`/v1/{product}/sessions/{id}`) with encoded values.
 *
 * @example
 * fillPath("/app/sessions/{id}", { id: "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE" });
 */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for path parameter ${name} of ${template}`);
    return encodeURIComponent(value);
  });
}
