import { createRequire } from "node:module";
import { join } from "node:path";
import { defineConfig } from "tsup";

// The workspace packages are private: their code and types are bundled in, so the published client
// depends on openapi-fetch alone.
const bundled = ["@sessions-api/openapi", "@sessions-api/username"];
const resolveFromHere = createRequire(join(process.cwd(), "package.json")).resolve;

export default defineConfig({
  entry: { index: "src/index.ts", username: "src/username.ts" },
  format: ["esm", "cjs"],
  target: "es2022",
  platform: "neutral",
  // mapped to their sources, the declaration bundler inlines their types instead of importing them
  dts: {
    compilerOptions: { paths: Object.fromEntries(bundled.map((name) => [name, [resolveFromHere(name)]])) },
  },
  noExternal: bundled,
  external: ["openapi-fetch"],
  splitting: false,
  sourcemap: true,
  clean: true,
  treeshake: true,
});
