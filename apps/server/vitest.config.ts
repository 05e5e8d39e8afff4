import { defineProject } from "vitest/config";
import { hangGuards } from "../../vitest.shared.js";

export default defineProject({
  test: {
    name: "server",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    ...hangGuards,
  },
});
