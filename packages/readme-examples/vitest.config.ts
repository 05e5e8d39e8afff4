import { defineProject } from "vitest/config";
import { hangGuards } from "../../vitest.shared.js";

export default defineProject({
  test: { name: "readme-examples", include: ["src/**/*.test.ts"], ...hangGuards },
});
