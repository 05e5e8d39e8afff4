import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "spec-diff", include: ["src/**/*.test.ts"] },
});
