/**
 * The vitest configuration of a contract run, for every target: the one place that says which files
 * are the suite, how they run (one at a time on a real server, where every file moves the test clock
 * of the one account it runs as), which
 * reporters report, and how the target reaches the cases (started by the global setup, or given).
 *
 * The suite runs from its sources inside this repository (`src/*.ts`, `test/*.test.ts`, through tsx)
 * and from the build everywhere else (`dist/`, the published package): the layout follows from where
 * this module itself was loaded from.
 *
 * @example
 * const options = contractVitestOptions({ target: "server", reporters: ["default"] });
 * await startVitest("test", [], options, contractViteOverrides());
 */
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CliOptions, Reporter, Vite } from "vitest/node";
import { hangGuards } from "../../../vitest.shared.js";
import type { TargetName } from "./coverage.js";
import type { TargetContext } from "./target-context.js";

const fromSources = import.meta.url.endsWith(".ts");

/** Where the suite's files are, relative to the package root, in the layout this module runs from. */
export const suiteLayout = {
  /** The package root: `src/..` or `dist/..`. */
  root: fileURLToPath(new URL("..", import.meta.url)),
  /** Whether this is the repository's source layout, where the suite can start its own targets. */
  fromSources,
  suiteDir: fromSources ? "test" : "dist/suite",
  suiteSuffix: fromSources ? ".test.ts" : ".test.js",
  globalSetup: fromSources ? "src/global-setup.ts" : undefined,
} as const;

/**
 * The file names of the whole suite, to tell a filtered run from a whole one.
 *
 * @example
 * suiteFileNames(); // ["application-sessions.test.ts", "conventions.test.ts", ...]
 */
export function suiteFileNames(): string[] {
  return readdirSync(join(suiteLayout.root, suiteLayout.suiteDir)).filter((file) =>
    file.endsWith(suiteLayout.suiteSuffix),
  );
}

export interface ContractVitestInput {
  target: TargetName;
  /** The context of an external target; the suite's own targets get theirs from the global setup. */
  external?: TargetContext | undefined;
  reporters: (string | Reporter | [string, Record<string, unknown>])[];
  /** Runs only the cases whose full name matches this regular expression. */
  grep?: string | undefined;
}

/**
 * Options for `startVitest` that run the contract suite against one target.
 *
 * @example
 * await startVitest("test", [], contractVitestOptions({ target: "mock", reporters: ["default"] }));
 */
export function contractVitestOptions(input: ContractVitestInput): CliOptions {
  const { target, external } = input;
  if (target === "external" && external === undefined)
    throw new Error("An external target needs its context");
  if (target !== "external" && suiteLayout.globalSetup === undefined) {
    throw new Error(
      `--target ${target} starts the suite's own targets, which exist only inside the sessions-api repository; give --base-url and --key`,
    );
  }
  return {
    config: false,
    root: suiteLayout.root,
    run: true,
    watch: false,
    name: `contract-${target}`,
    include: [`${suiteLayout.suiteDir}/*${suiteLayout.suiteSuffix}`],
    // installed, the suite itself lives under node_modules
    exclude: [],
    globalSetup: target === "external" || !suiteLayout.globalSetup ? [] : [suiteLayout.globalSetup],
    provide: external ? { contractTarget: external } : { contractTargetName: target },
    reporters: input.reporters as CliOptions["reporters"],
    // every file runs as one account and moves its test clock: its files run one at a time, so advancing it
    // disturbs no other case
    fileParallelism: target === "mock",
    // the files share one module graph: the spec is compiled to validators once per worker, not per file
    isolate: false,
    ...(input.grep === undefined ? {} : { testNamePattern: input.grep }),
    ...hangGuards,
  } as CliOptions;
}

/**
 * Vite settings of a contract run: installed, the package directory is no place for vite's cache.
 *
 * @example
 * await startVitest("test", [], options, contractViteOverrides());
 */
export function contractViteOverrides(): Vite.UserConfig {
  return fromSources ? {} : { cacheDir: join(tmpdir(), "sessions-api-contract-vite") };
}
