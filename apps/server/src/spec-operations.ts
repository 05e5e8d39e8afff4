/**
 * The operations of the OpenAPI document, read once from `openapiDocument`: their method and path, their
 * parameters and request body with schemas, and whether they need an API key. Requests are validated
 * against these, so a spec edit changes what the server accepts without touching a handler.
 *
 * @example
 * const getSession = specOperation("getSession");
 * getSession.method; // "GET"
 * getSession.honoPath; // "/v1/:product/sessions/:id"
 */
import type { operations } from "@sessions-api/openapi";
import { openapiDocument } from "@sessions-api/openapi/document";
import { createSchemaValidator, type SchemaValidator } from "@sessions-api/openapi/validator";

export type OperationId = keyof operations;

/** A JSON Schema node of the document, as far as the server reads it. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  description?: string;
  properties?: Record<string, SchemaNode>;
}

export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  /** The schema as written (it may `$ref` components); validate against this. */
  schema: SchemaNode;
  /** The schema with its top-level `$ref` followed; read types and bounds from this. */
  resolved: SchemaNode;
}

export interface OperationSpec {
  id: OperationId;
  method: string;
  /** The path as the document writes it: `/v1/{product}/sessions/{id}`. */
  path: string;
  /** The same path in Hono's syntax: `/v1/:product/sessions/:id`. */
  honoPath: string;
  parameters: ParameterSpec[];
  body: { required: boolean; schema: SchemaNode; resolved: SchemaNode } | null;
  /** False for operations with `security: []` (no API key). */
  secured: boolean;
}

const methods = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

/** The validator every part of the server shares (schemas compile once). */
export const schemaValidator: SchemaValidator = createSchemaValidator();

function readOperations(): Map<OperationId, OperationSpec> {
  const resolve = <T>(node: unknown) => schemaValidator.resolve<T>(node);
  const globalSecurity = (openapiDocument.security as unknown[] | undefined) ?? [];
  const result = new Map<OperationId, OperationSpec>();
  for (const [path, item] of Object.entries(openapiDocument.paths)) {
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    for (const method of methods) {
      const operation = item[method] as
        | { operationId: OperationId; parameters?: unknown[]; requestBody?: unknown; security?: unknown[] }
        | undefined;
      if (operation === undefined) continue;
      const parameters = [...shared, ...(operation.parameters ?? [])].map((node) => {
        const parameter = resolve<{
          name: string;
          in: ParameterSpec["in"];
          required?: boolean;
          schema: SchemaNode;
        }>(node);
        return {
          name: parameter.name,
          in: parameter.in,
          required: parameter.required === true,
          schema: parameter.schema,
          resolved: resolve<SchemaNode>(parameter.schema),
        };
      });
      let body: OperationSpec["body"] = null;
      if (operation.requestBody !== undefined) {
        const requestBody = resolve<{ required?: boolean; content: Record<string, { schema: SchemaNode }> }>(
          operation.requestBody,
        );
        const schema = requestBody.content["application/json"]?.schema;
        if (schema === undefined)
          throw new Error(`${operation.operationId}: only JSON request bodies are supported`);
        body = { required: requestBody.required === true, schema, resolved: resolve<SchemaNode>(schema) };
      }
      result.set(operation.operationId, {
        id: operation.operationId,
        method: method.toUpperCase(),
        path,
        honoPath: path.replace(/\{([^}]+)\}/g, ":$1"),
        parameters,
        body,
        secured: (operation.security ?? globalSecurity).length > 0,
      });
    }
  }
  return result;
}

/** Every operation of the document, by operation id. */
export const specOperations: ReadonlyMap<OperationId, OperationSpec> = readOperations();

/**
 * One operation of the document.
 *
 * @example
 * specOperation("listResidentialSessions").parameters.map((p) => p.name); // ["subuser", "session_id", ...]
 */
export function specOperation(id: OperationId): OperationSpec {
  const operation = specOperations.get(id);
  if (operation === undefined) throw new Error(`The spec has no operation ${id}`);
  return operation;
}
