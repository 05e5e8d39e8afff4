import { defineProject } from "vitest/config";
import { hangGuards } from "../vitest.shared.js";

export default defineProject({
  test: {
    name: "bench",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    ...hangGuards,
  },
});
