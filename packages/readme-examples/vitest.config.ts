import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "readme-examples", include: ["src/**/*.test.ts"] },
});
