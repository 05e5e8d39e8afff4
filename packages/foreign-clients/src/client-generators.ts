/**
 * Independent client generators, run on `spec/openapi.yaml` at test time from this package's pinned
 * devDependencies (nothing is downloaded): how each is invoked, where it writes its types, and helpers to
 * typecheck what it wrote and to find the places where it typed something as `any` or `unknown`.
 *
 * @example
 * const dir = await prepareWorkspace();
 * await generateClient(heyApi, join(dir, heyApi.name));
 * const errors = await typecheck(join(dir, heyApi.name)); // [] when it compiles
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** This package's directory: its node_modules hold the generators and what their output imports. */
export const packageDir = fileURLToPath(new URL("..", import.meta.url));
/** The spec every generator reads. */
export const specPath = fileURLToPath(new URL("../../../spec/openapi.yaml", import.meta.url));
const exercisesDir = join(packageDir, "exercises");

/** One generator: its npm package, how to run it, and what it wrote. */
export interface ClientGenerator {
  /** A directory name and test label. */
  name: string;
  /** The npm package, a pinned devDependency of this package. */
  packageName: string;
  /** The command-line arguments, given the spec and the directory to write the client into. */
  args(spec: string, out: string, workDir: string): string[];
  /** Files of ours, from `exercises/`, that go beside the client (the exercise is `exercises/<name>.ts`). */
  support: string[];
  /** Files under `client/` that declare the spec's types, scanned for `any` and `unknown`. */
  typeFiles(clientDir: string): Promise<string[]>;
  /** What `any` or `unknown` looks like in those files, when not TypeScript's own keywords. */
  looseType?: RegExp;
  /** Writes what the generator needs besides its arguments (a config file), if anything. */
  prepare?(spec: string, workDir: string): Promise<void>;
}

const files =
  (...names: string[]) =>
  async () =>
    names;

export const heyApi: ClientGenerator = {
  name: "hey-api",
  packageName: "@hey-api/openapi-ts",
  // its default plugins: TypeScript types, SDK functions, its fetch client
  args: (spec, out) => ["-i", spec, "-o", out, "--silent", "--no-log-file"],
  support: [],
  typeFiles: files("types.gen.ts"),
};

export const openapiZodClient: ClientGenerator = {
  name: "openapi-zod-client",
  packageName: "openapi-zod-client",
  args: (spec, out) => [spec, "-o", join(out, "client.ts"), "--export-schemas"],
  support: [],
  typeFiles: files("client.ts"),
  // its types are zod schemas (its file also holds every operation's description as text)
  looseType: /\bz\.(any|unknown)\(\)/,
};

export const swaggerTypescriptApi: ClientGenerator = {
  name: "swagger-typescript-api",
  packageName: "swagger-typescript-api",
  // modular: the data contracts (types) in a file of their own, apart from the HTTP client
  args: (spec, out) => ["generate", "-p", spec, "-o", out, "--modular", "--silent"],
  support: [],
  typeFiles: files("data-contracts.ts"),
};

export const orval: ClientGenerator = {
  name: "orval",
  packageName: "orval",
  // its fetch client needs a base URL and the key, which orval takes through a custom fetch ("mutator")
  args: (_spec, _out, workDir) => ["--config", join(workDir, "orval.config.mjs")],
  support: ["orval-fetch.ts"],
  // split mode: the types in sessions.schemas.ts (its `schemas: <dir>` option needs Node 21's Map.groupBy)
  typeFiles: files("sessions.schemas.ts"),
  async prepare(spec, workDir) {
    const config = {
      sessions: {
        input: { target: spec },
        output: {
          target: join(workDir, "client", "sessions.ts"),
          client: "fetch",
          mode: "split",
          override: { mutator: { path: join(workDir, "orval-fetch.ts"), name: "orvalFetch" } },
        },
      },
    };
    await writeFile(
      join(workDir, "orval.config.mjs"),
      `export default ${JSON.stringify(config, null, 2)};\n`,
    );
  },
};

export const openapiTypescriptCodegen: ClientGenerator = {
  name: "openapi-typescript-codegen",
  packageName: "openapi-typescript-codegen",
  args: (spec, out) => ["--input", spec, "--output", out, "--client", "fetch"],
  support: [],
  typeFiles: async (clientDir) =>
    (await readdir(join(clientDir, "models"))).map((name) => join("models", name)).sort(),
};

