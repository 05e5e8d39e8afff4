import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { exampleModule, readmeExamples, typeErrors } from "./readme-examples.js";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsconfig = join(packageDir, "tsconfig.json");
// in memory only, beside this file, so that the package's own name resolves through its exports map
const moduleAt = (n: number) => join(packageDir, "src", `readme-example-${n}.ts`);

const readme = [
  "# A package", //                                             line 1
  "",
  "```sh",
  "npm install a-package",
  "```",
  "",
  "```ts",
  'import { readmeExamples } from "@sessions-api/readme-examples";', // line 8
  "",
  "const examples = readmeExamples(markdown);",
  "await Promise.resolve(examples.length);",
  "```",
  "",
  "```ts",
  "const count: number = examples;", //                         line 15
  "```",
  "",
].join("\n");

describe("readmeExamples", () => {
  test("finds every ts block with the README line of its first line of code, and nothing else", () => {
    const examples = readmeExamples(readme);
    expect(examples.map((example) => example.line)).toEqual([8, 15]);
    expect(examples[1]?.code).toBe("const count: number = examples;\n");
  });
});

describe("exampleModule", () => {
  test("puts the imports first, then the preamble, then the code in an async function", () => {
    const [first] = readmeExamples(readme);
    if (first === undefined) throw new Error("no example");
    const module = exampleModule(first, {
      fileName: moduleAt(1),
      preamble: ["declare const markdown: string;"],
    });
    expect(module.source).toBe(
      [
        'import { readmeExamples } from "@sessions-api/readme-examples";',
        "",
        "declare const markdown: string;",
        "export async function example() {",
        "  ",
        "  const examples = readmeExamples(markdown);",
        "  await Promise.resolve(examples.length);",
        "}",
        "",
      ].join("\n"),
    );
    // the module's lines map back to the README's; the preamble's lines have none
    expect([0, 1, 2, 3, 5, 6, 7].map((line) => module.readmeLine(line))).toEqual([
      8,
      undefined,
      undefined,
      undefined,
      10,
      11,
      undefined,
    ]);
  });
});

describe("typeErrors", () => {
  const examples = readmeExamples(readme);
  const modules = examples.map((example, i) =>
    exampleModule(example, {
      fileName: moduleAt(i + 1),
      preamble: ["declare const markdown: string;", "declare const examples: unknown[];"],
    }),
  );

  test("passes an example that compiles, top-level await and the package's own name included", () => {
    expect(typeErrors(modules.slice(0, 1), tsconfig)).toEqual([]);
  });

  test("reports an example that does not compile at its README line", () => {
    const errors = typeErrors(modules, tsconfig);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^README\.md:15: Type 'unknown\[\]' is not assignable to type 'number'/);
  });
});
