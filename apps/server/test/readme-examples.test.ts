// Every ```ts block of the README (embedding the server in a test suite) is compiled against the
// package's own types; its turbo.json makes the README an input of the test task for this.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { exampleModule, type ReadmeExample, readmeExamples, typeErrors } from "@sessions-api/readme-examples";
import { describe, expect, test } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsconfig = join(packageDir, "tsconfig.json");

const asModule = (example: ReadmeExample, index: number) =>
  // beside the tests, so that the package's own name resolves through its exports map
  exampleModule(example, { fileName: join(packageDir, "test", `readme-example-${index + 1}.ts`) });

describe("the README's TypeScript examples", () => {
  const examples = readmeExamples(readFileSync(join(packageDir, "README.md"), "utf8"));

  test("are found", () => {
    // createSessionsApp and startSessionsServer
    expect(examples.length).toBeGreaterThanOrEqual(1);
  });

  test("compile against the package's types", () => {
    expect(typeErrors(examples.map(asModule), tsconfig)).toEqual([]);
  });

  test("a misuse in an example is reported at its README line", () => {
    // an option the server does not have must not compile, so the check above is not vacuous
    const broken = {
      line: 100,
      code: 'import { startSessionsServer } from "@sessions-api/server";\nawait startSessionsServer({ prot: 0 });\n',
    };
    const errors = typeErrors([asModule(broken, 99)], tsconfig);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^README\.md:101: Object literal may only specify known properties/);
  });
});
