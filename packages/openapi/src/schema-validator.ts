/**
 * Validates values against schemas of the OpenAPI document with a JSON Schema 2020-12 validator
 * (Ajv, formats included), which is the dialect OpenAPI 3.1 uses. Used to check the spec's own
 * examples and, by the contract suite, every response a target sends.
 *
 * @example
 * import { createSchemaValidator } from "@sessions-api/openapi/validator";
 * const validator = createSchemaValidator();
 * const result = validator.validate({ $ref: "#/components/schemas/Session" }, body);
 * if (!result.valid) console.error(result.errors.join("\n"));
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import formatsPlugin from "ajv-formats";
import { openapiDocument } from "./generated/openapi-document.js";
import type { OpenApiDocument } from "./openapi-document-type.js";

const documentId = "urn:sessions-api:openapi";

export interface ValidationResult {
  valid: boolean;
  /** One line per problem: the JSON pointer into the value, then what was expected there. */
  errors: string[];
}

export interface SchemaValidator {
  /** Validates `value` against `schema`, a schema object of the document (it may `$ref` components). */
  validate(schema: object, value: unknown): ValidationResult;
  /** Follows a document-level `$ref` (`#/components/...`) until it reaches the object it names. */
  resolve<T>(node: unknown): T;
}

// ajv-formats is CommonJS: its module object is the plugin, and `.default` points back at it.
const addFormats = formatsPlugin.default;

function qualifyRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(qualifyRefs);
  if (node === null || typeof node !== "object") return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/")
        ? documentId + value
        : qualifyRefs(value);
  }
  return copy;
}

export function formatErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const at = error.instancePath === "" ? "(root)" : error.instancePath;
    const extra =
      error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties"
        ? ` (${JSON.stringify(Object.values(error.params)[0])})`
        : error.keyword === "enum"
          ? ` (${JSON.stringify(error.params.allowedValues)})`
          : "";
    return `${at}: ${error.message ?? error.keyword}${extra}`;
  });
}

/** Creates a validator bound to an OpenAPI document (the Sessions API's own by default). */
export function createSchemaValidator(document: OpenApiDocument = openapiDocument): SchemaValidator {
  // OpenAPI adds keywords (example, discriminator, xml, externalDocs) that strict mode would reject.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: documentId, components: document.components }, undefined, undefined, false);
  const compiled = new WeakMap<object, ValidateFunction>();

  const resolve = <T>(node: unknown): T => {
    let current: unknown = node;
    for (let hops = 0; hops < 16; hops++) {
      const ref = (current as { $ref?: unknown } | null)?.$ref;
      if (typeof ref !== "string") return current as T;
      if (!ref.startsWith("#/")) throw new Error(`Only local references are supported, got ${ref}`);
      current = ref
        .slice(2)
        .split("/")
        .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
        .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], document);
      if (current === undefined) throw new Error(`Unresolvable reference ${ref}`);
    }
    throw new Error("Reference chain too long");
  };

  return {
    resolve,
    validate(schema, value) {
      let check = compiled.get(schema);
      if (!check) {
        check = ajv.compile(qualifyRefs(schema) as object);
        compiled.set(schema, check);
      }
      const valid = check(value);
      return { valid, errors: valid ? [] : formatErrors(check.errors) };
    },
  };
}
