import { defineConfig } from "vitest/config";
import { hangGuards } from "../../vitest.shared.js";
import { targetFromEnvironment } from "./src/environment.js";

// One suite of contract cases for three targets; CONTRACT_TARGET (set by the test:mock, test:server and
// test:proxy scripts) picks the target, which src/global-setup.ts starts and stops.
const target = targetFromEnvironment();

export default defineConfig({
  test: {
    name: `contract-${target}`,
    include: ["test/**/*.test.ts"],
    globalSetup: ["src/global-setup.ts"],
    reporters: ["default", "./src/contract-reporter.ts"],
    // the server's test clock is global: its files run one at a time, so advancing it disturbs no other case
    fileParallelism: target === "mock",
    // the files share one module graph: the spec is compiled to validators once per worker, not per file
    isolate: false,
    ...hangGuards,
  },
});
