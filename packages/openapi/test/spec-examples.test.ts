import { describe, expect, test } from "vitest";
import { openapiDocument } from "../src/document.js";
import { createSchemaValidator } from "../src/schema-validator.js";

// Prism serves examples without checking them, so every example in the spec is checked here.
const validator = createSchemaValidator();
const { resolve } = validator;

interface ExampleCase {
  where: string;
  schema: object;
  value: unknown;
}

type MediaMap = Record<string, { schema?: object; example?: unknown; examples?: Record<string, unknown> }>;

function mediaExamples(where: string, content: MediaMap | undefined): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const [mediaType, media] of Object.entries(content ?? {})) {
    if (!media.schema) continue;
    if (media.example !== undefined)
      cases.push({ where: `${where} ${mediaType}`, schema: media.schema, value: media.example });
    for (const [name, example] of Object.entries(media.examples ?? {})) {
      const { value } = resolve<{ value: unknown }>(example as { value: unknown });
      cases.push({ where: `${where} ${mediaType} example "${name}"`, schema: media.schema, value });
    }
  }
  return cases;
}

function collectExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const [path, pathItem] of Object.entries(openapiDocument.paths)) {
    const shared = (pathItem.parameters as object[] | undefined) ?? [];
    for (const [method, raw] of Object.entries(pathItem)) {
      if (method === "parameters") continue;
      const operation = raw as {
        parameters?: object[];
        requestBody?: { content?: MediaMap };
        responses: Record<string, object>;
      };
      const where = `${method.toUpperCase()} ${path}`;
      for (const param of [...shared, ...(operation.parameters ?? [])].map((p) =>
        resolve<{ name: string; schema: object; example?: unknown }>(p),
      )) {
        if (param.example !== undefined)
          cases.push({
            where: `${where} parameter ${param.name}`,
            schema: param.schema,
            value: param.example,
          });
      }
      cases.push(
        ...mediaExamples(
          `${where} request body`,
          resolve<{ content?: MediaMap } | undefined>(operation.requestBody)?.content,
        ),
      );
      for (const [status, ref] of Object.entries(operation.responses)) {
        const response = resolve<{ content?: MediaMap; headers?: Record<string, object> }>(ref);
        cases.push(...mediaExamples(`${where} ${status}`, response.content));
        for (const [name, headerRef] of Object.entries(response.headers ?? {})) {
          const header = resolve<{ schema: object; example?: unknown }>(headerRef);
          if (header.example !== undefined)
            cases.push({
              where: `${where} ${status} header ${name}`,
              schema: header.schema,
              value: header.example,
            });
        }
      }
    }
  }
  const schemas = openapiDocument.components.schemas as Record<string, { examples?: unknown[] }>;
  for (const [name, schema] of Object.entries(schemas)) {
    for (const [index, value] of (schema.examples ?? []).entries()) {
      cases.push({ where: `schema ${name} example ${index}`, schema, value });
    }
  }
  return cases;
}

const examples = collectExamples();

describe("every example in spec/openapi.yaml", () => {
  test("there are examples for every operation to check", () => {
    const operations = Object.values(openapiDocument.paths).flatMap((item) =>
      Object.keys(item).filter((key) => key !== "parameters"),
    );
    expect(operations.length).toBeGreaterThanOrEqual(12);
    expect(examples.length).toBeGreaterThan(operations.length * 3);
  });

  test.each(examples.map((example) => [example.where, example] as const))(
    "%s validates against its schema",
    (_, example) => {
      expect(validator.validate(example.schema, example.value).errors).toEqual([]);
    },
  );
});

describe("the schema validator", () => {
  const session = { $ref: "#/components/schemas/Session" };
  const { samples: _, ...valid } = resolve<{ value: Record<string, unknown> }>({
    $ref: "#/components/examples/SessionDetail",
  }).value;

  test("accepts the seed's session", () => {
    expect(validator.validate(session, valid)).toEqual({ valid: true, errors: [] });
  });

  test.each([
    ["a string asn", { asn: "7922" }, "/asn: must be integer"],
    ["an exit IP that is no IP", { exit_ip: "not-an-ip" }, "/exit_ip: must match format"],
    [
      "a timestamp without a zone",
      { started_at: "2026-05-28 07:00:00" },
      '/started_at: must match format "date-time"',
    ],
    ["an unknown status", { status: "paused" }, "/status: must be equal to one of the allowed values"],
    [
      "an undocumented field",
      { internal_score: 1 },
      'must NOT have unevaluated properties ("internal_score")',
    ],
  ])("rejects %s and names the field", (_, change, expected) => {
    const result = validator.validate(session, { ...valid, ...change });
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toContain(expected);
  });

  test.each([
    ["198.51.100.42", true],
    ["2001:db8:85a3::8a2e:370:7334", true],
    ["999.1.1.1", false],
    ["not-an-ip", false],
    [3325256706, false],
  ])("IpAddress %j is valid: %s", (value, valid) => {
    expect(validator.validate({ $ref: "#/components/schemas/IpAddress" }, value).valid).toBe(valid);
  });

  test("requires samples on a session detail but forbids them on a list item", () => {
    expect(validator.validate({ $ref: "#/components/schemas/SessionDetail" }, valid).errors.join()).toContain(
      "must have required property 'samples'",
    );
    expect(validator.validate(session, { ...valid, samples: [] }).valid).toBe(false);
  });
});
