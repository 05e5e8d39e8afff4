import { defineProject } from "vitest/config";
import { hangGuards } from "../../vitest.shared.js";

// The suite's own unit tests (coverage gate, negative-case generation, report formatting): fast and
// independent of any target. The contract cases run with vitest.contract.config.ts.
export default defineProject({
  test: { name: "contract-tests", include: ["src/**/*.test.ts"], ...hangGuards },
});
