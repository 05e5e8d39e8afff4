/**
 * Which target a contract run is for: the `CONTRACT_TARGET` environment variable, set by the package
 * scripts `test:mock`, `test:server` and `test:proxy`.
 *
 * @example
 * CONTRACT_TARGET=server vitest run --config vitest.contract.config.ts
 */
import { type TargetName, targetNames } from "./coverage.js";

/**
 * The target of this run; throws with the scripts to use when the variable is missing or wrong.
 *
 * @example
 * targetFromEnvironment("proxy"); // "proxy"
 */
export function targetFromEnvironment(value = process.env.CONTRACT_TARGET): TargetName {
  const found = targetNames.find((name) => name === value);
  if (!found) {
    throw new Error(
      `CONTRACT_TARGET must be one of ${targetNames.join(", ")} (got ${JSON.stringify(value)}); run pnpm test:mock, test:server or test:proxy`,
    );
  }
  return found;
}
