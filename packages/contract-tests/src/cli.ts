#!/usr/bin/env node
/**
 * `sessions-api-contract`: the contract suite as a conformance kit. Runs every case of the suite against
 * the implementation at `--base-url` and exits 0 only when every case passed, 1 when one failed, 2 when
 * the run could not start (bad flags, a target that does not answer or refuses the key).
 *
 * @example
 * // npx sessions-api-contract --base-url https://staging.example.com --key "$KEY" --junit contract.xml
 */
import { parseCliArgs, usage } from "./cli-args.js";
import { TargetUnusableError } from "./external-target.js";
import { runContractSuite } from "./run-suite.js";

const name = "sessions-api-contract";

async function main(): Promise<number> {
  const request = parseCliArgs(process.argv.slice(2));
  if (request.kind === "help") {
    console.log(usage);
    return 0;
  }
  if (request.kind === "error") {
    console.error(`${name}: ${request.message} (see ${name} --help)`);
    return 2;
  }
  try {
    const summary = await runContractSuite(request);
    const { passed, failed, skipped } = summary.counts;
    console.log(
      `\n${name}: ${summary.ok ? "PASSED" : "FAILED"} on ${summary.targetUrl ?? summary.target}: ${passed} passed, ${failed} failed, ${skipped} skipped`,
    );
    return summary.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof TargetUnusableError) {
      console.error(`${name}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
