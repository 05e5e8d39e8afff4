// The README is what users copy from: every ```ts block in it is compiled against the package's own
// types, so a renamed option or a changed signature fails here instead of in a user's editor (the
// package's turbo.json makes the README an input of its test task for this).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const readmePath = join(packageDir, "README.md");

interface Example {
  /** README line of the block's first line of code. */
  line: number;
  code: string;
}

function readmeExamples(markdown: string): Example[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => ({
    line: markdown.slice(0, match.index).split("\n").length + 1,
    code: match[1] ?? "",
  }));
}

// The blocks are fragments: they use `client`, `session`, `id`, `baseUrl` and `apiKey` without making them, and
// some `await` or `return` at the top level. Each becomes the body of an async function in a module of
// its own, its imports hoisted, with the names it borrows declared with the types a reader would assume.
const preamble = [
  'import type { Session as ExampleSession, SessionsClient as ExampleClient } from "@sessions-api/client";',
  "declare const client: ExampleClient;",
  "declare const session: ExampleSession;",
  "declare const id: string;",
  "declare const baseUrl: string;",
  "declare const apiKey: string;",
  "export async function example() {",
];

interface CompiledExample {
  fileName: string;
  source: string;
  // the README line of each line of the module, where it has one
  readmeLine: (moduleLine: number) => number | undefined;
}

function asModule(example: Example, index: number): CompiledExample {
  const lines = example.code.replace(/\n$/, "").split("\n");
  const indexes = lines.map((_, i) => i);
  const imports = indexes.filter((i) => /^import\s/.test(lines[i] ?? ""));
  const body = indexes.filter((i) => !imports.includes(i));
  const order = [...imports, -1, ...preamble.map(() => -1), ...body, -1];
  const text = [...imports.map((i) => lines[i]), "", ...preamble, ...body.map((i) => `  ${lines[i]}`), "}"];
  return {
    // beside the tests, so that the package's own name resolves through its exports map
    fileName: join(packageDir, "test", `readme-example-${index + 1}.ts`),
    source: `${text.join("\n")}\n`,
    readmeLine: (moduleLine) => {
      const i = order[moduleLine];
      return i === undefined || i < 0 ? undefined : example.line + i;
    },
  };
}

// type errors of the given in-memory modules, compiled with the package's tsconfig
function typeErrors(modules: readonly CompiledExample[]): string[] {
  const configPath = join(packageDir, "tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (config === undefined) throw new Error(`cannot read ${configPath}`);
  const byName = new Map(modules.map((module) => [module.fileName, module]));
  const host = ts.createCompilerHost(config.options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => byName.has(name) || fileExists.call(host, name);
  host.readFile = (name) => byName.get(name)?.source ?? readFile.call(host, name);
  host.getSourceFile = (name, language, onError, create) => {
    const module = byName.get(name);
    return module === undefined
      ? getSourceFile.call(host, name, language, onError, create)
      : ts.createSourceFile(name, module.source, language, true);
  };
  const program = ts.createProgram({ rootNames: [...byName.keys()], options: config.options, host });
  return modules.flatMap((module) => {
    const file = program.getSourceFile(module.fileName);
    if (file === undefined) return [`${module.fileName}: not compiled`];
    return ts.getPreEmitDiagnostics(program, file).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      if (diagnostic.file === undefined || diagnostic.start === undefined) return message;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const readmeLine = module.readmeLine(line);
      return `README.md:${readmeLine ?? "?"}: ${message}`;
    });
  });
}

describe("the README's TypeScript examples", () => {
  const examples = readmeExamples(readFileSync(readmePath, "utf8"));

  test("are found", () => {
    // the quick start, the raw client, pagination, errors, retries, dates and usernames
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  test("compile against the package's types", () => {
    expect(typeErrors(examples.map(asModule))).toEqual([]);
  }, 60_000);

  test("a misuse in an example is reported at its README line", () => {
    // the harness itself: a product without sessions must not compile, so the check above is not vacuous
    const broken = { line: 100, code: 'await client.gateway.sessions.get("isp", id);\n' };
    const errors = typeErrors([asModule(broken, 99)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^README\.md:100: Argument of type '"isp"'/);
  }, 60_000);
});
