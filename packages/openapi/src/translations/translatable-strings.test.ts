import { describe, expect, test } from "vitest";
import { collectTranslatableStrings } from "./translatable-strings.js";

describe("collectTranslatableStrings", () => {
  test("takes prose and leaves names, data, schema titles and extensions", () => {
    const document = {
      info: { title: "API", description: "About", "x-notes": { description: "dev only" } },
      paths: {
        "/a": {
          get: {
            summary: "Get",
            responses: {
              "200": {
                description: "OK",
                content: {
                  "application/json": {
                    examples: { one: { summary: "One", value: { description: "data" } } },
                    example: { summary: "data" },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Thing: {
            title: "Thing",
            description: "A thing",
            default: { description: "data" },
            properties: { description: { type: "string", description: "The description field" } },
          },
        },
        examples: { Ex: { summary: "An example", value: { summary: "data" } } },
      },
    };
    expect(collectTranslatableStrings(document).map(({ pointer, text }) => [pointer, text])).toEqual([
      ["/info/title", "API"],
      ["/info/description", "About"],
      ["/paths/~1a/get/summary", "Get"],
      ["/paths/~1a/get/responses/200/description", "OK"],
      ["/paths/~1a/get/responses/200/content/application~1json/examples/one/summary", "One"],
      ["/components/schemas/Thing/description", "A thing"],
      ["/components/schemas/Thing/properties/description/description", "The description field"],
      ["/components/examples/Ex/summary", "An example"],
    ]);
  });
});
