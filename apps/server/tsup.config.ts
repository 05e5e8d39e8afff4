import { cp } from "node:fs/promises";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  // workspace packages export TypeScript source, so they must be bundled rather than imported at run time
  noExternal: [/^@sessions-api\//],
  // the migrations are read from disk beside the bundle, as they are beside src/store in development
  onSuccess: async () => {
    await cp("src/store/migrations", "dist/migrations", { recursive: true });
  },
});
