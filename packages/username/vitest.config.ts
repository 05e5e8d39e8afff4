import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "username", include: ["src/**/*.test.ts"] },
});
