/**
 * The fuzzer's reading of the OpenAPI document: every operation with its method, path template,
 * parameters, request body and documented responses, schemas kept as written (they may `$ref`
 * components) beside their resolved form. Read from `@sessions-api/openapi` on its own, not from the
 * server's reading of it, so that the fuzzer checks the server against the document and not against
 * itself.
 */
import { type OpenApiDocument, openapiDocument } from "@sessions-api/openapi/document";
import { createSchemaValidator, type SchemaValidator } from "@sessions-api/openapi/validator";

/** A JSON Schema node of the document. */
export type Schema = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  /** As written; validate against this. */
  schema: Schema;
  /** With `$ref` and `allOf` folded in; read keywords from this. */
  resolved: Schema;
}

export interface SpecResponse {
  status: number;
  /** The `application/json` schema, or undefined for a response without content. */
  schema: Schema | undefined;
  /** Header names the response must carry (`required: true` in the document). */
  requiredHeaders: string[];
}

export interface SpecOperation {
  id: string;
  /** Upper case. */
  method: string;
  /** As the document writes it: `/v1/{product}/sessions/{id}`. */
  path: string;
  parameters: SpecParameter[];
  body: { required: boolean; schema: Schema; examples: unknown[] } | null;
  /** False for `security: []`. */
  secured: boolean;
  responses: Map<number, SpecResponse>;
}

export interface FuzzSpec {
  operations: SpecOperation[];
  validator: SchemaValidator;
  /** Follows `$ref`s and folds `allOf` into one schema. */
  flatten(node: unknown): Schema;
  /** The error schema of each family (`GatewayError`, `AppError`), for the conventions' answers. */
  errorSchemas: { gateway: Schema; app: Schema };
}

const methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

function mergeSchemas(into: Schema, from: Schema): Schema {
  const merged: Schema = { ...into, ...from };
  if (into.properties !== undefined || from.properties !== undefined) {
    merged.properties = { ...(into.properties as Schema), ...(from.properties as Schema) };
  }
  if (into.required !== undefined || from.required !== undefined) {
    merged.required = [
      ...new Set([...((into.required as string[]) ?? []), ...((from.required as string[]) ?? [])]),
    ];
  }
  return merged;
}

function flattenWith(validator: SchemaValidator, node: unknown): Schema {
  const schema = validator.resolve<Schema>(node);
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...rest } = schema;
  return (allOf as unknown[]).reduce<Schema>(
    (merged, part) => mergeSchemas(merged, flattenWith(validator, part)),
    rest,
  );
}

function examplesOf(
  media: { example?: unknown; examples?: Record<string, unknown> },
  validator: SchemaValidator,
) {
  const values: unknown[] = media.example === undefined ? [] : [media.example];
  for (const example of Object.values(media.examples ?? {})) {
    values.push(validator.resolve<{ value?: unknown }>(example).value);
  }
  return values.filter((value) => value !== undefined);
}

/**
 * Reads every operation of `document`.
 *
 * @example
 * const spec = readFuzzSpec();
 * spec.operations.map((operation) => `${operation.method} ${operation.path}`);
 */
export function readFuzzSpec(document: OpenApiDocument = openapiDocument): FuzzSpec {
  const validator = createSchemaValidator(document);
  const flatten = (node: unknown) => flattenWith(validator, node);
  const globalSecurity = (document.security as unknown[] | undefined) ?? [];
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    for (const method of methods) {
      const operation = item[method] as
        | {
            operationId: string;
            parameters?: unknown[];
            requestBody?: unknown;
            security?: unknown[];
            responses: Record<string, unknown>;
          }
        | undefined;
      if (operation === undefined) continue;
      const parameters = [...shared, ...(operation.parameters ?? [])].map((node) => {
        const parameter = validator.resolve<{
          name: string;
          in: SpecParameter["in"];
          required?: boolean;
          schema: Schema;
        }>(node);
        return {
          name: parameter.name,
          in: parameter.in,
          required: parameter.required === true,
          schema: parameter.schema,
          resolved: flatten(parameter.schema),
        };
      });
      let body: SpecOperation["body"] = null;
      if (operation.requestBody !== undefined) {
        const requestBody = validator.resolve<{
          required?: boolean;
          content: Record<string, { schema: Schema; example?: unknown; examples?: Record<string, unknown> }>;
        }>(operation.requestBody);
        const media = requestBody.content["application/json"];
        if (media === undefined) throw new Error(`${operation.operationId}: only JSON bodies are fuzzed`);
        body = {
          required: requestBody.required === true,
          schema: media.schema,
          examples: examplesOf(media, validator),
        };
      }
      const responses = new Map<number, SpecResponse>();
      for (const [status, node] of Object.entries(operation.responses)) {
        const response = validator.resolve<{
          content?: Record<string, { schema?: Schema }>;
          headers?: Record<string, unknown>;
        }>(node);
        const requiredHeaders = Object.entries(response.headers ?? {})
          .filter(([, header]) => validator.resolve<{ required?: boolean }>(header).required === true)
          .map(([name]) => name);
        responses.set(Number(status), {
          status: Number(status),
          schema: response.content?.["application/json"]?.schema,
          requiredHeaders,
        });
      }
      operations.push({
        id: operation.operationId,
        method: method.toUpperCase(),
        path,
        parameters,
        body,
        secured: (operation.security ?? globalSecurity).length > 0,
        responses,
      });
    }
  }
  return {
    operations,
    validator,
    flatten,
    errorSchemas: {
      gateway: { $ref: "#/components/schemas/GatewayError" },
      app: { $ref: "#/components/schemas/AppError" },
    },
  };
}
