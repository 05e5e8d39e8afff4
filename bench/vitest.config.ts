import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "bench",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // PGlite takes seconds to start on this machine, and the loader test opens it three times
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
