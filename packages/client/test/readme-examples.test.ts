// Every ```ts block of the README is compiled against the package's own types (the package's turbo.json
// makes the README an input of its test task for this).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { exampleModule, type ReadmeExample, readmeExamples, typeErrors } from "@sessions-api/readme-examples";
import { createSessionsApp, DEMO_KEYS } from "@sessions-api/server";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import * as client from "../src/index.js";

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

// an example's code as the body of an async function whose parameters are the names it imports from the
// client, and `console`
function runnable(example: ReadmeExample): { names: string[]; body: string } {
  const names: string[] = [];
  const code = example.code.replace(
    /^import \{([^}]+)\} from "@sessions-api\/client";\n/gm,
    (_, list: string) => {
      names.push(...list.split(",").map((name) => name.trim()));
      return "";
    },
  );
  const { outputText } = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return { names, body: outputText };
}

describe("the README's quick start", () => {
  test("run against the reference server's demo data, reads the terminated session back as terminated", async () => {
    const [quickStart] = readmeExamples(readFileSync(join(packageDir, "README.md"), "utf8"));
    if (quickStart === undefined) throw new Error("no quick start");
    const { names, body } = runnable(quickStart);
    const sandbox = await createSessionsApp({ seedDemoData: true, purgeIntervalMs: 0 });
    try {
      // the example's own client, pointed at the in-process server with the demo key
      const exports: Record<string, unknown> = {
        ...client,
        createSessionsClient: (options: client.SessionsClientOptions) =>
          client.createSessionsClient({
            ...options,
            apiKey: DEMO_KEYS.full,
            fetch: (request) => sandbox.fetch(request),
          }),
      };
      const logged: unknown[][] = [];
      const log = { log: (...values: unknown[]) => logged.push(values) };
      const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
        ...args: string[]
      ) => (...values: unknown[]) => Promise<void>;
      await new AsyncFunction("console", ...names, body)(log, ...names.map((name) => exports[name]));
      // the list shows the docs' session, then the read-back says what terminating it did
      expect(logged.map((values) => values[0])).toContain("ses_01HX2K3PQ4M5");
      expect(logged.at(-1)?.[0]).toBe("terminated");
      expect(Number.isNaN(Date.parse(String(logged.at(-1)?.[1])))).toBe(false);
    } finally {
      await sandbox.close();
    }
  });
});
