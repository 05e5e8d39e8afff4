import { defineProject } from "vitest/config";
import { hangGuards } from "../../vitest.shared.js";

export default defineProject({
  test: { name: "foreign-clients", include: ["src/**/*.test.ts"], ...hangGuards },
});
