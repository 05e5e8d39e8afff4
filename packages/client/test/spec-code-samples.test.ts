// The spec's code samples (`x-codeSamples`, shown by the API reference beside curl) are compiled against
// the package's own types, as its README examples are: every operation has one, and none shows code that
// does not compile.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openapiDocument } from "@sessions-api/openapi/document";
import { exampleModule, typeErrors } from "@sessions-api/readme-examples";
import { describe, expect, test } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsconfig = join(packageDir, "tsconfig.json");

interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

const samples = Object.values(openapiDocument.paths).flatMap((item) =>
  Object.values(item as Record<string, { operationId?: string; "x-codeSamples"?: CodeSample[] }>)
    .filter((operation) => typeof operation.operationId === "string")
    .map((operation) => ({
      operationId: operation.operationId as string,
      samples: operation["x-codeSamples"] ?? [],
    })),
);

describe("the spec's code samples", () => {
  test("every operation has one, for @sessions-api/client in TypeScript", () => {
    const labels = samples.map(({ operationId, samples }) => [
      operationId,
      samples.map((s) => `${s.lang} ${s.label}`),
    ]);
    expect(labels).toEqual(
      samples.map(({ operationId }) => [operationId, ["TypeScript @sessions-api/client"]]),
    );
  });

  test("compile against the package's types", () => {
    const modules = samples.flatMap(({ operationId, samples }) =>
      samples.map((sample) =>
        // beside the tests, so that the package's own name resolves through its exports map
        exampleModule(
          { line: 1, code: sample.source },
          { fileName: join(packageDir, "test", `${operationId}.sample.ts`) },
        ),
      ),
    );
    expect(modules.length).toBeGreaterThan(0);
    expect(typeErrors(modules, tsconfig)).toEqual([]);
  });

  test("a sample that misuses the client does not compile, so the check above is not vacuous", () => {
    const broken = exampleModule(
      {
        line: 1,
        code: 'import { createSessionsClient } from "@sessions-api/client";\nawait createSessionsClient({ baseUrl: "", apiKey: "" }).gateway.sessions.get("isp", "x");\n',
      },
      { fileName: join(packageDir, "test", "broken.sample.ts") },
    );
    expect(typeErrors([broken], tsconfig)).toHaveLength(1);
  });
});
