import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "server",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // PGlite takes seconds to start on this machine; each file shares one instance
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
