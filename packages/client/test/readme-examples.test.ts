// Every ```ts block of the README is compiled against the package's own types (the package's turbo.json
// makes the README an input of its test task for this).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { exampleModule, type ReadmeExample, readmeExamples, typeErrors } from "@sessions-api/readme-examples";
import { describe, expect, test } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsconfig = join(packageDir, "tsconfig.json");

// the names the examples use without making them, with the types a reader would assume
const preamble = [
  'import type { Session as ExampleSession, SessionsClient as ExampleClient } from "@sessions-api/client";',
  "declare const client: ExampleClient;",
  "declare const session: ExampleSession;",
  "declare const id: string;",
  "declare const baseUrl: string;",
  "declare const apiKey: string;",
];

const asModule = (example: ReadmeExample, index: number) =>
  // beside the tests, so that the package's own name resolves through its exports map
  exampleModule(example, { fileName: join(packageDir, "test", `readme-example-${index + 1}.ts`), preamble });

describe("the README's TypeScript examples", () => {
  const examples = readmeExamples(readFileSync(join(packageDir, "README.md"), "utf8"));

  test("are found", () => {
    // the quick start, the raw client, pagination, errors, retries, dates and usernames
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  test("compile against the package's types", () => {
    expect(typeErrors(examples.map(asModule), tsconfig)).toEqual([]);
  });

  test("a misuse in an example is reported at its README line", () => {
    // a product without sessions must not compile, so the check above is not vacuous
    const broken = { line: 100, code: 'await client.gateway.sessions.get("isp", id);\n' };
    const errors = typeErrors([asModule(broken, 99)], tsconfig);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^README\.md:100: Argument of type '"isp"'/);
  });
});
