/**
 * The checks of each public package of the workspace, by name. A package that becomes public (its
 * package.json loses `"private": true`) is published by `pnpm release`, and the walk-through fails until
 * it has an entry here: a function that registers the tests of the package as its users get it (install
 * it in a fresh project, run its bin or import it, and check what it does).
 */
import { describeClientChecks } from "./client.js";
import { describeContractKitChecks } from "./contract-tests.js";
import { describeServerChecks } from "./server.js";
import type { Walkthrough } from "./walkthrough.js";

export const packageChecks: Record<string, (walkthrough: Walkthrough) => void> = {
  "@sessions-api/client": describeClientChecks,
  "@sessions-api/contract-tests": describeContractKitChecks,
  "@sessions-api/server": describeServerChecks,
};
