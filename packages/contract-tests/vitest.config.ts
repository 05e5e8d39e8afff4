import { defineProject } from "vitest/config";
import { hangGuards } from "../../vitest.shared.js";

// The suite's own unit tests (coverage gate, negative-case generation, report formatting), and the kit
// end to end (src/cli.test.ts: packed, installed with npm, run against the built reference server).
// The contract cases run through the sessions-api-contract command (test:mock, test:server, test:proxy).
export default defineProject({
  test: { name: "contract-tests", include: ["src/**/*.test.ts"], ...hangGuards },
});
