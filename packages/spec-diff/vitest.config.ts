import { defineProject } from "vitest/config";
import { hangGuards } from "../../vitest.shared.js";

export default defineProject({
  test: { name: "spec-diff", include: ["src/**/*.test.ts"], ...hangGuards },
});
