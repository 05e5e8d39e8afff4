/**
 * The Sessions API contract suite as a library: run it against any implementation of the spec from
 * code. Most users want the `sessions-api-contract` command instead (see the README).
 *
 * @example
 * import { runContractSuite } from "@sessions-api/contract-tests";
 * const summary = await runContractSuite({ target: "external", baseUrl: "http://127.0.0.1:8080", keys: { full: "sk_demo_full" } });
 * if (!summary.ok) process.exitCode = 1;
 */
export { TargetUnusableError } from "./external-target.js";
export type { FailedCase, RunSummary, SkippedGroup } from "./report.js";
export {
  type ContractRunOptions,
  type ExternalRunOptions,
  type OwnTargetRunOptions,
  runContractSuite,
} from "./run-suite.js";