/** A temporary directory for generated clients, whose node_modules is this package's. */
export async function prepareWorkspace(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "foreign-clients-"));
  // the generated code imports zod, @zodios/core, axios: resolved from this package's devDependencies
  await symlink(join(packageDir, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function binOf(packageName: string): Promise<string> {
  const packageRoot = join(packageDir, "node_modules", packageName);
  const manifest = JSON.parse(await readFile(join(packageRoot, "package.json"), "utf8")) as {
    bin: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === "string" ? manifest.bin : Object.values(manifest.bin)[0];
  if (bin === undefined) throw new Error(`${packageName} declares no command`);
  return join(packageRoot, bin);
}

/** The version of a generator that `pnpm install` put in this package's node_modules. */
export async function installedVersion(packageName: string): Promise<string> {
  const manifest = join(packageDir, "node_modules", packageName, "package.json");
  return (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
}

/**
 * Runs the generator into `workDir/client` and puts the exercise and its support files beside it. Throws
 * with the generator's own output when it fails.
 */
export async function generateClient(generator: ClientGenerator, workDir: string): Promise<void> {
  const clientDir = join(workDir, "client");
  // some generators write a file into it, and do not make it
  await mkdir(clientDir, { recursive: true });
  for (const name of ["exercise-result.ts", "type-equality.ts", ...generator.support]) {
    await cp(join(exercisesDir, name), join(workDir, name));
  }
  await cp(join(exercisesDir, `${generator.name}.ts`), join(workDir, "exercise.ts"));
  await generator.prepare?.(specPath, workDir);
  try {
    await run(
      process.execPath,
      [await binOf(generator.packageName), ...generator.args(specPath, clientDir, workDir)],
      {
        cwd: workDir,
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${generator.packageName} failed:\n${stderr ?? ""}${stdout ?? ""}`, { cause: error });
  }
}

/** Every `.ts` file under `dir`, relative to it. */
async function sourcesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

/**
 * The `// @ts-nocheck` lines generated files carry, removed so that `tsc` checks the generated code
 * itself and not only our use of it. Returns the files that had one.
 */
export async function removeTsNocheck(clientDir: string): Promise<string[]> {
  const had: string[] = [];
  for (const file of await sourcesUnder(clientDir)) {
    const path = join(clientDir, file);
    const text = await readFile(path, "utf8");
    const kept = text.replace(/^\s*\/\/\s*@ts-nocheck\s*$\n?/m, "");
    if (kept !== text) {
      had.push(file);
      await writeFile(path, kept);
    }
  }
  return had.sort();
}

/** Strict compiler options: the repository's own strictness, less its module-syntax rules. */
const strictOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  noEmit: true,
  target: "ES2022",
  // generated code imports without extensions (a bundler's resolution) or with .js (NodeNext's)
  module: "ESNext",
  moduleResolution: "Bundler",
  // fetch, Request, Headers; orval's fetch client also iterates Headers
  lib: ["ES2023", "DOM", "DOM.Iterable"],
  types: [],
  // the .d.ts of zod, axios and the like are theirs; the generated .ts files are all checked
  skipLibCheck: true,
};

/**
 * Typechecks the generated client and the exercise beside it with `tsc`. Returns tsc's error lines,
 * with paths relative to `workDir`: none when it compiles.
 */
export async function typecheck(workDir: string): Promise<string[]> {
  await writeFile(
    join(workDir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: strictOptions, include: ["**/*.ts"], exclude: ["node_modules"] }),
  );
  const tsc = join(packageDir, "node_modules", "typescript", "bin", "tsc");
  try {
    // tsc names files relative to its working directory
    await run(process.execPath, [tsc, "-p", ".", "--pretty", "false"], {
      cwd: workDir,
      maxBuffer: 16 * 1024 * 1024,
    });
    return [];
  } catch (error) {
    const { stdout } = error as { stdout?: string };
    return (stdout ?? String(error)).split("\n").filter((line) => line.trim() !== "");
  }
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/**
 * The lines of the generator's type files that type something as `any` or `unknown` (zod's
 * `z.any()` and `z.unknown()` included), comments left out, as `file: line`.
 */
export async function findLooseTypes(generator: ClientGenerator, clientDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await generator.typeFiles(clientDir)) {
    const source = withoutComments(await readFile(join(clientDir, file), "utf8"));
    for (const line of source.split("\n")) {
      if ((generator.looseType ?? /\b(any|unknown)\b/).test(line)) found.push(`${file}: ${line.trim()}`);
    }
  }
  return found;
}

/** The text of one generated file, for checks on what a generator wrote. */
export const readGenerated = (workDir: string, file: string) =>
  readFile(join(workDir, "client", file), "utf8");
