/**
 * Runs the contract suite once, against one target, with vitest's programmatic API: the runner behind
 * the `sessions-api-contract` command and behind the repository's own `test:mock`, `test:server` and
 * `test:proxy` scripts, so that every target goes through the same code.
 *
 * @example
 * import { runContractSuite } from "@sessions-api/contract-tests";
 * const summary = await runContractSuite({
 *   target: "external",
 *   baseUrl: "https://staging.example.com",
 *   keys: { full: process.env.STAGING_KEY ?? "" },
 *   markdownFile: "contract.md",
 * });
 * process.exitCode = summary.ok ? 0 : 1;
 */
import { resolve } from "node:path";
import { startVitest } from "vitest/node";
import ContractReporter from "./contract-reporter.js";
import type { ownTargetNames } from "./coverage.js";
import { resolveExternalTarget } from "./external-target.js";
import type { RunSummary } from "./report.js";
import { contractViteOverrides, contractVitestOptions, suiteFileNames, suiteLayout } from "./suite-config.js";
import type { TargetContext } from "./target-context.js";

interface CommonRunOptions {
  /** Where to write the results as JUnit XML (relative to the working directory). */
  junitFile?: string | undefined;
  /** Where to write the contract report as Markdown (relative to the working directory). */
  markdownFile?: string | undefined;
  /** Runs only the cases whose full name matches this regular expression. */
  grep?: string | undefined;
  /** Where progress lines go; the console by default. */
  log?: (line: string) => void;
}

export interface ExternalRunOptions extends CommonRunOptions {
  target: "external";
  /** The origin the API's paths hang off. */
  baseUrl: string;
  keys: { full: string; narrow?: string | undefined; other?: string | undefined };
}

export interface OwnTargetRunOptions extends CommonRunOptions {
  /** One of the suite's own targets, started for the run (inside this repository only). */
  target: (typeof ownTargetNames)[number];
}

export type ContractRunOptions = ExternalRunOptions | OwnTargetRunOptions;

function describeSandbox(context: TargetContext): string {
  return context.sandbox
    ? "Sandbox operations: present (GET /sandbox/clock answered 200): the stateful scenarios run."
    : "Sandbox operations: absent (GET /sandbox/clock did not answer 200): the scenarios that seed data through them are skipped and listed at the end.";
}

/**
 * Runs the suite and returns what it found; `ok` is true only when every case that ran passed (and, on
 * the suite's own targets, the coverage gate passed).
 *
 * @throws {TargetUnusableError} when an external target does not answer or refuses the key.
 * @example
 * const { ok } = await runContractSuite({ target: "server" });
 */
export async function runContractSuite(options: ContractRunOptions): Promise<RunSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  let external: TargetContext | undefined;
  if (options.target === "external") {
    external = await resolveExternalTarget({ baseUrl: options.baseUrl, keys: options.keys });
    log(`Contract suite against ${external.baseUrl}`);
    log(describeSandbox(external));
  }
  const inWorkingDir = (file: string | undefined) => (file === undefined ? undefined : resolve(file));
  const reporter = new ContractReporter({
    target: options.target,
    targetUrl: external?.baseUrl,
    sandbox: external?.sandbox,
    suiteFiles: suiteFileNames(),
    // the suite's own targets keep a text report in the package, for CI artifacts (turbo outputs)
    textFile: suiteLayout.fromSources
      ? resolve(suiteLayout.root, "reports", `contract-${options.target}.txt`)
      : undefined,
    markdownFile: inWorkingDir(options.markdownFile),
  });
  const junitFile = inWorkingDir(options.junitFile);
  const vitest = await startVitest(
    "test",
    [],
    contractVitestOptions({
      target: options.target,
      external,
      grep: options.grep,
      reporters: [
        "default",
        reporter,
        ...(junitFile === undefined
          ? []
          : [
              [
                "junit",
                { outputFile: junitFile, suiteName: `sessions-api contract (${options.target})` },
              ] as [string, Record<string, unknown>],
            ]),
      ],
    }),
    contractViteOverrides(),
  );
  await vitest.close();
  return (
    reporter.summary ?? {
      target: options.target,
      targetUrl: external?.baseUrl,
      sandbox: external?.sandbox,
      counts: { passed: 0, failed: 0, skipped: 0 },
      ok: false,
      failures: [
        { test: "(the run)", file: "", message: "vitest ended before the suite ran", violations: [] },
      ],
      skipped: [],
      matrix: "",
    }
  );
}
