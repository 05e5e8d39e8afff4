import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { diffSpecs, renderChanges, type SpecChange } from "./spec-diff.js";

// A small document with what the rules look at: parameters of every kind, a request body, responses with
// headers, and schemas shared through components.
function baseDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    security: [{ apiKey: [] }],
    paths: {
      "/things/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", pattern: "^t_" } }],
        get: {
          parameters: [
            { name: "fields", in: "query", schema: { type: "string", maxLength: 10 } },
            { name: "X-Trace", in: "header", required: true, schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "the thing",
              headers: { "X-Request-Id": { required: true, schema: { type: "string" } } },
              content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
            },
            "404": {
              description: "none",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
          },
        },
        put: {
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/ThingInput" } } },
          },
          responses: { "204": { description: "stored" } },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          description: "a thing",
          allOf: [{ $ref: "#/components/schemas/ThingFields" }],
          unevaluatedProperties: false,
        },
        ThingFields: {
          type: "object",
          required: ["id", "kind", "size"],
          properties: {
            id: { type: "string" },
            kind: { type: "string", enum: ["a", "b"] },
            size: { type: "integer", minimum: 0 },
            note: { type: "string" },
            tags: { type: "array", items: { type: "string" } },
          },
        },
        ThingInput: {
          type: "object",
          additionalProperties: false,
          required: ["kind"],
          properties: {
            kind: { type: "string", enum: ["a", "b"] },
            size: { type: "integer", minimum: 0, maximum: 100 },
          },
        },
        Error: {
          type: "object",
          required: ["code"],
          properties: { code: { type: "string", enum: ["not_found"] } },
        },
      },
    },
  };
}

type Document = ReturnType<typeof baseDocument>;

// the changes one edit of the base document makes, as `severity at: message`
function changesOf(edit: (document: Document) => void): string[] {
  const head = baseDocument();
  edit(head);
  return diffSpecs(baseDocument(), head).map(
    (change) => `${change.severity} ${change.at}: ${change.message}`,
  );
}

const thing = (document: Document) => document.components.schemas.ThingFields.properties;
const input = (document: Document) => document.components.schemas.ThingInput;
const getThing = (document: Document) => document.paths["/things/{id}"].get;

