import { defineProject } from "vitest/config";
import { hangGuards } from "../../vitest.shared.js";

export default defineProject({
  test: { name: "registry-walkthrough", include: ["test/**/*.test.ts"], ...hangGuards },
});
