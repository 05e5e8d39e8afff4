/**
 * Which target a contract run is for: the `CONTRACT_TARGET` environment variable, set by the package
 * scripts `test:mock`, `test:server` and `test:proxy`.
 *
 * @example
 * CONTRACT_TARGET=server vitest run --config vitest.contract.config.ts
 */
import { type TargetName, targetNames } from "./coverage.js";

export function targetFromEnvironment(value = process.env.CONTRACT_TARGET): TargetName {
  const found = targetNames.find((name) => name === value);
  if (!found) {
    throw new Error(
      `CONTRACT_TARGET must be one of ${targetNames.join(", ")} (got ${JSON.stringify(value)}); run pnpm test:mock, test:server or test:proxy`,
    );
  }
  return found;
}