describe("diffSpecs", () => {
  test("finds nothing between a document and itself, nor in descriptions, examples and key order", () => {
    expect(changesOf(() => {})).toEqual([]);
    expect(
      changesOf((document) => {
        document.components.schemas.Thing.description = "something else";
        Object.assign(thing(document).id, { description: "its id", examples: ["t_1"] });
        document.components.schemas.Error.properties = { code: { enum: ["not_found"], type: "string" } };
      }),
    ).toEqual([]);
  });

  test.each<[string, (document: Document) => void, string[]]>([
    [
      "an operation removed is breaking, one added compatible",
      (document) => {
        const { put, ...rest } = document.paths["/things/{id}"];
        Object.assign(document.paths, { "/things/{id}": rest, "/others": { get: put } });
      },
      ["breaking PUT /things/{id}: operation removed", "compatible GET /others: operation added"],
    ],
    [
      "a path parameter renamed is no change at all",
      (document) => {
        const item = document.paths["/things/{id}"];
        item.parameters = [
          { ...(item.parameters[0] as object), name: "thing" } as (typeof item.parameters)[0],
        ];
        Object.assign(document.paths, { "/things/{thing}": item });
        delete (document.paths as Record<string, unknown>)["/things/{id}"];
      },
      [],
    ],
    [
      "a required parameter added is breaking, an optional one compatible",
      (document) => {
        getThing(document).parameters.push(
          { name: "lang", in: "query", required: true, schema: { type: "string" } } as never,
          { name: "page", in: "query", schema: { type: "string" } } as never,
        );
      },
      [
        "breaking GET /things/{id} query lang: parameter added, required",
        "compatible GET /things/{id} query page: parameter added, optional",
      ],
    ],
    [
      "a parameter removed, or made required, is breaking",
      (document) => {
        const [fields, trace] = getThing(document).parameters;
        getThing(document).parameters = [{ ...fields, required: true } as never];
        void trace;
      },
      [
        "breaking GET /things/{id} query fields: now required",
        "breaking GET /things/{id} header X-Trace: parameter removed",
      ],
    ],
    [
      "a request bound tightened is breaking, loosened compatible",
      (document) => {
        getThing(document).parameters[0] = {
          name: "fields",
          in: "query",
          schema: { type: "string", maxLength: 5 },
        };
        input(document).properties.size.maximum = 1000;
      },
      [
        "breaking GET /things/{id} query fields: maxLength 10 -> 5",
        "compatible schema ThingInput /size: maximum 100 -> 1000",
      ],
    ],
    [
      "a request field newly required is breaking; an optional one added compatible",
      (document) => {
        input(document).required.push("size");
        Object.assign(input(document).properties, { color: { type: "string" } });
      },
      [
        "breaking schema ThingInput /size: now required",
        "compatible schema ThingInput /color: added, optional",
      ],
    ],
    [
      "a request field removed from a closed object is breaking: clients that send it are refused",
      (document) => {
        delete (input(document).properties as Record<string, unknown>).size;
      },
      ["breaking schema ThingInput /size: removed from the request"],
    ],
    [
      "a request enum value removed is breaking, one added compatible",
      (document) => {
        input(document).properties.kind.enum = ["a", "c"];
      },
      [
        'breaking schema ThingInput /kind: value "b" removed',
        'compatible schema ThingInput /kind: value "c" added',
      ],
    ],
    [
      "a response field removed, or no longer required, is breaking; one added compatible",
      (document) => {
        delete (thing(document) as Record<string, unknown>).id;
        document.components.schemas.ThingFields.required = ["id", "kind"];
        Object.assign(thing(document), { color: { type: "string" } });
      },
      [
        "breaking schema Thing /id: removed from the response",
        "breaking schema Thing /size: no longer required",
        "compatible schema Thing /color: added, optional",
      ],
    ],
    [
      "a response that may now be null is breaking; a response enum value added is for review",
      (document) => {
        Object.assign(thing(document).note, { type: ["string", "null"] });
        thing(document).kind.enum = ["a", "b", "c"];
      },
      [
        "breaking schema Thing /note: type null now allowed",
        'review schema Thing /kind: value "c" added: a client that handles every value must handle it',
      ],
    ],
    [
      "a change inside an array's items is found at its pointer",
      (document) => {
        thing(document).tags.items = { type: "integer" } as never;
      },
      [
        "breaking schema Thing /tags[]: type integer now allowed",
        "compatible schema Thing /tags[]: type string no longer allowed",
      ],
    ],
    [
      "a success response removed is breaking, an error response removed compatible; a new success is for review",
      (document) => {
        const responses = getThing(document).responses as Record<string, unknown>;
        delete responses["404"];
        responses["202"] = { description: "later" };
        const put = document.paths["/things/{id}"].put.responses as Record<string, unknown>;
        delete put["204"];
        put["200"] = { description: "stored" };
      },
      [
        "breaking PUT /things/{id} 204: response no longer documented",
        "review GET /things/{id} 202: response added",
        "review PUT /things/{id} 200: response added",
        "compatible GET /things/{id} 404: response no longer documented",
      ],
    ],
    [
      "a response header removed is breaking",
      (document) => {
        getThing(document).responses["200"].headers = {} as never;
      },
      ["breaking GET /things/{id} 200 header X-Request-Id: header removed"],
    ],
    [
      "a request body removed, or a media type of it, is breaking",
      (document) => {
        document.paths["/things/{id}"].put.requestBody.content = {
          "application/merge-patch+json": { schema: { $ref: "#/components/schemas/ThingInput" } },
        } as never;
      },
      [
        "breaking PUT /things/{id} request body application/json: media type removed",
        "compatible PUT /things/{id} request body application/merge-patch+json: media type added",
      ],
    ],
    [
      "a changed security requirement and an unknown keyword are for review",
      (document) => {
        Object.assign(getThing(document), { security: [] });
        Object.assign(thing(document).id, { contentEncoding: "base64" });
      },
      [
        "review GET /things/{id} security: security requirements changed",
        'review schema Thing /id: contentEncoding changed: (none) -> "base64"',
      ],
    ],
  ])("%s", (_, edit, expected) => {
    expect(changesOf(edit).sort()).toEqual([...expected].sort());
  });

  test("a change in a shared schema is reported once, with every operation and place it reaches", () => {
    const head = baseDocument();
    head.components.schemas.Error.properties.code.enum = [] as never;
    Object.assign(getThing(head).responses, {
      "410": {
        description: "gone",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    });
    const changes = diffSpecs(baseDocument(), head).filter((change) => change.at.startsWith("schema Error"));
    expect(changes).toEqual<SpecChange[]>([
      {
        severity: "compatible",
        at: "schema Error /code",
        message: 'value "not_found" removed',
        usedBy: [{ operation: "GET /things/{id}", via: "404" }],
      },
    ]);
  });

  test("a $ref that reads the same in both versions is still followed", () => {
    // SessionPage-like: the list's items are a $ref whose text does not change when the schema does
    const base = baseDocument();
    Object.assign(base.components.schemas, {
      Page: {
        type: "object",
        properties: { data: { type: "array", items: { $ref: "#/components/schemas/Error" } } },
      },
    });
    const head = structuredClone(base);
    head.components.schemas.Error.required = [];
    const uses = [base, head].map((document) =>
      Object.assign(getThing(document).responses["200"].content["application/json"].schema, {
        $ref: "#/components/schemas/Page",
      }),
    );
    expect(uses).toHaveLength(2);
    const change = diffSpecs(base, head).find((found) => found.at === "schema Error /code");
    expect(change?.message).toBe("no longer required");
    // reached through the page (200) as well as directly (404)
    expect(change?.usedBy).toEqual([
      { operation: "GET /things/{id}", via: "200" },
      { operation: "GET /things/{id}", via: "404" },
    ]);
  });
});

describe("diffSpecs on documents of other shapes", () => {
  test("compares a recursive schema once, and still finds a change inside it", () => {
    const tree = (kinds: string[]) => ({
      type: "object",
      properties: {
        kind: { type: "string", enum: kinds },
        left: { $ref: "#/components/schemas/Tree" },
        right: { $ref: "#/components/schemas/Tree" },
      },
    });
    const withTree = (kinds: string[]) => {
      const document = baseDocument();
      Object.assign(document.components.schemas, { Tree: tree(kinds) });
      Object.assign(getThing(document).responses["200"].content["application/json"].schema, {
        $ref: "#/components/schemas/Tree",
      });
      return document;
    };
    const changes = diffSpecs(withTree(["leaf"]), withTree(["leaf", "node"]));
    expect(changes.map((change) => `${change.severity} ${change.at}: ${change.message}`)).toEqual([
      'review schema Tree /kind: value "node" added: a client that handles every value must handle it',
    ]);
  });

  test.each([
    ["an anyOf alternative", { anyOf: [{ $ref: "#/components/schemas/Error" }, { type: "null" }] }],
    [
      "additionalProperties",
      { type: "object", additionalProperties: { $ref: "#/components/schemas/Error" } },
    ],
  ])("follows the $ref of %s when its text is unchanged", (_, problem) => {
    const withProblem = (codes: string[]) => {
      const document = baseDocument();
      document.components.schemas.Error.properties.code.enum = codes;
      Object.assign(thing(document), { problem });
      return document;
    };
    const changes = diffSpecs(withProblem(["not_found"]), withProblem(["not_found", "gone"]));
    expect(changes).toHaveLength(1);
    expect(changes[0]?.at).toBe("schema Error /code");
    // reached through the thing (200) as well as directly (404)
    expect(changes[0]?.usedBy).toEqual([
      { operation: "GET /things/{id}", via: "200" },
      { operation: "GET /things/{id}", via: "404" },
    ]);
  });

  test("an anyOf alternative without a type has its owner's: repeating it there changes nothing", () => {
    const ip = (branches: object[]) => (document: Document) => {
      Object.assign(thing(document), { ip: { type: "string", anyOf: branches } });
    };
    const untyped = [{ format: "ipv4" }, { format: "ipv6" }];
    const typed = [
      { type: "string", format: "ipv4" },
      { type: "string", format: "ipv6" },
    ];
    const head = baseDocument();
    ip(typed)(head);
    const base = baseDocument();
    ip(untyped)(base);
    expect(diffSpecs(base, head)).toEqual([]);
    // a branch that does change is still reported
    const changed = baseDocument();
    ip([{ format: "hostname" }, ...typed.slice(1)])(changed);
    expect(
      diffSpecs(base, changed).map((change) => `${change.severity} ${change.at}: ${change.message}`),
    ).toEqual(['review schema Thing /ip anyOf[0]: format "ipv4" -> "hostname"']);
  });

  test("refuses what is not an OpenAPI 3 document, saying which side", () => {
    expect(() => diffSpecs(baseDocument(), { swagger: "2.0" })).toThrow(
      'the head is not an OpenAPI 3 document (no "openapi: 3.x" at its top)',
    );
    expect(() => diffSpecs("just text", baseDocument())).toThrow("the base is not an OpenAPI 3 document");
  });
});

describe("renderChanges", () => {
  test("groups the changes by severity, breaking first, and lists the uses of a shared schema", () => {
    const text = renderChanges([
      {
        severity: "breaking",
        at: "schema Thing /id",
        message: "removed from the response",
        usedBy: [
          { operation: "GET /things/{id}", via: "200" },
          { operation: "GET /things/{id}", via: "201" },
          { operation: "PUT /things/{id}", via: "200" },
        ],
      },
      { severity: "compatible", at: "GET /others", message: "operation added", usedBy: [] },
    ]);
    expect(text).toBe(
      [
        "Breaking: a client built against the base document can fail (1):",
        "  schema Thing /id: removed from the response",
        "    used by GET /things/{id} (200, 201), PUT /things/{id} (200)",
        "",
        "Compatible (1):",
        "  GET /others: operation added",
      ].join("\n"),
    );
  });

  test("says so when nothing a client can observe changed", () => {
    expect(renderChanges([])).toBe("No change a client can observe.");
  });
});

describe("the repository's spec", () => {
  const specPath = join(dirname(fileURLToPath(import.meta.url)), "../../../spec/openapi.yaml");
  const spec = () => parse(readFileSync(specPath, "utf8"));

  test("has no change against itself", () => {
    expect(diffSpecs(spec(), spec())).toEqual([]);
  });

  test("a field dropped from a session is breaking for every operation that answers one", () => {
    const head = spec();
    head.components.schemas.SessionFields.required = head.components.schemas.SessionFields.required.filter(
      (name: string) => name !== "asn",
    );
    const breaking = diffSpecs(spec(), head).filter((change) => change.severity === "breaking");
    expect(breaking.map((change) => change.at).sort()).toEqual([
      "schema Session /asn",
      "schema SessionDetail /asn",
    ]);
    const operations = new Set(breaking.flatMap((change) => change.usedBy.map((use) => use.operation)));
    expect([...operations].sort()).toEqual([
      "DELETE /v1/{product}/sessions/{id}",
      "GET /v1/mobile/sessions",
      "GET /v1/residential/sessions",
      "GET /v1/{product}/sessions/{id}",
      "POST /sandbox/v1/{product}/traffic",
    ]);
  });
});
