/**
 * The README is what users copy from: its ```ts blocks are compiled against the package's own types, so
 * that a renamed option or a changed signature fails a test instead of a user's editor.
 *
 * The blocks are fragments: some use names they do not make (a `client`, an `id`), and some `await` or
 * `return` at the top level. Each becomes the body of an async function in a module of its own, its
 * imports hoisted, after a preamble that declares the names it borrows with the types a reader would
 * assume. Errors name the README line they are on.
 *
 * @example
 * const readme = readFileSync(join(packageDir, "README.md"), "utf8");
 * const modules = readmeExamples(readme).map((example, i) =>
 *   exampleModule(example, { fileName: join(packageDir, "test", `readme-example-${i + 1}.ts`) }),
 * );
 * expect(typeErrors(modules, join(packageDir, "tsconfig.json"))).toEqual([]);
 */
import ts from "typescript";

/** One ```ts block of a README. */
export interface ReadmeExample {
  /** README line of the block's first line of code. */
  line: number;
  code: string;
}

/** An example as a module to compile: its file name, its text, and where its lines come from. */
export interface ExampleModule {
  fileName: string;
  source: string;
  /** The README line of a line of the module (0-based), where it has one. */
  readmeLine(moduleLine: number): number | undefined;
}

/**
 * Every ```ts block of a markdown text, in order.
 *
 * @example
 * readmeExamples("# A\n\n```ts\nconst a = 1;\n```\n"); // [{ line: 4, code: "const a = 1;\n" }]
 */
export function readmeExamples(markdown: string): ReadmeExample[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => ({
    line: markdown.slice(0, match.index).split("\n").length + 1,
    code: match[1] ?? "",
  }));
}

/**
 * An example as a module: its imports first, then the preamble, then the rest of its code as the body
 * of an exported async function.
 *
 * @example
 * exampleModule(example, {
 *   // beside the package's sources, so that the package's own name resolves through its exports map
 *   fileName: join(packageDir, "test", "readme-example-1.ts"),
 *   preamble: ['import type { SessionsClient } from "@sessions-api/client";', "declare const client: SessionsClient;"],
 * });
 */
export function exampleModule(
  example: ReadmeExample,
  options: { fileName: string; preamble?: readonly string[] },
): ExampleModule {
  const preamble = [...(options.preamble ?? []), "export async function example() {"];
  const lines = example.code.replace(/\n$/, "").split("\n");
  const indexes = lines.map((_, i) => i);
  const imports = indexes.filter((i) => /^import\s/.test(lines[i] ?? ""));
  const body = indexes.filter((i) => !imports.includes(i));
  // for each line of the module, the example's line it came from (-1: none)
  const origin = [...imports, -1, ...preamble.map(() => -1), ...body, -1];
  const text = [...imports.map((i) => lines[i]), "", ...preamble, ...body.map((i) => `  ${lines[i]}`), "}"];
  return {
    fileName: options.fileName,
    source: `${text.join("\n")}\n`,
    readmeLine: (moduleLine) => {
      const i = origin[moduleLine];
      return i === undefined || i < 0 ? undefined : example.line + i;
    },
  };
}

/**
 * The type errors of modules that exist only in memory, compiled together with the options of a
 * tsconfig; each error reads `README.md:LINE: message`.
 *
 * @example
 * typeErrors(modules, join(packageDir, "tsconfig.json")); // [] when every example compiles
 */
export function typeErrors(modules: readonly ExampleModule[], tsconfigPath: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfigPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (config === undefined) throw new Error(`cannot read ${tsconfigPath}`);
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
      return `README.md:${module.readmeLine(line) ?? "?"}: ${message}`;
    });
  });
}
